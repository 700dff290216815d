import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../test/test-server.js';

let server: TestServer;
let admin: string;
let analyst: string;
let managerId: string;
let adminId: string;

const EVENTS = `query($filter: AuditEventFilter, $first: Int, $after: String, $orderBy: AuditEventOrder) {
  auditEvents(filter: $filter, first: $first, after: $after, orderBy: $orderBy) {
    totalCount
    nodes { id action entity entityId changes at actor { id email } }
    pageInfo { hasNextPage endCursor }
  }
}`;

interface EventNode {
  action: string;
  entity: string;
  entityId: string;
  changes: Record<string, { before: unknown; after: unknown }>;
  at: string;
  actor: { id: string; email: string } | null;
}

beforeAll(async () => {
  server = await startTestServer();
  admin = await server.login('admin@mosprom.demo');
  analyst = await server.login('analyst@mosprom.demo');
  const ids = await server.db.orm.em
    .getConnection()
    .execute<{ id: string; email: string }[]>(`select id, email from "user" where email like '%@mosprom.demo'`);
  managerId = ids.find((row) => row.email === 'manager@mosprom.demo')!.id;
  adminId = ids.find((row) => row.email === 'admin@mosprom.demo')!.id;
  // A few changes to read back: two role changes, a sector, a token of the analyst.
  for (const role of ['ANALYST', 'ACCOUNT_MANAGER']) {
    await server.gql(
      'mutation($input: SetUserRoleInput!) { setUserRole(input: $input) { userErrors { code } } }',
      { input: { userId: managerId, role } },
      { cookie: admin },
    );
  }
  await server.gql(
    'mutation { createSector(input: { code: "audit-probe", names: { fr: "a", en: "b", ru: "c" } }) { userErrors { code } } }',
    {},
    { cookie: admin },
  );
  await server.gql('mutation { createApiToken(input: { name: "audit" }) { secret } }', {}, { cookie: analyst });
});
afterAll(() => server?.close());

async function events(cookie: string, variables: Record<string, unknown> = {}): Promise<EventNode[]> {
  const response = await server.gql(EVENTS, { first: 100, ...variables }, { cookie });
  expect(response.errors).toBeUndefined();
  return response.data?.auditEvents.nodes;
}

describe('auditEvents', () => {
  it('is readable by ADMIN and ANALYST, newest first, with changes as JSON and the actor; not by ACCOUNT_MANAGER', async () => {
    const all = await events(analyst);
    expect(all.map((event) => event.action)).toEqual(['createApiToken', 'createSector', 'setUserRole', 'setUserRole']);
    expect(all[2]).toMatchObject({
      entity: 'User',
      entityId: managerId,
      changes: { role: { before: 'ANALYST', after: 'ACCOUNT_MANAGER' } },
      actor: { id: adminId, email: 'admin@mosprom.demo' },
    });
    expect(await events(admin)).toEqual(all);
    const manager = await server.login('manager@mosprom.demo');
    const refused = await server.gql(EVENTS, {}, { cookie: manager });
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(refused.data).toBeNull();
  });

  it('filters by actor, entity, entity id, action and time range, and pages', async () => {
    const actions = async (filter: object) => (await events(admin, { filter })).map((event) => event.action);
    expect(await actions({ actorIds: [adminId] })).toEqual(['createSector', 'setUserRole', 'setUserRole']);
    expect(await actions({ entities: ['Sector', 'ApiToken'] })).toEqual(['createApiToken', 'createSector']);
    expect(await actions({ entityId: managerId })).toEqual(['setUserRole', 'setUserRole']);
    expect(await actions({ entityId: 'not-an-id' })).toEqual([]);
    expect(await actions({ actorIds: ['not-an-id'] })).toEqual([]);
    expect(await actions({ actions: ['createSector'] })).toEqual(['createSector']);
    const all = await events(admin, { orderBy: { field: 'AT', direction: 'ASC' } });
    const third = all[2].at;
    expect(await actions({ atFrom: third })).toEqual(['createApiToken', 'createSector']);
    expect(await actions({ atTo: third })).toEqual(['setUserRole', 'setUserRole']);
    expect(await actions({ atFrom: '2000-01-01T00:00:00Z', atTo: '2000-01-02T00:00:00Z' })).toEqual([]);

    const page1 = await server.gql(EVENTS, { first: 3 }, { cookie: admin });
    expect(page1.data?.auditEvents.totalCount).toBe(4);
    expect(page1.data?.auditEvents.pageInfo.hasNextPage).toBe(true);
    const page2 = await server.gql(
      EVENTS,
      { first: 3, after: page1.data?.auditEvents.pageInfo.endCursor },
      { cookie: admin },
    );
    expect(page2.data?.auditEvents.nodes.map((event: EventNode) => event.action)).toEqual(['setUserRole']);
  });

  it('shows no other agency’s events', async () => {
    const asmex = await server.login('admin@asmex.demo');
    expect(await events(asmex)).toEqual([]);
  });
});
