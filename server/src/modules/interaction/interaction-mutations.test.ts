import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agencyEm } from '../../db/agency-scope.js';
import type { Context } from '../../graphql/context.js';
import { runMutation } from '../../shared/mutation.js';
import { signIn } from '../../test/sign-in.js';
import { type ResponseNode, startTestServer, type TestServer } from '../../test/test-server.js';
import { Role } from '../user/user.enums.js';
import { InteractionKind } from './interaction.enums.js';
import { LogInteractionInput } from './interaction.inputs.js';
import { logInteraction } from './interaction.service.js';

/** An audit event's changes: field → before/after (contacts as lists of ids). */
type AuditRow = { changes: Record<string, { before: unknown; after: unknown }> };

/** Writes: logInteraction and updateInteraction, their rules, the B2B agenda rule, roles, audit. */

let server: TestServer;
let admin: string;
let manager: string;
let analyst: string;
let asmex: string;

const companyId = (name: string, agency?: string) => server.idOf('company', 'name', name, agency);

async function contactsOf(company: string): Promise<string[]> {
  const rows = await server.sql<{ id: string }>('select id from contact where company_id = ? order by full_name, id', [
    company,
  ]);
  return rows.map((row) => row.id);
}

type Node = ResponseNode;

const FIELDS = `id kind occurredAt subject notes outcome status startsAt endsAt place
  exporter { id name } counterpart { id name } author { email } contacts { id fullName } mission { id name }
  deal { id title }`;
const LOG = `mutation($input: LogInteractionInput!) {
  logInteraction(input: $input) { interaction { ${FIELDS} } userErrors { field message code existingId } }
}`;
const UPDATE = `mutation($input: UpdateInteractionInput!) {
  updateInteraction(input: $input) { interaction { ${FIELDS} } userErrors { field message code existingId } }
}`;

async function log(input: Record<string, unknown>, cookie = manager): Promise<Node> {
  const response = await server.gql(LOG, { input }, { cookie });
  expect(response.errors).toBeUndefined();
  return response.data!.logInteraction;
}
async function update(input: Record<string, unknown>, cookie = manager): Promise<Node> {
  const response = await server.gql(UPDATE, { input }, { cookie });
  expect(response.errors).toBeUndefined();
  return response.data!.updateInteraction;
}
async function logged(input: Record<string, unknown>): Promise<Node> {
  const payload = await log(input);
  expect(payload.userErrors).toEqual([]);
  return payload.interaction;
}
const errorsOf = (payload: Node) =>
  payload.userErrors.map((error: Node) => ({ code: error.code, field: error.field?.join('.') }));

async function rowCounts(): Promise<{ interactions: number; links: number; audit: number }> {
  const [row] = await server.sql<Record<string, string>>(
    `select (select count(*) from interaction) as interactions, (select count(*) from interaction_contact) as links,
            (select count(*) from audit_event) as audit`,
  );
  return { interactions: Number(row.interactions), links: Number(row.links), audit: Number(row.audit) };
}

let casablanca: string;
let nexT: string;
let fishWorld: string;
let evA: string;
let prototip: string;
let anfa: string;
let atlasSmart: string;
let casaFrais: string;
let chamber: string;
let nexTContacts: string[];
let anfaContacts: string[];
let atlasContacts: string[];

beforeAll(async () => {
  server = await startTestServer();
  ({ admin, manager, analyst, asmex } = await signIn(server, 'admin', 'manager', 'analyst', 'asmex'));
  casablanca = await server.idOf('mission', 'name', 'Mission commerciale Mosprom à Casablanca');
  nexT = await companyId('Nex-T LLC');
  fishWorld = await companyId('Fish World');
  evA = await companyId('Intermobility.EVa');
  prototip = await companyId('Prototip 3D');
  anfa = await companyId('Anfa Tech Distribution');
  atlasSmart = await companyId('Atlas Smart Solutions');
  casaFrais = await companyId('Casa Frais Import');
  chamber = await companyId("Chambre de commerce et d'industrie du Maroc");
  nexTContacts = await contactsOf(nexT);
  anfaContacts = await contactsOf(anfa);
  atlasContacts = await contactsOf(atlasSmart);
});
afterAll(() => server?.close());

describe('logInteraction', () => {
  it('records a call by the viewer, at now by default, and audits it', async () => {
    const before = Date.now();
    const payload = await log({
      kind: 'CALL',
      subject: '  Relance sur le devis NexTouch  ',
      notes: 'Le distributeur attend la fiche technique.',
      outcome: 'NEUTRAL',
      exporterId: nexT,
      counterpartId: anfa,
      contactIds: [anfaContacts[0], nexTContacts[0], anfaContacts[0]],
    });
    expect(payload.userErrors).toEqual([]);
    const call = payload.interaction;
    expect(call).toMatchObject({
      kind: 'CALL',
      subject: 'Relance sur le devis NexTouch',
      outcome: 'NEUTRAL',
      status: null,
      startsAt: null,
      exporter: { id: nexT, name: 'Nex-T LLC' },
      counterpart: { id: anfa },
      author: { email: 'manager@mosprom.demo' },
      mission: null,
    });
    expect(call.contacts.map((contact: Node) => contact.id).sort()).toEqual([anfaContacts[0], nexTContacts[0]].sort());
    expect(Date.parse(call.occurredAt)).toBeGreaterThanOrEqual(before - 1000);
    expect(Date.parse(call.occurredAt)).toBeLessThanOrEqual(Date.now() + 1000);

    const [event] = await server.sql<AuditRow & { action: string; entity: string; email: string }>(
      `select e.action, e.entity, e.changes, u.email from audit_event e join "user" u on u.id = e.actor_id
        where e.entity_id = ?`,
      [call.id],
    );
    expect(event).toMatchObject({ action: 'logInteraction', entity: 'Interaction', email: 'manager@mosprom.demo' });
    expect(event.changes.subject).toEqual({ before: null, after: 'Relance sur le devis NexTouch' });
    expect(event.changes.exporter).toEqual({ before: null, after: nexT });
    expect(event.changes.contacts.after).toEqual([anfaContacts[0], nexTContacts[0]].sort());
  });

  it('plans a meeting (PLANNED, occurredAt = its start) and logs a past one (HELD)', async () => {
    const planned = await logged({
      kind: 'MEETING',
      subject: 'Démonstration NexTouch',
      exporterId: nexT,
      counterpartId: chamber,
      missionId: casablanca,
      startsAt: '2031-05-12T09:00:00Z',
      endsAt: '2031-05-12T09:45:00Z',
      place: 'Table 4',
    });
    expect(planned).toMatchObject({
      status: 'PLANNED',
      occurredAt: '2031-05-12T09:00:00.000Z',
      startsAt: '2031-05-12T09:00:00.000Z',
      endsAt: '2031-05-12T09:45:00.000Z',
      place: 'Table 4',
      mission: { id: casablanca },
    });
    const held = await logged({
      kind: 'MEETING',
      subject: 'Rencontre au salon',
      exporterId: prototip,
      counterpartId: chamber,
      occurredAt: '2024-03-01T10:00:00Z',
    });
    expect(held).toMatchObject({ status: 'HELD', occurredAt: '2024-03-01T10:00:00.000Z', startsAt: null });
  });

  it('checks each rule with a field path and a code, and writes nothing when it refuses', async () => {
    const before = await rowCounts();
    const base = { kind: 'MEETING', subject: 'Rendez-vous', exporterId: nexT, counterpartId: anfa };
    const cases: [Record<string, unknown>, { code: string; field: string }[]][] = [
      [{ subject: '' }, [{ code: 'REQUIRED', field: 'input.subject' }]],
      [{ subject: '   ' }, [{ code: 'REQUIRED', field: 'input.subject' }]],
      [{ subject: 'x'.repeat(301) }, [{ code: 'INVALID', field: 'input.subject' }]],
      [{ notes: 'x'.repeat(20_001) }, [{ code: 'INVALID', field: 'input.notes' }]],
      [{ place: 'x'.repeat(201) }, [{ code: 'INVALID', field: 'input.place' }]],
      [{ exporterId: 'nope' }, [{ code: 'INVALID', field: 'input.exporterId' }]],
      [{ exporterId: '00000000-0000-4000-8000-000000000000' }, [{ code: 'NOT_FOUND', field: 'input.exporterId' }]],
      // A distributor is a counterpart, not an exporter.
      [{ exporterId: anfa, counterpartId: nexT }, [{ code: 'INVALID', field: 'input.exporterId' }]],
      [{ counterpartId: nexT }, [{ code: 'INVALID', field: 'input.counterpartId' }]],
      [
        { counterpartId: '00000000-0000-4000-8000-000000000000' },
        [{ code: 'NOT_FOUND', field: 'input.counterpartId' }],
      ],
      // Fish World is in the Casablanca delegation: it cannot be Nex-T's counterpart there.
      [{ missionId: casablanca, counterpartId: fishWorld }, [{ code: 'INVALID', field: 'input.counterpartId' }]],
      [{ missionId: '00000000-0000-4000-8000-000000000000' }, [{ code: 'NOT_FOUND', field: 'input.missionId' }]],
      [
        { contactIds: [anfaContacts[0], '00000000-0000-4000-8000-000000000000'] },
        [{ code: 'NOT_FOUND', field: 'input.contactIds.1' }],
      ],
      [{ contactIds: [atlasContacts[0]] }, [{ code: 'INVALID', field: 'input.contactIds.0' }]],
      [{ contactIds: ['nope'] }, [{ code: 'INVALID', field: 'input.contactIds' }]],
      [
        { startsAt: '2031-06-01T10:00:00Z', endsAt: '2031-06-01T10:00:00Z' },
        [{ code: 'INVALID', field: 'input.endsAt' }],
      ],
      [
        { startsAt: '2031-06-01T10:00:00Z', endsAt: '2031-06-01T09:00:00Z' },
        [{ code: 'INVALID', field: 'input.endsAt' }],
      ],
      [{ startsAt: '2031-06-01T10:00:00Z' }, [{ code: 'REQUIRED', field: 'input.endsAt' }]],
      [{ endsAt: '2031-06-01T10:00:00Z' }, [{ code: 'REQUIRED', field: 'input.startsAt' }]],
      [{ status: 'PLANNED' }, [{ code: 'REQUIRED', field: 'input.startsAt' }]],
      [
        { kind: 'CALL', startsAt: '2031-06-01T10:00:00Z', endsAt: '2031-06-01T11:00:00Z' },
        [
          { code: 'INVALID', field: 'input.startsAt' },
          { code: 'INVALID', field: 'input.endsAt' },
        ],
      ],
      [
        { kind: 'NOTE', status: 'HELD', place: 'Salle 2' },
        [
          { code: 'INVALID', field: 'input.place' },
          { code: 'INVALID', field: 'input.status' },
        ],
      ],
    ];
    for (const [change, expected] of cases) {
      const payload = await log({ ...base, ...change });
      expect(payload.interaction, JSON.stringify(change).slice(0, 100)).toBeNull();
      expect(errorsOf(payload), JSON.stringify(change).slice(0, 100)).toEqual(expected);
    }
    // The rules of the service report their problems together.
    const many = await log({
      ...base,
      subject: ' ',
      counterpartId: nexT,
      missionId: '00000000-0000-4000-8000-000000000000',
    });
    expect(errorsOf(many)).toEqual(
      expect.arrayContaining([
        { code: 'REQUIRED', field: 'input.subject' },
        { code: 'INVALID', field: 'input.counterpartId' },
        { code: 'NOT_FOUND', field: 'input.missionId' },
      ]),
    );
    // Outside a mission, two exporters may meet.
    const exporters = await logged({ ...base, kind: 'CALL', counterpartId: fishWorld });
    expect(exporters.counterpart.id).toBe(fishWorld);
    expect(await rowCounts()).toMatchObject({
      interactions: before.interactions + 1,
      audit: before.audit + 1,
    });
  });

  it('refuses references to another agency’s records as not found', async () => {
    const atlanticSud = await companyId('Conserveries Atlantique Sud', 'ASMEX');
    const before = await rowCounts();
    const cases: [Record<string, unknown>, string][] = [
      [{ exporterId: nexT }, 'input.exporterId'],
      [{ counterpartId: anfa }, 'input.counterpartId'],
      [{ missionId: casablanca }, 'input.missionId'],
      [{ contactIds: [nexTContacts[0]] }, 'input.contactIds.0'],
    ];
    for (const [change, field] of cases) {
      const payload = await log({ kind: 'NOTE', subject: 'Note', exporterId: atlanticSud, ...change }, asmex);
      expect(errorsOf(payload)).toContainEqual({ code: 'NOT_FOUND', field });
      expect(payload.interaction).toBeNull();
    }
    expect(await rowCounts()).toEqual(before);
    const own = await log({ kind: 'NOTE', subject: 'Note', exporterId: atlanticSud }, asmex);
    expect(own.userErrors).toEqual([]);
  });

  it('lets an exporter who withdrew from the delegation be a counterpart of the mission', async () => {
    // ASMEX's Casablanca forum: one exporter withdrew from its delegation.
    const [{ id: forum }] = await server.sql<{ id: string }>(
      `select distinct mission_id as id from mission_participant where status = 'WITHDREW'`,
    );
    const [withdrew] = await server.sql(
      `select company_id from mission_participant where mission_id = ? and status = 'WITHDREW'`,
      [forum],
    );
    const [exporter, other] = await server.sql(
      `select company_id from mission_participant where mission_id = ? and status <> 'WITHDREW' order by company_id`,
      [forum],
    );
    const base = {
      kind: 'MEETING',
      subject: 'Rencontre entre exportateurs',
      missionId: forum,
      exporterId: exporter.company_id,
    };
    const inDelegation = await log({ ...base, counterpartId: other.company_id }, asmex);
    expect(errorsOf(inDelegation)).toEqual([{ code: 'INVALID', field: 'input.counterpartId' }]);
    const withdrawn = await log({ ...base, counterpartId: withdrew.company_id }, asmex);
    expect(withdrawn.userErrors).toEqual([]);
  });
});

describe('updateInteraction', () => {
  it('marks a meeting held with its outcome, audits the changed fields only, and keeps the rest', async () => {
    const meeting = await logged({
      kind: 'MEETING',
      subject: 'Dégustation',
      exporterId: fishWorld,
      counterpartId: casaFrais,
      contactIds: await contactsOf(casaFrais),
      startsAt: '2031-07-01T09:00:00Z',
      endsAt: '2031-07-01T10:00:00Z',
    });
    const payload = await update({
      interactionId: meeting.id,
      status: 'HELD',
      outcome: 'POSITIVE',
      notes: 'Commande test.',
    });
    expect(payload.userErrors).toEqual([]);
    expect(payload.interaction).toMatchObject({
      id: meeting.id,
      status: 'HELD',
      outcome: 'POSITIVE',
      notes: 'Commande test.',
      subject: 'Dégustation',
      startsAt: '2031-07-01T09:00:00.000Z',
      counterpart: { id: casaFrais },
    });
    expect(payload.interaction.contacts).toHaveLength(meeting.contacts.length);
    const [event] = await server.sql(
      `select changes from audit_event where entity_id = ? and action = 'updateInteraction'`,
      [meeting.id],
    );
    expect(event.changes).toEqual({
      status: { before: 'PLANNED', after: 'HELD' },
      outcome: { before: null, after: 'POSITIVE' },
      notes: { before: null, after: 'Commande test.' },
    });
  });

  it('moves a meeting (occurredAt follows), clears optional fields with null, and refuses to clear required ones', async () => {
    const meeting = await logged({
      kind: 'MEETING',
      subject: 'Présentation',
      exporterId: evA,
      counterpartId: anfa,
      contactIds: [anfaContacts[0]],
      startsAt: '2031-08-01T09:00:00Z',
      endsAt: '2031-08-01T10:00:00Z',
      place: 'Stand B',
    });
    const moved = await update({
      interactionId: meeting.id,
      startsAt: '2031-08-02T14:00:00Z',
      endsAt: '2031-08-02T15:00:00Z',
    });
    expect(moved.interaction).toMatchObject({
      occurredAt: '2031-08-02T14:00:00.000Z',
      startsAt: '2031-08-02T14:00:00.000Z',
    });
    const cleared = await update({ interactionId: meeting.id, counterpartId: null, contactIds: null, place: null });
    expect(cleared.userErrors).toEqual([]);
    expect(cleared.interaction).toMatchObject({ counterpart: null, contacts: [], place: null });

    const refused = await update({
      interactionId: meeting.id,
      subject: null,
      exporterId: null,
      kind: null,
      status: null,
    });
    expect(errorsOf(refused)).toEqual(
      expect.arrayContaining([
        { code: 'REQUIRED', field: 'input.subject' },
        { code: 'REQUIRED', field: 'input.exporterId' },
        { code: 'REQUIRED', field: 'input.kind' },
        { code: 'REQUIRED', field: 'input.status' },
      ]),
    );
    const invalid = await update({ interactionId: meeting.id, endsAt: '2031-08-02T13:00:00Z' });
    expect(errorsOf(invalid)).toEqual([{ code: 'INVALID', field: 'input.endsAt' }]);
    // Contacts are checked against the resulting parties.
    const wrongContact = await update({ interactionId: meeting.id, contactIds: [anfaContacts[0]] });
    expect(errorsOf(wrongContact)).toEqual([{ code: 'INVALID', field: 'input.contactIds.0' }]);

    // A meeting turned into a call loses its meeting fields.
    const call = await update({ interactionId: meeting.id, kind: 'CALL' });
    expect(call.interaction).toMatchObject({ kind: 'CALL', status: null, startsAt: null, endsAt: null });
    const [row] = await server.sql('select subject, starts_at, status from interaction where id = ?', [meeting.id]);
    expect(row).toMatchObject({ subject: 'Présentation', starts_at: null, status: null });
  });

  it('answers NOT_FOUND for an unknown interaction and for another agency’s, and changes nothing', async () => {
    const unknown = await update({ interactionId: '00000000-0000-4000-8000-000000000000', notes: 'x' });
    expect(errorsOf(unknown)).toEqual([{ code: 'NOT_FOUND', field: 'input.interactionId' }]);
    const [theirs] = await server.sql(`select id, notes, updated_at from interaction where subject = ?`, [
      'Rendez-vous B2B : Nex-T LLC – Anfa Tech Distribution',
    ]);
    const before = await rowCounts();
    const payload = await update({ interactionId: theirs.id, notes: 'Lu par ASMEX', status: 'CANCELLED' }, asmex);
    expect(errorsOf(payload)).toEqual([{ code: 'NOT_FOUND', field: 'input.interactionId' }]);
    const [after] = await server.sql(`select id, notes, updated_at from interaction where id = ?`, [theirs.id]);
    expect(after).toEqual(theirs);
    expect(await rowCounts()).toEqual(before);
  });
});

describe('links to deals', () => {
  const DEAL_INTERACTIONS = `query($id: ID!) { deal(id: $id) {
    interactions(first: 100) { totalCount nodes { id subject deal { id } } } } }`;
  const dealOf = async (exporter: string): Promise<string> => {
    const [deal] = await server.sql<{ id: string }>(
      'select id from deal where exporter_id = ? order by title, id limit 1',
      [exporter],
    );
    return deal.id;
  };
  let nexTDeal: string;
  let fishWorldDeal: string;
  let asmexDeal: string;

  beforeAll(async () => {
    nexTDeal = await dealOf(nexT);
    fishWorldDeal = await dealOf(fishWorld);
    const [exporter] = await server.sql<{ id: string }>(
      `select c.id from company c join agency a on a.id = c.agency_id
        where a.short_name = 'ASMEX' and c.kind = 'EXPORTER' order by c.name, c.id limit 1`,
    );
    const created = await server.gql(
      `mutation($input: CreateDealInput!) { createDeal(input: $input) { deal { id } userErrors { code } } }`,
      { input: { title: 'Contrat ASMEX', exporterId: exporter.id } },
      { cookie: asmex },
    );
    expect(created.data?.createDeal.userErrors).toEqual([]);
    asmexDeal = created.data?.createDeal.deal.id;
  });

  it('logs a call on a deal of its exporter, audited, and the deal lists it among its interactions', async () => {
    const call = await logged({ kind: 'CALL', subject: 'Point sur le devis', exporterId: nexT, dealId: nexTDeal });
    const [{ title }] = await server.sql<{ title: string }>('select title from deal where id = ?', [nexTDeal]);
    expect(call.deal).toEqual({ id: nexTDeal, title });
    const [event] = await server.sql<AuditRow>(
      `select changes from audit_event where entity_id = ? and action = 'logInteraction'`,
      [call.id],
    );
    expect(event.changes.deal).toEqual({ before: null, after: nexTDeal });

    const response = await server.gql(DEAL_INTERACTIONS, { id: nexTDeal }, { cookie: analyst });
    expect(response.errors).toBeUndefined();
    const { interactions } = response.data!.deal;
    expect(interactions.nodes).toContainEqual({ id: call.id, subject: 'Point sur le devis', deal: { id: nexTDeal } });
    const [{ n }] = await server.sql<{ n: string }>('select count(*) as n from interaction where deal_id = ?', [
      nexTDeal,
    ]);
    expect(interactions.totalCount).toBe(Number(n));
  });

  it('refuses another agency’s deal as NOT_FOUND and another exporter’s deal as INVALID, writing nothing', async () => {
    const before = await rowCounts();
    const base = { kind: 'CALL', subject: 'Relance', exporterId: nexT };
    expect(errorsOf(await log({ ...base, dealId: asmexDeal }))).toEqual([{ code: 'NOT_FOUND', field: 'input.dealId' }]);
    expect(errorsOf(await log({ ...base, dealId: '00000000-0000-4000-8000-000000000000' }))).toEqual([
      { code: 'NOT_FOUND', field: 'input.dealId' },
    ]);
    const otherExporter = await log({ ...base, dealId: fishWorldDeal });
    expect(errorsOf(otherExporter)).toEqual([{ code: 'INVALID', field: 'input.dealId' }]);
    expect(otherExporter.userErrors[0].message).toContain('Nex-T LLC');
    expect(errorsOf(await log({ ...base, dealId: 'nope' }))).toEqual([{ code: 'INVALID', field: 'input.dealId' }]);
    // The other agency cannot attach its interactions to Mosprom's deal either.
    const [asmexExporter] = await server.sql<{ id: string }>(`select exporter_id as id from deal where id = ?`, [
      asmexDeal,
    ]);
    expect(errorsOf(await log({ ...base, exporterId: asmexExporter.id, dealId: nexTDeal }, asmex))).toEqual([
      { code: 'NOT_FOUND', field: 'input.dealId' },
    ]);
    expect(await rowCounts()).toEqual(before);
  });

  it('links, relinks and detaches on update, with the same checks, and audits the change', async () => {
    const note = await logged({ kind: 'NOTE', subject: 'Suite du salon', exporterId: fishWorld });
    expect(note.deal).toBeNull();
    const linked = await update({ interactionId: note.id, dealId: fishWorldDeal });
    expect(linked.userErrors).toEqual([]);
    expect(linked.interaction.deal.id).toBe(fishWorldDeal);

    const before = await rowCounts();
    expect(errorsOf(await update({ interactionId: note.id, dealId: nexTDeal }))).toEqual([
      { code: 'INVALID', field: 'input.dealId' },
    ]);
    expect(errorsOf(await update({ interactionId: note.id, dealId: asmexDeal }))).toEqual([
      { code: 'NOT_FOUND', field: 'input.dealId' },
    ]);
    // Moving the interaction to another exporter while it stays on Fish World's deal breaks the link.
    expect(errorsOf(await update({ interactionId: note.id, exporterId: nexT }))).toEqual([
      { code: 'INVALID', field: 'input.dealId' },
    ]);
    expect(await rowCounts()).toEqual(before);

    const moved = await update({ interactionId: note.id, exporterId: nexT, dealId: nexTDeal });
    expect(moved.userErrors).toEqual([]);
    expect(moved.interaction).toMatchObject({ exporter: { id: nexT }, deal: { id: nexTDeal } });
    const detached = await update({ interactionId: note.id, dealId: null });
    expect(detached.userErrors).toEqual([]);
    expect(detached.interaction.deal).toBeNull();
    const events = await server.sql<AuditRow>(
      `select changes from audit_event where entity_id = ? and action = 'updateInteraction' order by at, id`,
      [note.id],
    );
    expect(events.map((event) => event.changes.deal)).toEqual([
      { before: null, after: fishWorldDeal },
      { before: fishWorldDeal, after: nexTDeal },
      { before: nexTDeal, after: null },
    ]);
  });
});

describe('the B2B agenda rule', () => {
  // Meeting A: Nex-T with Anfa Tech, 10:00-11:00 UTC, one of Anfa's people and one of Nex-T's.
  const DAY = '2032-03-10';
  const at = (time: string, day = DAY) => `${day}T${time}:00Z`;
  let meetingA: Node;

  const plan = (exporterId: string, counterpartId: string | null, from: string, to: string, extra = {}) =>
    log({
      kind: 'MEETING',
      subject: `Rendez-vous ${from}`,
      exporterId,
      counterpartId,
      startsAt: at(from),
      endsAt: at(to),
      ...extra,
    });

  beforeAll(async () => {
    meetingA = await logged({
      kind: 'MEETING',
      subject: 'Rendez-vous A',
      exporterId: nexT,
      counterpartId: anfa,
      contactIds: [anfaContacts[0], nexTContacts[0]],
      missionId: casablanca,
      startsAt: at('10:00'),
      endsAt: at('11:00'),
    });
  });

  it('refuses a meeting of the same exporter that overlaps, naming the clash', async () => {
    const before = await rowCounts();
    const payload = await plan(nexT, atlasSmart, '10:30', '11:30');
    expect(payload.interaction).toBeNull();
    expect(payload.userErrors).toEqual([
      {
        code: 'CONFLICT',
        field: ['input', 'startsAt'],
        existingId: meetingA.id,
        message: `Agenda conflict: Nex-T LLC already booked ${DAY} 10:00–11:00 UTC in "Rendez-vous A" (Nex-T LLC with Anfa Tech Distribution).`,
      },
    ]);
    expect(await rowCounts()).toEqual(before);
    // Inside, around, and overlapping the start: all clash.
    for (const [from, to] of [
      ['10:15', '10:45'],
      ['09:00', '12:00'],
      ['09:30', '10:01'],
    ]) {
      expect(errorsOf(await plan(nexT, atlasSmart, from, to))).toEqual([{ code: 'CONFLICT', field: 'input.startsAt' }]);
    }
  });

  it('refuses a meeting of the same counterpart, on either side of the table', async () => {
    const sameCounterpart = await plan(evA, anfa, '10:45', '11:15');
    expect(errorsOf(sameCounterpart)).toEqual([{ code: 'CONFLICT', field: 'input.startsAt' }]);
    expect(sameCounterpart.userErrors[0].message).toContain('Anfa Tech Distribution already booked');
    // Nex-T is the exporter of A and would be the counterpart of this one.
    const otherSide = await plan(prototip, nexT, '10:30', '10:45');
    expect(errorsOf(otherSide)).toEqual([{ code: 'CONFLICT', field: 'input.startsAt' }]);
    expect(otherSide.userErrors[0].message).toContain('Nex-T LLC already booked');
  });

  it('refuses a meeting with a contact of the other one (who has since moved to another company)', async () => {
    const moved = anfaContacts[0];
    const [{ full_name: name }] = await server.sql(`select full_name from contact where id = ?`, [moved]);
    await server.sql('update contact set company_id = ? where id = ?', [atlasSmart, moved]);
    try {
      const payload = await plan(fishWorld, atlasSmart, '10:30', '11:30', { contactIds: [moved] });
      expect(errorsOf(payload)).toEqual([{ code: 'CONFLICT', field: 'input.startsAt' }]);
      expect(payload.userErrors[0].message).toContain(`${name} already booked`);
      expect(payload.userErrors[0].existingId).toBe(meetingA.id);
    } finally {
      await server.sql('update contact set company_id = ? where id = ?', [anfa, moved]);
    }
  });

  it('lets meetings follow each other back to back, and other parties meet at the same time', async () => {
    const before = await plan(nexT, atlasSmart, '09:00', '10:00');
    expect(before.userErrors).toEqual([]);
    const after = await plan(nexT, atlasSmart, '11:00', '12:00');
    expect(after.userErrors).toEqual([]);
    const others = await plan(fishWorld, casaFrais, '10:00', '11:00');
    expect(others.userErrors).toEqual([]);
  });

  it('clashes with held meetings but not with no-shows, and lets a held meeting be logged after the fact', async () => {
    // Seeded: Nex-T met Anfa Tech on 2025-09-08 08:30-09:15 UTC (HELD).
    const held = await log({
      kind: 'MEETING',
      subject: 'Replanifié',
      exporterId: nexT,
      counterpartId: chamber,
      status: 'PLANNED',
      startsAt: '2025-09-08T09:00:00Z',
      endsAt: '2025-09-08T09:30:00Z',
    });
    expect(errorsOf(held)).toEqual([{ code: 'CONFLICT', field: 'input.startsAt' }]);
    expect(held.userErrors[0].message).toContain('Rendez-vous B2B : Nex-T LLC – Anfa Tech Distribution');
    // Seeded: Épiceries Al Wafa did not show up (NO_SHOW) on 2025-09-10 09:30 UTC.
    const [noShow] = await server.sql<{ starts_at: Date | string; ends_at: Date | string }>(
      `select starts_at, ends_at from interaction where status = 'NO_SHOW'`,
    );
    const replan = await log({
      kind: 'MEETING',
      subject: 'Nouvelle tentative',
      exporterId: await companyId('Prototip 3D'),
      counterpartId: await companyId('Épiceries Al Wafa'),
      status: 'PLANNED',
      startsAt: new Date(noShow.starts_at).toISOString(),
      endsAt: new Date(noShow.ends_at).toISOString(),
    });
    expect(replan.userErrors).toEqual([]);
    const afterTheFact = await log({
      kind: 'MEETING',
      subject: 'Échange informel',
      exporterId: nexT,
      counterpartId: chamber,
      status: 'HELD',
      startsAt: '2025-09-08T09:00:00Z',
      endsAt: '2025-09-08T09:30:00Z',
    });
    expect(afterTheFact.userErrors).toEqual([]);
  });

  it('never clashes with cancelled meetings; re-planning or moving one is checked again', async () => {
    const b = await plan(evA, chamber, '14:00', '15:00');
    expect(b.userErrors).toEqual([]);
    expect((await update({ interactionId: b.interaction.id, status: 'CANCELLED' })).userErrors).toEqual([]);
    const c = await plan(evA, chamber, '14:30', '15:30');
    expect(c.userErrors).toEqual([]);
    // B planned again: it now clashes with C.
    const replanned = await update({ interactionId: b.interaction.id, status: 'PLANNED' });
    expect(errorsOf(replanned)).toEqual([{ code: 'CONFLICT', field: 'input.startsAt' }]);
    expect(replanned.userErrors[0].existingId).toBe(c.interaction.id);
    const [row] = await server.sql('select status from interaction where id = ?', [b.interaction.id]);
    expect(row.status).toBe('CANCELLED');
    // Moving C to meet Anfa Tech during A is moving it onto A's counterpart.
    const movedOnto = await update({
      interactionId: c.interaction.id,
      counterpartId: anfa,
      startsAt: at('10:30'),
      endsAt: at('11:30'),
    });
    expect(errorsOf(movedOnto)).toEqual([{ code: 'CONFLICT', field: 'input.startsAt' }]);
    expect(movedOnto.userErrors[0].existingId).toBe(meetingA.id);
    // Editing the notes of a planned meeting does not re-run the check.
    expect((await update({ interactionId: meetingA.id, notes: 'Apporter la brochure.' })).userErrors).toEqual([]);
  });

  it('lets only one of several concurrent overlapping plans through', async () => {
    const counterparts = [casaFrais, atlasSmart, anfa, chamber, evA, fishWorld];
    const responses = await Promise.all(
      counterparts.map((counterpartId, index) =>
        server.gql(
          LOG,
          {
            input: {
              kind: 'MEETING',
              subject: `Course ${index}`,
              exporterId: prototip,
              counterpartId,
              startsAt: at('16:00', '2032-03-11'),
              endsAt: at('17:00', '2032-03-11'),
            },
          },
          { cookie: index % 2 ? admin : manager },
        ),
      ),
    );
    const passed = responses.filter((response) => response.data!.logInteraction.userErrors.length === 0);
    const refused = responses.flatMap((response) =>
      response.data!.logInteraction.userErrors.map((error: Node) => error.code),
    );
    expect(passed).toHaveLength(1);
    expect(refused).toEqual(counterparts.slice(1).map(() => 'CONFLICT'));
  });
  it('serialises agenda checks: a plan waits for a concurrent one to commit, then sees it', async () => {
    // Service level, to hold the first transaction open between its check and its commit.
    const [viewer] = await server.sql<{ user_id: string; agency_id: string }>(
      `select id as user_id, agency_id from "user" where email = 'manager@mosprom.demo'`,
    );
    const contextFor = (): Context => ({
      em: agencyEm(server.db.orm.em, viewer.agency_id),
      rootEm: server.db.orm.em.fork(),
      viewer: { userId: viewer.user_id, agencyId: viewer.agency_id, role: Role.ACCOUNT_MANAGER, via: 'session' },
      clientAddress: '127.0.0.1',
      cookies: { set: () => {}, clear: () => {} },
      sessionTtlDays: 1,
      language: 'en',
      requestId: 'test',
      loaders: new Map(),
    });
    const meeting = (subject: string, counterpartId: string) =>
      Object.assign(new LogInteractionInput(), {
        kind: InteractionKind.MEETING,
        subject,
        exporterId: prototip,
        counterpartId,
        startsAt: new Date(at('08:00', '2032-03-12')),
        endsAt: new Date(at('09:00', '2032-03-12')),
      });
    const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    const first = contextFor();
    const second = contextFor();
    const slow = runMutation(first, undefined, async (em) => {
      const interaction = await logInteraction(em, first, meeting('Lent', casaFrais));
      await em.flush();
      await pause(500);
      return { interaction };
    });
    await pause(150);
    const fast = runMutation(second, undefined, async (em) => ({
      interaction: await logInteraction(em, second, meeting('Rapide', atlasSmart)),
    }));
    const [a, b] = await Promise.all([slow, fast]);
    expect(a.userErrors).toEqual([]);
    expect(b.userErrors.map((error) => error.code)).toEqual(['CONFLICT']);
  });
});

describe('roles', () => {
  it('lets admins and account managers write, not analysts nor anonymous callers', async () => {
    const input = { kind: 'NOTE', subject: 'Note de rôle', exporterId: nexT };
    const byAdmin = await log(input, admin);
    expect(byAdmin.userErrors).toEqual([]);
    expect(byAdmin.interaction.author.email).toBe('admin@mosprom.demo');
    const before = await rowCounts();
    const byAnalyst = await server.gql(LOG, { input }, { cookie: analyst });
    expect(byAnalyst.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const updateByAnalyst = await server.gql(
      UPDATE,
      { input: { interactionId: byAdmin.interaction.id, notes: 'x' } },
      { cookie: analyst },
    );
    expect(updateByAnalyst.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const anonymous = await server.gql(LOG, { input });
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const anonymousUpdate = await server.gql(UPDATE, { input: { interactionId: byAdmin.interaction.id, notes: 'x' } });
    expect(anonymousUpdate.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(await rowCounts()).toEqual(before);
    const byManager = await update({ interactionId: byAdmin.interaction.id, notes: 'Complété.' }, manager);
    expect(byManager.userErrors).toEqual([]);
  });
});
