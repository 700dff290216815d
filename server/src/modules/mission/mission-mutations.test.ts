import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../../test/sign-in.js';
import { type ResponseNode, startTestServer, type TestServer } from '../../test/test-server.js';

/** Writes: createMission, updateMission, addMissionParticipant, updateMissionParticipant. */
let server: TestServer;
let admin: string;
let manager: string;
let analyst: string;
let asmex: string;
const ids = {
  mosprom: '',
  asmex: '',
  manager: '',
  asmexAdmin: '',
  casablanca: '',
  asmexMission: '',
  casablancaParticipant: '',
};
const company: Record<string, string> = {};
const asmexCompany: Record<string, string> = {};
const sector: Record<string, string> = {};

type Node = ResponseNode;
type UserErrorShape = { field: string[] | null; code: string; message: string; existingId: string | null };

const MISSION_FIELDS = `id name kind status hostCountry city startsOn endsOn datesApproximate description
  budget { amount currency } organizer { id } lead { id } partners { id } targetSectors { id } createdAt updatedAt`;
const PARTICIPANT_FIELDS = 'id status notes mission { id } company { id name }';

const MUTATIONS = {
  createMission: `mutation($input: CreateMissionInput!) { createMission(input: $input) {
    mission { ${MISSION_FIELDS} } userErrors { field code message existingId } } }`,
  updateMission: `mutation($input: UpdateMissionInput!) { updateMission(input: $input) {
    mission { ${MISSION_FIELDS} } userErrors { field code message existingId } } }`,
  addMissionParticipant: `mutation($input: AddMissionParticipantInput!) { addMissionParticipant(input: $input) {
    participant { ${PARTICIPANT_FIELDS} } userErrors { field code message existingId } } }`,
  updateMissionParticipant: `mutation($input: UpdateMissionParticipantInput!) { updateMissionParticipant(input: $input) {
    participant { ${PARTICIPANT_FIELDS} } userErrors { field code message existingId } } }`,
};
type MutationName = keyof typeof MUTATIONS;

async function mutate(name: MutationName, input: Record<string, unknown>, cookie = manager) {
  const response = await server.gql(MUTATIONS[name], { input }, { cookie });
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return response.data![name] as { mission?: Node | null; participant?: Node | null; userErrors: UserErrorShape[] };
}

async function ok(name: MutationName, input: Record<string, unknown>, cookie = manager): Promise<Node> {
  const result = await mutate(name, input, cookie);
  expect(result.userErrors).toEqual([]);
  return (result.mission ?? result.participant)!;
}

/** Rows that a refused mutation must leave untouched. */
async function footprint() {
  const [row] = await server.sql(
    `select (select count(*) from mission) as missions, (select count(*) from mission_participant) as participants,
            (select count(*) from mission_partner) as partners, (select count(*) from mission_target_sector) as sectors,
            (select count(*) from audit_event) as audits,
            (select max(updated_at) from mission) as mission_updated, (select max(updated_at) from mission_participant) as participant_updated`,
  );
  return row;
}

/** Runs a mutation that must be refused with one error; checks the field, code, and that nothing was written. */
async function refused(
  name: MutationName,
  input: Record<string, unknown>,
  field: string,
  code: string,
  cookie = manager,
) {
  const before = await footprint();
  const result = await mutate(name, input, cookie);
  expect(result.mission ?? result.participant ?? null).toBeNull();
  expect(result.userErrors.map((e) => [e.field?.join('.'), e.code])).toContainEqual([field, code]);
  expect(await footprint()).toEqual(before);
  return result.userErrors;
}

const BASE = { name: 'Mission Mosprom à Dubaï', kind: 'TRADE_FAIR', hostCountry: 'AE' };

/** Bad inputs of createMission (each a change to BASE), with the field and code of the refusal. */
const BAD_MISSIONS: [Record<string, unknown>, string, string][] = [
  [{ name: '' }, 'input.name', 'REQUIRED'],
  [{ name: '   ' }, 'input.name', 'REQUIRED'],
  [{ name: 'x'.repeat(301) }, 'input.name', 'INVALID'],
  [{ hostCountry: 'Maroc' }, 'input.hostCountry', 'INVALID'],
  [{ hostCountry: 'XX' }, 'input.hostCountry', 'INVALID'],
  // A country is taken in capitals, as for companies and deals (IsCountryCode).
  [{ hostCountry: 'ae' }, 'input.hostCountry', 'INVALID'],
  [{ city: 'c'.repeat(121) }, 'input.city', 'INVALID'],
  [{ startsOn: '2026-02-10', endsOn: '2026-02-09' }, 'input.endsOn', 'INVALID'],
  [{ budget: { amount: '-1.00', currency: 'RUB' } }, 'input.budget.amount', 'INVALID'],
  [{ budget: { amount: '1.005', currency: 'RUB' } }, 'input.budget.amount', 'INVALID'],
  [{ budget: { amount: '10', currency: 'RUBL' } }, 'input.budget.currency', 'INVALID'],
  [{ budget: { amount: '10', currency: 'XYZ' } }, 'input.budget.currency', 'INVALID'],
  [{ leadId: 'not-an-id' }, 'input.leadId', 'INVALID'],
  [{ partnerIds: ['nope'] }, 'input.partnerIds', 'INVALID'],
];

beforeAll(async () => {
  server = await startTestServer();
  ({ admin, manager, analyst, asmex } = await signIn(server, 'admin', 'manager', 'analyst', 'asmex'));
  const users = await server.sql<{ email: string; id: string; agency_id: string }>(
    `select email, id, agency_id from "user"`,
  );
  const user = (email: string) => users.find((u) => u.email === email)!;
  ids.mosprom = user('manager@mosprom.demo').agency_id;
  ids.manager = user('manager@mosprom.demo').id;
  ids.asmex = user('admin@asmex.demo').agency_id;
  ids.asmexAdmin = user('admin@asmex.demo').id;
  for (const row of await server.sql<{ id: string; name: string; agency_id: string }>(
    `select id, name, agency_id from company`,
  )) {
    (row.agency_id === ids.mosprom ? company : row.agency_id === ids.asmex ? asmexCompany : {})[row.name] = row.id;
  }
  for (const row of await server.sql<{ id: string; code: string }>(`select id, code from sector where agency_id = ?`, [
    ids.mosprom,
  ])) {
    sector[row.code] = row.id;
  }
  const missions = await server.sql<{ id: string; name: string; agency_id: string }>(
    `select id, name, agency_id from mission`,
  );
  ids.casablanca = missions.find((m) => m.agency_id === ids.mosprom && m.name.includes('Casablanca'))!.id;
  ids.asmexMission = missions.find((m) => m.agency_id === ids.asmex)!.id;
  const [participant] = await server.sql<{ id: string }>(
    `select id from mission_participant where mission_id = ? limit 1`,
    [ids.casablanca],
  );
  ids.casablancaParticipant = participant.id;
});
afterAll(() => server?.close());

describe('createMission', () => {
  it('creates a mission with its relations and budget, audited', async () => {
    const mission = await ok('createMission', {
      name: '  Mission Mosprom à Dubaï  ',
      kind: 'TRADE_FAIR',
      status: 'OPEN',
      hostCountry: 'AE',
      city: 'Dubaï',
      startsOn: '2026-02-10',
      endsOn: '2026-02-14',
      datesApproximate: true,
      description: 'Gulfood',
      leadId: ids.manager,
      partnerIds: [company['Représentation commerciale de la Fédération de Russie au Maroc'], company['Maroc Export']],
      targetSectorIds: [sector.FOOD_FISH_CONSERVES],
      budget: { amount: '4500000.50', currency: 'rub' },
    });
    expect(mission).toMatchObject({
      name: 'Mission Mosprom à Dubaï',
      kind: 'TRADE_FAIR',
      status: 'OPEN',
      hostCountry: 'AE',
      city: 'Dubaï',
      startsOn: '2026-02-10',
      endsOn: '2026-02-14',
      datesApproximate: true,
      description: 'Gulfood',
      budget: { amount: '4500000.50', currency: 'RUB' },
      organizer: { id: ids.mosprom },
      lead: { id: ids.manager },
      targetSectors: [{ id: sector.FOOD_FISH_CONSERVES }],
    });
    expect(mission.partners.map((p: Node) => p.id).sort()).toEqual(
      [company['Représentation commerciale de la Fédération de Russie au Maroc'], company['Maroc Export']].sort(),
    );
    const [row] = await server.sql(`select normalized_name, agency_id from mission where id = ?`, [mission.id]);
    expect(row).toEqual({ normalized_name: 'mission mosprom a dubai', agency_id: ids.mosprom });

    const [audit] = await server.sql(
      `select action, entity, actor_id, agency_id, changes from audit_event where entity_id = ?`,
      [mission.id],
    );
    expect(audit).toMatchObject({
      action: 'createMission',
      entity: 'Mission',
      actor_id: ids.manager,
      agency_id: ids.mosprom,
    });
    expect(audit.changes).toMatchObject({
      name: { before: null, after: 'Mission Mosprom à Dubaï' },
      budgetAmount: { before: null, after: '4500000.50' },
      budgetCurrency: { before: null, after: 'RUB' },
      organizer: { before: null, after: ids.mosprom },
      targetSectors: { before: null, after: [sector.FOOD_FISH_CONSERVES] },
    });
  });

  it('defaults: PLANNED, organised by the viewer’s agency, nothing else; organiser may be null', async () => {
    const mission = await ok('createMission', BASE, admin);
    expect(mission).toMatchObject({
      status: 'PLANNED',
      organizer: { id: ids.mosprom },
      lead: null,
      budget: null,
      partners: [],
      targetSectors: [],
      startsOn: null,
      datesApproximate: false,
    });
    const orphan = await ok('createMission', { ...BASE, organizerId: null });
    expect(orphan.organizer).toBeNull();
    const own = await ok('createMission', { ...BASE, organizerId: ids.mosprom });
    expect(own.organizer).toEqual({ id: ids.mosprom });
  });

  it('refuses bad input field by field, writing nothing', async () => {
    for (const [patch, field, code] of BAD_MISSIONS) {
      await refused('createMission', { ...BASE, ...patch }, field, code);
    }
  });

  it('takes a budget currency in any case and stores it in capitals, never tripping the database check', async () => {
    const created = await ok('createMission', { ...BASE, budget: { amount: '10.00', currency: 'eur' } });
    expect(created.budget).toEqual({ amount: '10.00', currency: 'EUR' });
    const updated = await ok('updateMission', { missionId: created.id, budget: { amount: '20.50', currency: 'Usd' } });
    expect(updated.budget).toEqual({ amount: '20.50', currency: 'USD' });
    const [row] = await server.sql('select budget_amount, budget_currency from mission where id = ?', [created.id]);
    expect(row).toEqual({ budget_amount: '20.50', budget_currency: 'USD' });
    // Not a currency in any case: refused at its field, before the database sees it.
    await refused(
      'updateMission',
      { missionId: created.id, budget: { amount: '10', currency: 'xyz' } },
      'input.budget.currency',
      'INVALID',
    );
  });

  it('refuses a deactivated lead', async () => {
    const [user] = await server.sql<{ id: string }>(
      `insert into "user" (id, agency_id, email, full_name, role, active, locale)
       values (gen_random_uuid(), ?, 'gone@mosprom.demo', 'Ушедший сотрудник', 'ACCOUNT_MANAGER', false, 'ru') returning id`,
      [ids.mosprom],
    );
    await refused('createMission', { ...BASE, leadId: user.id }, 'input.leadId', 'INVALID');
  });

  it('accepts a mission ending on its first day', async () => {
    const mission = await ok('createMission', { ...BASE, startsOn: '2026-03-01', endsOn: '2026-03-01' });
    expect(mission).toMatchObject({ startsOn: '2026-03-01', endsOn: '2026-03-01' });
  });

  it('refuses references that do not exist in the agency, with their paths', async () => {
    const unknown = '00000000-0000-7000-8000-000000000000';
    await refused('createMission', { ...BASE, organizerId: ids.asmex }, 'input.organizerId', 'NOT_FOUND');
    await refused('createMission', { ...BASE, organizerId: unknown }, 'input.organizerId', 'NOT_FOUND');
    await refused('createMission', { ...BASE, leadId: unknown }, 'input.leadId', 'NOT_FOUND');
    await refused('createMission', { ...BASE, leadId: ids.asmexAdmin }, 'input.leadId', 'NOT_FOUND');
    const errors = await refused(
      'createMission',
      { ...BASE, partnerIds: [company['Maroc Export'], asmexCompany['Maroc Export'], unknown] },
      'input.partnerIds.1',
      'NOT_FOUND',
    );
    expect(errors.map((e) => e.field?.join('.'))).toEqual(['input.partnerIds.1', 'input.partnerIds.2']);
    await refused('createMission', { ...BASE, targetSectorIds: [unknown] }, 'input.targetSectorIds.0', 'NOT_FOUND');
  });
});

describe('updateMission', () => {
  it('changes only what is given, clears with null, replaces sets, audited with before/after', async () => {
    const created = await ok('createMission', {
      ...BASE,
      name: 'Mission à modifier',
      startsOn: '2026-05-01',
      endsOn: '2026-05-03',
      city: 'Abu Dhabi',
      partnerIds: [company['Maroc Export']],
      budget: { amount: '100.00', currency: 'EUR' },
      leadId: ids.manager,
    });
    const updated = await ok('updateMission', {
      missionId: created.id,
      name: 'Mission modifiée à Sharjah',
      status: 'ONGOING',
      city: null,
      endsOn: '2026-05-05',
      partnerIds: [],
      targetSectorIds: [sector.EV_CHARGING, sector.EV_CHARGING],
      budget: null,
      leadId: null,
    });
    expect(updated).toMatchObject({
      id: created.id,
      name: 'Mission modifiée à Sharjah',
      status: 'ONGOING',
      kind: 'TRADE_FAIR',
      hostCountry: 'AE',
      city: null,
      startsOn: '2026-05-01',
      endsOn: '2026-05-05',
      partners: [],
      targetSectors: [{ id: sector.EV_CHARGING }],
      budget: null,
      lead: null,
      organizer: { id: ids.mosprom },
    });
    const found = await server.gql(
      `{ missions(filter: { nameContains: "modifiee a sharjah" }) { nodes { id } } }`,
      {},
      { cookie: manager },
    );
    expect(found.data?.missions.nodes).toEqual([{ id: created.id }]);
    const [audit] = await server.sql(
      `select changes, actor_id from audit_event where entity_id = ? and action = 'updateMission'`,
      [created.id],
    );
    expect(audit.actor_id).toBe(ids.manager);
    expect(audit.changes).toEqual({
      name: { before: 'Mission à modifier', after: 'Mission modifiée à Sharjah' },
      status: { before: 'PLANNED', after: 'ONGOING' },
      city: { before: 'Abu Dhabi', after: null },
      endsOn: { before: '2026-05-03', after: '2026-05-05' },
      lead: { before: ids.manager, after: null },
      budgetAmount: { before: '100.00', after: null },
      budgetCurrency: { before: 'EUR', after: null },
      partners: { before: [company['Maroc Export']], after: [] },
      targetSectors: { before: [], after: [sector.EV_CHARGING] },
    });
    // An empty update changes nothing (and says so in the audit).
    const same = await ok('updateMission', { missionId: created.id });
    expect(same.name).toBe('Mission modifiée à Sharjah');
  });

  it('checks endsOn against the stored startsOn, and references', async () => {
    await refused('updateMission', { missionId: ids.casablanca, endsOn: '2025-09-07' }, 'input.endsOn', 'INVALID');
    await refused('updateMission', { missionId: ids.casablanca, startsOn: '2025-09-11' }, 'input.endsOn', 'INVALID');
    await refused('updateMission', { missionId: ids.casablanca, name: '' }, 'input.name', 'REQUIRED');
    await refused('updateMission', { missionId: ids.casablanca, hostCountry: 'ZZ' }, 'input.hostCountry', 'INVALID');
    await refused(
      'updateMission',
      { missionId: ids.casablanca, organizerId: ids.asmex },
      'input.organizerId',
      'NOT_FOUND',
    );
    await refused(
      'updateMission',
      { missionId: ids.casablanca, targetSectorIds: ['00000000-0000-7000-8000-000000000000'] },
      'input.targetSectorIds.0',
      'NOT_FOUND',
    );
    await refused(
      'updateMission',
      { missionId: '00000000-0000-7000-8000-000000000000', name: 'x' },
      'input.missionId',
      'NOT_FOUND',
    );
    // The organiser can be cleared and set back to the viewer's own agency only.
    const cleared = await ok('updateMission', { missionId: ids.casablanca, organizerId: null });
    expect(cleared.organizer).toBeNull();
    const restored = await ok('updateMission', { missionId: ids.casablanca, organizerId: ids.mosprom });
    expect(restored.organizer).toEqual({ id: ids.mosprom });
    // Null on a required field leaves it as it is.
    const same = await ok('updateMission', { missionId: ids.casablanca, name: null, kind: null });
    expect(same).toMatchObject({ name: 'Mission commerciale Mosprom à Casablanca', kind: 'TRADE_MISSION' });
  });
});

describe('delegation: addMissionParticipant and updateMissionParticipant', () => {
  it('adds an exporter (INVITED by default), once; audited', async () => {
    const participant = await ok('addMissionParticipant', {
      missionId: ids.casablanca,
      companyId: company['Diagnostika-M'],
      notes: 'Missions en ligne avec le Maroc',
    });
    expect(participant).toMatchObject({
      status: 'INVITED',
      notes: 'Missions en ligne avec le Maroc',
      mission: { id: ids.casablanca },
      company: { id: company['Diagnostika-M'], name: 'Diagnostika-M' },
    });
    const [audit] = await server.sql(`select action, entity, changes from audit_event where entity_id = ?`, [
      participant.id,
    ]);
    expect(audit).toMatchObject({
      action: 'addMissionParticipant',
      entity: 'MissionParticipant',
      changes: {
        mission: { before: null, after: ids.casablanca },
        company: { before: null, after: company['Diagnostika-M'] },
        status: { before: null, after: 'INVITED' },
      },
    });
    const errors = await refused(
      'addMissionParticipant',
      { missionId: ids.casablanca, companyId: company['Diagnostika-M'], status: 'CONFIRMED' },
      'input.companyId',
      'DUPLICATE',
    );
    expect(errors[0].existingId).toBe(participant.id);
    const demo = await refused(
      'addMissionParticipant',
      { missionId: ids.casablanca, companyId: company['Fish World'] },
      'input.companyId',
      'DUPLICATE',
    );
    expect(demo[0].existingId).toBeTruthy();

    const count = await server.gql(
      `query($id: ID!) { mission(id: $id) { participants { totalCount } } }`,
      { id: ids.casablanca },
      { cookie: manager },
    );
    expect(count.data?.mission.participants.totalCount).toBe(7);
  });

  it('takes a given status; refuses a non-exporter and unknown references', async () => {
    const mission = await ok('createMission', BASE);
    const confirmed = await ok('addMissionParticipant', {
      missionId: mission.id,
      companyId: company['Fish World'],
      status: 'CONFIRMED',
    });
    expect(confirmed.status).toBe('CONFIRMED');
    await refused(
      'addMissionParticipant',
      { missionId: mission.id, companyId: company['Anfa Tech Distribution'] },
      'input.companyId',
      'INVALID',
    );
    await refused(
      'addMissionParticipant',
      { missionId: mission.id, companyId: company["Chambre de commerce et d'industrie du Maroc"] },
      'input.companyId',
      'INVALID',
    );
    await refused(
      'addMissionParticipant',
      { missionId: '00000000-0000-7000-8000-000000000000', companyId: company['Nex-T LLC'] },
      'input.missionId',
      'NOT_FOUND',
    );
    await refused(
      'addMissionParticipant',
      { missionId: mission.id, companyId: '00000000-0000-7000-8000-000000000000' },
      'input.companyId',
      'NOT_FOUND',
    );
    await refused('addMissionParticipant', { missionId: mission.id, companyId: 'x' }, 'input.companyId', 'INVALID');
  });

  it('updates status and notes, audited; unknown participant NOT_FOUND', async () => {
    const updated = await ok('updateMissionParticipant', {
      participantId: ids.casablancaParticipant,
      status: 'WITHDREW',
      notes: 'Stand annulé',
    });
    expect(updated).toMatchObject({ id: ids.casablancaParticipant, status: 'WITHDREW', notes: 'Stand annulé' });
    const cleared = await ok('updateMissionParticipant', { participantId: ids.casablancaParticipant, notes: null });
    expect(cleared).toMatchObject({ status: 'WITHDREW', notes: null });
    const audits = await server.sql(
      `select changes from audit_event where entity_id = ? and action = 'updateMissionParticipant' order by at, id`,
      [ids.casablancaParticipant],
    );
    expect(audits.map((a) => a.changes)).toEqual([
      { status: { before: 'ATTENDED', after: 'WITHDREW' }, notes: { before: null, after: 'Stand annulé' } },
      { notes: { before: 'Stand annulé', after: null } },
    ]);
    await refused(
      'updateMissionParticipant',
      { participantId: '00000000-0000-7000-8000-000000000000', status: 'CONFIRMED' },
      'input.participantId',
      'NOT_FOUND',
    );
    await refused(
      'updateMissionParticipant',
      { participantId: ids.casablancaParticipant, notes: 'n'.repeat(5001) },
      'input.notes',
      'INVALID',
    );
  });
});

describe('roles', () => {
  const inputs = (): Record<MutationName, Record<string, unknown>> => ({
    createMission: BASE,
    updateMission: { missionId: ids.casablanca, description: 'Role check' },
    addMissionParticipant: { missionId: ids.casablanca, companyId: company['Volumetrix 3D'] },
    updateMissionParticipant: { participantId: ids.casablancaParticipant, notes: 'Role check' },
  });

  it('refuses analysts (FORBIDDEN) and anonymous callers (UNAUTHENTICATED), writing nothing', async () => {
    for (const [name, input] of Object.entries(inputs()) as [MutationName, Record<string, unknown>][]) {
      const before = await footprint();
      const forbidden = await server.gql(MUTATIONS[name], { input }, { cookie: analyst });
      expect(forbidden.errors?.[0].extensions?.code, name).toBe('FORBIDDEN');
      const anonymous = await server.gql(MUTATIONS[name], { input });
      expect(anonymous.errors?.[0].extensions?.code, name).toBe('UNAUTHENTICATED');
      expect(await footprint()).toEqual(before);
    }
  });

  it('lets admins and account managers write', async () => {
    for (const cookie of [admin, manager]) {
      const mission = await ok('createMission', BASE, cookie);
      await ok('updateMission', { missionId: mission.id, status: 'OPEN' }, cookie);
      const participant = await ok(
        'addMissionParticipant',
        { missionId: mission.id, companyId: company['Nex-T LLC'] },
        cookie,
      );
      await ok('updateMissionParticipant', { participantId: participant.id, status: 'REGISTERED' }, cookie);
    }
  });

  it('lets every role read, and no anonymous caller', async () => {
    const query = `query($id: ID!) { missions(first: 1) { totalCount } mission(id: $id) { id } }`;
    for (const cookie of [admin, manager, analyst]) {
      const response = await server.gql(query, { id: ids.casablanca }, { cookie });
      expect(response.errors).toBeUndefined();
      expect(response.data?.mission.id).toBe(ids.casablanca);
    }
    const anonymous = await server.gql(query, { id: ids.casablanca });
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(anonymous.data?.missions ?? null).toBeNull();
  });
});

describe('agency isolation', () => {
  it('an ASMEX admin cannot read Mosprom’s missions by id, in lists or nested', async () => {
    const byId = await server.gql(
      `query($id: ID!) { mission(id: $id) { id } }`,
      { id: ids.casablanca },
      { cookie: asmex },
    );
    expect(byId.data?.mission).toBeNull();
    const everything = await server.gql(
      `{ missions(first: 20) { totalCount nodes { id organizer { id } lead { id } partners { id } targetSectors { id }
          participants(first: 20) { nodes { id mission { id } company { id missions(first: 10) { nodes { id } } }
            meetings(first: 10) { nodes { id } } } } } } }`,
      {},
      { cookie: asmex },
    );
    expect(everything.errors).toBeUndefined();
    const seen = JSON.stringify(everything.data);
    const mospromIds = (
      await server.sql<{ id: string }>(
        `select id from mission where agency_id = ? union all select id from mission_participant where agency_id = ?
       union all select id from company where agency_id = ? union all select id from interaction where agency_id = ?
       union all select id from "user" where agency_id = ? union all select id from sector where agency_id = ?
       union all select ?::uuid`,
        [ids.mosprom, ids.mosprom, ids.mosprom, ids.mosprom, ids.mosprom, ids.mosprom, ids.mosprom],
      )
    ).map((row) => row.id);
    expect(mospromIds.length).toBeGreaterThan(50);
    expect(mospromIds.filter((id) => seen.includes(id))).toEqual([]);
    expect(everything.data?.missions.totalCount).toBe(2);
    const filtered = await server.gql(
      `query($ids: [ID!]) { missions(filter: { organizerIds: $ids }) { totalCount } }`,
      { ids: [ids.mosprom] },
      { cookie: asmex },
    );
    expect(filtered.data?.missions.totalCount).toBe(0);
  });

  it('an ASMEX admin cannot change Mosprom’s missions or delegations, nor reference Mosprom’s records', async () => {
    await refused(
      'updateMission',
      { missionId: ids.casablanca, name: 'Piraté' },
      'input.missionId',
      'NOT_FOUND',
      asmex,
    );
    await refused(
      'addMissionParticipant',
      { missionId: ids.casablanca, companyId: asmexCompany['Conserveries Atlantique Sud'] },
      'input.missionId',
      'NOT_FOUND',
      asmex,
    );
    await refused(
      'addMissionParticipant',
      { missionId: ids.asmexMission, companyId: company['Diagnostika-M'] },
      'input.companyId',
      'NOT_FOUND',
      asmex,
    );
    await refused(
      'updateMissionParticipant',
      { participantId: ids.casablancaParticipant, status: 'WITHDREW' },
      'input.participantId',
      'NOT_FOUND',
      asmex,
    );
    await refused(
      'createMission',
      { ...BASE, partnerIds: [company['Maroc Export']] },
      'input.partnerIds.0',
      'NOT_FOUND',
      asmex,
    );
    await refused('createMission', { ...BASE, leadId: ids.manager }, 'input.leadId', 'NOT_FOUND', asmex);
    await refused(
      'createMission',
      { ...BASE, targetSectorIds: [sector.EV_CHARGING] },
      'input.targetSectorIds.0',
      'NOT_FOUND',
      asmex,
    );
    await refused('createMission', { ...BASE, organizerId: ids.mosprom }, 'input.organizerId', 'NOT_FOUND', asmex);
    await refused(
      'updateMission',
      { missionId: ids.asmexMission, partnerIds: [company['Maroc Export']] },
      'input.partnerIds.0',
      'NOT_FOUND',
      asmex,
    );
    const mine = await ok('createMission', BASE, asmex);
    expect(mine.organizer).toEqual({ id: ids.asmex });
  });
});
