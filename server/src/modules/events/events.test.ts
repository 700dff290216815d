import { type Client, createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { signIn } from '../../test/sign-in.js';
import { startTestServer, type TestServer } from '../../test/test-server.js';

/**
 * Issue 15, "a live board": subscriptions over WebSocket at /graphql. A move, a creation, an
 * edit of a deal reaches the subscribers of its pipeline in its agency (with the new version and
 * who made it) once saved, never another agency's; a meeting planned reaches the mission's
 * agenda; without a session no subscription opens; signing out closes the socket.
 */
let server: TestServer;
let manager: string;
let admin: string;
let asmex: string;

const clients: Client[] = [];
function live(auth: { cookie?: string; token?: string }): { client: Client; closed: Promise<number> } {
  let onClosed: (code: number) => void = () => {};
  const closed = new Promise<number>((resolve) => {
    onClosed = resolve;
  });
  const client = createClient({
    url: `${server.url.replace('http', 'ws')}/graphql`,
    webSocketImpl: class extends WebSocket {
      constructor(address: string, protocols?: string | string[]) {
        super(address, protocols, { headers: auth.cookie ? { cookie: auth.cookie } : {} });
      }
    },
    connectionParams: auth.token ? { authorization: `Bearer ${auth.token}` } : undefined,
    retryAttempts: 0,
    lazy: false,
    // A refused connection is what some tests want: `closed` reports it.
    onNonLazyError: () => {},
    on: { closed: (event) => onClosed((event as { code: number }).code) },
  });
  clients.push(client);
  return { client, closed };
}

/** An event as the subscription's `data` carries it. */
type EventData = Record<string, unknown>;

interface BoardStage {
  id: string;
  category: string;
  deals: { nodes: { id: string; version: number }[] };
}

/** The next `count` events of a subscription, or what came when `ms` ran out. */
function collect<T = EventData>(
  client: Client,
  query: string,
  variables: Record<string, unknown>,
  count: number,
  ms = 3_000,
) {
  const events: T[] = [];
  let ready: () => void = () => {};
  const started = new Promise<void>((resolve) => {
    ready = resolve;
  });
  const done = new Promise<{ events: T[]; error?: unknown }>((resolve) => {
    const timer = setTimeout(() => {
      stop();
      resolve({ events });
    }, ms);
    const stop = client.subscribe<T>(
      { query, variables },
      {
        next: (value) => {
          events.push(value.data as T);
          if (events.length === count) {
            clearTimeout(timer);
            stop();
            resolve({ events });
          }
        },
        error: (error) => {
          clearTimeout(timer);
          resolve({ events, error });
        },
        complete: () => {
          clearTimeout(timer);
          resolve({ events });
        },
      },
    );
    // The server has the subscription once it answers a ping-like round trip: give it a moment.
    setTimeout(ready, 300);
  });
  return { started, done };
}

const DEAL_CHANGED = `subscription($pipelineId: ID!) { dealChanged(pipelineId: $pipelineId) {
  dealId pipelineId version change by { email } } }`;

async function board(cookie: string) {
  const { data } = await server.gql(
    `{ pipelines(first: 10) { nodes { id isDefault stages { id category deals(first: 5) { nodes { id version } } } } } }`,
    {},
    { cookie },
  );
  const pipeline = (data!.pipelines.nodes as { id: string; isDefault: boolean; stages: BoardStage[] }[]).find(
    (p) => p.isDefault,
  )!;
  return pipeline;
}

beforeAll(async () => {
  server = await startTestServer();
  ({ manager, admin, asmex } = await signIn(server, 'manager', 'admin', 'asmex'));
});
afterAll(async () => {
  await Promise.all(clients.map((client) => client.dispose()));
  await server?.close();
});

describe('the live board', () => {
  it('tells the pipeline’s subscribers of its agency that a deal moved, with its version and who moved it', async () => {
    const pipeline = await board(manager);
    const open = pipeline.stages.find((stage) => stage.category === 'OPEN' && stage.deals.nodes.length > 0)!;
    const target = pipeline.stages.find((stage) => stage.category === 'OPEN' && stage.id !== open.id)!;
    const deal = open.deals.nodes[0];
    const colleague = collect(live({ cookie: admin }).client, DEAL_CHANGED, { pipelineId: pipeline.id }, 1);
    // Another agency subscribing to this pipeline's id hears nothing of it.
    const stranger = collect(live({ cookie: asmex }).client, DEAL_CHANGED, { pipelineId: pipeline.id }, 1, 1_500);
    await Promise.all([colleague.started, stranger.started]);

    const moved = await server.gql(
      'mutation($input: MoveDealInput!) { moveDeal(input: $input) { deal { version } userErrors { code } } }',
      { input: { dealId: deal.id, toStageId: target.id, version: deal.version } },
      { cookie: manager },
    );
    expect(moved.data?.moveDeal.userErrors).toEqual([]);
    expect((await colleague.done).events).toEqual([
      {
        dealChanged: {
          dealId: deal.id,
          pipelineId: pipeline.id,
          version: moved.data?.moveDeal.deal.version,
          change: 'MOVED',
          by: { email: 'manager@mosprom.demo' },
        },
      },
    ]);
    expect((await stranger.done).events).toEqual([]);
  });

  it('announces nothing for a refused change', async () => {
    const pipeline = await board(manager);
    const deal = pipeline.stages.flatMap((stage) => stage.deals.nodes)[0];
    const watcher = collect(live({ cookie: admin }).client, DEAL_CHANGED, { pipelineId: pipeline.id }, 1, 1_500);
    await watcher.started;
    const stale = await server.gql(
      'mutation($input: UpdateDealInput!) { updateDeal(input: $input) { userErrors { code } } }',
      { input: { dealId: deal.id, version: deal.version + 99, title: 'Stale edit' } },
      { cookie: manager },
    );
    expect(stale.data?.updateDeal.userErrors).not.toEqual([]);
    expect((await watcher.done).events).toEqual([]);
  });

  it('refuses a subscription over the shape limits (each event would run it again)', async () => {
    const pipeline = await board(manager);
    const aliases = Array.from({ length: 31 }, (_, i) => `b${i}: by { email }`).join(' ');
    const refused = collect(
      live({ cookie: admin }).client,
      `subscription($pipelineId: ID!) { dealChanged(pipelineId: $pipelineId) { dealId ${aliases} } }`,
      { pipelineId: pipeline.id },
      1,
    );
    const { events, error } = await refused.done;
    expect(events).toEqual([]);
    expect(error).toEqual([
      expect.objectContaining({
        message: 'The query has 31 aliases; the limit is 30.',
        extensions: expect.objectContaining({ code: 'QUERY_TOO_COMPLEX' }),
      }),
    ]);
  });

  it('refuses a subscription without a session or with a bad token', async () => {
    const anonymous = live({});
    expect(await anonymous.closed).toBe(4403);
    const forged = live({ token: 'crm_forged' });
    expect(await forged.closed).toBe(4403);
  });

  /** A user watching the board, then `end` (signing them out, deactivating them), then a colleague's change. */
  async function closedAtNextEvent(email: string, end: (cookie: string) => Promise<void>) {
    const pipeline = await board(manager);
    const cookie = await server.login(email);
    const { client, closed } = live({ cookie });
    const watcher = collect(client, DEAL_CHANGED, { pipelineId: pipeline.id }, 1, 3_000);
    await watcher.started;
    await end(cookie);
    const deal = (await board(manager)).stages.flatMap((stage) => stage.deals.nodes)[0];
    await server.gql(
      'mutation($input: UpdateDealInput!) { updateDeal(input: $input) { userErrors { code } } }',
      { input: { dealId: deal.id, version: deal.version, title: `Edited after ${email} left` } },
      { cookie: manager },
    );
    expect(await closed).toBe(4401);
    expect((await watcher.done).events).toEqual([]);
  }

  it('closes the socket of a user who signed out, at the next event', async () => {
    await closedAtNextEvent('admin@mosprom.demo', async (cookie) => {
      await server.gql('mutation { logout { ok } }', {}, { cookie });
    });
  });

  it('closes the socket of a user an admin deactivates, at the next event', async () => {
    await closedAtNextEvent('analyst@mosprom.demo', async () => {
      const analystId = await server.idOf('user', 'email', 'analyst@mosprom.demo');
      const deactivated = await server.gql(
        'mutation($input: DeactivateUserInput!) { deactivateUser(input: $input) { userErrors { code } } }',
        { input: { userId: analystId } },
        { cookie: admin },
      );
      expect(deactivated.data?.deactivateUser.userErrors).toEqual([]);
    });
  });

  it('tells the mission’s agenda watchers that an interaction was logged in it', async () => {
    const [participant] = await server.sql<{ mission_id: string; company_id: string }>(
      `select p.mission_id, p.company_id from mission_participant p join agency a on a.id = p.agency_id
        where a.short_name = 'Mosprom' limit 1`,
    );
    const watcher = collect(
      live({ cookie: admin }).client,
      `subscription($missionId: ID!) { interactionLogged(missionId: $missionId) { interactionId missionId by { email } } }`,
      { missionId: participant.mission_id },
      1,
    );
    await watcher.started;
    const logged = await server.gql(
      'mutation($input: LogInteractionInput!) { logInteraction(input: $input) { interaction { id } userErrors { code message } } }',
      {
        input: {
          kind: 'NOTE',
          subject: 'Debrief',
          exporterId: participant.company_id,
          missionId: participant.mission_id,
        },
      },
      { cookie: manager },
    );
    expect(logged.data?.logInteraction.userErrors).toEqual([]);
    expect((await watcher.done).events).toEqual([
      {
        interactionLogged: {
          interactionId: logged.data?.logInteraction.interaction.id,
          missionId: participant.mission_id,
          by: { email: 'manager@mosprom.demo' },
        },
      },
    ]);
  });
});
