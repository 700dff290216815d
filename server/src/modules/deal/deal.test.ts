import type { EntityManager } from '@mikro-orm/postgresql';
import { Decimal } from 'decimal.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agencyEm } from '../../db/agency-scope.js';
import { signIn } from '../../test/sign-in.js';
import { startTestServer, type TestServer } from '../../test/test-server.js';
import { Deal } from './deal.entity.js';

let server: TestServer;
let admin: string;
let manager: string;
let analyst: string;
let asmex: string;

interface Stage {
  id: string;
  name: string;
  category: string;
  retired: boolean;
}
interface World {
  agencyId: string;
  adminId: string;
  managerId: string;
  pipelineId: string;
  stages: Record<string, Stage>;
  company: (name: string) => string;
  casablanca: string;
}
let mosprom: World;
let asmexExporter: string;

const today = () => new Date().toISOString().slice(0, 10);

const DEAL_FIELDS = `id title version currency closedOn expectedCloseOn lostReason destinationCountry products createdAt updatedAt
  amount { amount currency } amountInBaseCurrency { amount currency } exchangeRateMissing
  pipeline { id } stage { id name category } exporter { id name } buyer { id name } owner { id fullName }
  sourceMission { id } sourceInteraction { id } sector { id }`;
const DEAL = `query($id: ID!) { deal(id: $id) { ${DEAL_FIELDS}
  stageHistory { totalCount nodes { fromStage { name } toStage { name } changedAt changedBy { id } } }
  interactions { totalCount nodes { id subject } } } }`;
const DEALS = `query($filter: DealFilter, $orderBy: DealOrder, $first: Int, $after: String) {
  deals(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } nodes { id title amount { amount } expectedCloseOn createdAt updatedAt } } }`;
const CREATE = `mutation($input: CreateDealInput!) { createDeal(input: $input) { deal { ${DEAL_FIELDS}
  stageHistory { totalCount nodes { fromStage { id } toStage { id } changedBy { id } } } interactions { nodes { id } } }
  userErrors { field message code } } }`;
const UPDATE = `mutation($input: UpdateDealInput!) { updateDeal(input: $input) { deal { ${DEAL_FIELDS} } userErrors { field message code } } }`;
const MOVE = `mutation($input: MoveDealInput!) { moveDeal(input: $input) { deal { ${DEAL_FIELDS} }
  stageChange { fromStage { id } toStage { id } changedBy { id } } userErrors { field message code } } }`;

async function auditEvents(entityId: string) {
  return server.sql<{ action: string; actor_id: string; changes: Record<string, { before: unknown; after: unknown }> }>(
    'select action, actor_id, changes from audit_event where entity_id = ? order by at',
    [entityId],
  );
}

function errorsOf(payload: { userErrors: { field: string[] | null; code: string }[] }): string[] {
  return payload.userErrors.map((e) => `${(e.field ?? []).join('.')} ${e.code}`);
}

beforeAll(async () => {
  server = await startTestServer();
  ({ admin, manager, analyst, asmex } = await signIn(server, 'admin', 'manager', 'analyst', 'asmex'));
  const viewer = async (cookie: string) =>
    (await server.gql('{ viewer { id agency { id } } }', {}, { cookie })).data?.viewer;
  const m = await viewer(manager);
  const a = await viewer(admin);
  const pipelines = await server.gql(
    '{ pipelines { nodes { id stages(includeRetired: true) { id name category retired } } } }',
    {},
    { cookie: admin },
  );
  const pipeline = pipelines.data?.pipelines.nodes[0];
  const companies = await server.sql<{ id: string; name: string }>('select id, name from company where agency_id = ?', [
    m.agency.id,
  ]);
  const [casablanca] = await server.sql<{ id: string }>(
    `select id from mission where agency_id = ? and name like '%Casablanca%' and starts_on >= '2025-01-01'`,
    [m.agency.id],
  );
  mosprom = {
    agencyId: m.agency.id,
    managerId: m.id,
    adminId: a.id,
    pipelineId: pipeline.id,
    stages: Object.fromEntries(pipeline.stages.map((s: Stage) => [s.name, s])),
    company: (name) => {
      const found = companies.find((c) => c.name === name);
      if (!found) throw new Error(`no company ${name}`);
      return found.id;
    },
    casablanca: casablanca.id,
  };
  const [exporter] = await server.sql<{ id: string }>(
    `select c.id from company c join agency a on a.id = c.agency_id where a.short_name ilike 'asmex' and c.kind = 'EXPORTER' limit 1`,
  );
  asmexExporter = exporter.id;
});
afterAll(() => server?.close());

async function create(input: Record<string, unknown>, cookie = manager) {
  const response = await server.gql(CREATE, { input }, { cookie });
  expect(response.errors).toBeUndefined();
  return response.data?.createDeal;
}

async function newDeal(extra: Record<string, unknown> = {}) {
  const payload = await create({
    title: 'Écrans pour une clinique de Rabat',
    exporterId: mosprom.company('Nex-T LLC'),
    buyerId: mosprom.company('Médi-Équip Maroc'),
    amount: '1000.00',
    currency: 'EUR',
    ...extra,
  });
  expect(payload.userErrors).toEqual([]);
  return payload.deal;
}

describe('createDeal', () => {
  it('creates a deal in the first OPEN stage of the default pipeline, with its first stage change, audited', async () => {
    const deal = await newDeal({ expectedCloseOn: '2027-06-30', sectorId: null, products: ' Écrans 86" ' });
    expect(deal).toMatchObject({
      title: 'Écrans pour une clinique de Rabat',
      version: 1,
      currency: 'EUR',
      amount: { amount: '1000.00', currency: 'EUR' },
      // Open deal: today's rate (93.50 RUB since 2026-01-01).
      amountInBaseCurrency: { amount: '93500.00', currency: 'RUB' },
      exchangeRateMissing: false,
      closedOn: null,
      expectedCloseOn: '2027-06-30',
      destinationCountry: 'MA',
      products: 'Écrans 86"',
      pipeline: { id: mosprom.pipelineId },
      stage: { name: 'Новый лид', category: 'OPEN' },
      exporter: { name: 'Nex-T LLC' },
      buyer: { name: 'Médi-Équip Maroc' },
      owner: { id: mosprom.managerId },
      sourceMission: null,
    });
    expect(deal.stageHistory).toEqual({
      totalCount: 1,
      nodes: [
        { fromStage: null, toStage: { id: mosprom.stages['Новый лид'].id }, changedBy: { id: mosprom.managerId } },
      ],
    });
    const audit = await auditEvents(deal.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'createDeal', actor_id: mosprom.managerId });
    expect(audit[0].changes.title).toEqual({ before: null, after: 'Écrans pour une clinique de Rabat' });
    expect(audit[0].changes.amount).toEqual({ before: null, after: '1000.00' });
  });

  it('takes the base currency, owner, pipeline and stage given', async () => {
    const deal = await newDeal({
      currency: null,
      amount: '0',
      ownerId: mosprom.adminId,
      pipelineId: mosprom.pipelineId,
      stageId: mosprom.stages['Переговоры'].id,
      destinationCountry: 'SN',
      sourceMissionId: mosprom.casablanca,
    });
    expect(deal).toMatchObject({
      currency: 'RUB',
      amount: { amount: '0.00', currency: 'RUB' },
      amountInBaseCurrency: { amount: '0.00', currency: 'RUB' },
      owner: { id: mosprom.adminId },
      stage: { name: 'Переговоры' },
      destinationCountry: 'SN',
      sourceMission: { id: mosprom.casablanca },
    });
  });

  it('from a meeting: exporter, buyer, source mission and title come from it, and the meeting joins the deal', async () => {
    const [meeting] = await server.sql<{ id: string; subject: string; mission_id: string }>(
      `select i.id, i.subject, i.mission_id from interaction i join company e on e.id = i.exporter_id join company c on c.id = i.counterpart_id
       where e.name = 'Nex-T LLC' and c.name = 'Atlas Smart Solutions' and i.deal_id is null`,
    );
    const payload = await create({ fromInteractionId: meeting.id, amount: '250000.00', currency: 'MAD' });
    expect(payload.userErrors).toEqual([]);
    expect(payload.deal).toMatchObject({
      title: meeting.subject,
      exporter: { name: 'Nex-T LLC' },
      buyer: { name: 'Atlas Smart Solutions' },
      sourceMission: { id: meeting.mission_id },
      sourceInteraction: { id: meeting.id },
      interactions: { nodes: [{ id: meeting.id }] },
      destinationCountry: 'MA',
    });
    expect(payload.deal.sourceMission.id).toBe(mosprom.casablanca);
    // Explicit values win over the meeting's.
    const own = await create({
      fromInteractionId: meeting.id,
      title: 'Second lead from the same meeting',
      buyerId: null,
      sourceMissionId: null,
    });
    expect(own.userErrors).toEqual([]);
    expect(own.deal).toMatchObject({
      title: 'Second lead from the same meeting',
      buyer: null,
      sourceMission: null,
      sourceInteraction: { id: meeting.id },
      interactions: { nodes: [] },
    });
  });

  it('refuses broken rules with field paths, and writes nothing', async () => {
    const base = {
      title: 'X',
      exporterId: mosprom.company('Nex-T LLC'),
      buyerId: mosprom.company('Médi-Équip Maroc'),
    };
    const otherPipeline = await server.gql(
      `mutation { createPipeline(input: { name: "Second" }) { pipeline { id stages(includeRetired: true) { id name } } userErrors { code } } }`,
      {},
      { cookie: admin },
    );
    const second = otherPipeline.data?.createPipeline.pipeline;
    const cases: [Record<string, unknown>, string][] = [
      [{ ...base, exporterId: undefined }, 'input.exporterId REQUIRED'],
      [{ ...base, title: '   ' }, 'input.title REQUIRED'],
      [{ ...base, title: undefined }, 'input.title REQUIRED'],
      [{ ...base, exporterId: mosprom.company('Médi-Équip Maroc') }, 'input.exporterId INVALID'],
      [{ ...base, buyerId: mosprom.company('Fish World') }, 'input.buyerId INVALID'],
      [{ ...base, exporterId: '0190a5b4-0000-7000-8000-000000000000' }, 'input.exporterId NOT_FOUND'],
      [{ ...base, exporterId: 'nope' }, 'input.exporterId INVALID'],
      [{ ...base, amount: '-1' }, 'input.amount INVALID'],
      [{ ...base, amount: '1.234' }, 'input.amount INVALID'],
      [{ ...base, currency: 'eur' }, 'input.currency INVALID'],
      [{ ...base, currency: 'XYZ' }, 'input.currency INVALID'],
      [{ ...base, destinationCountry: 'ZZ' }, 'input.destinationCountry INVALID'],
      [{ ...base, stageId: mosprom.stages['Контракт подписан'].id }, 'input.stageId INVALID'],
      [{ ...base, stageId: mosprom.stages['Отказ'].id }, 'input.stageId INVALID'],
      [{ ...base, pipelineId: second.id, stageId: mosprom.stages['Новый лид'].id }, 'input.stageId INVALID'],
      [{ ...base, ownerId: '0190a5b4-0000-7000-8000-000000000000' }, 'input.ownerId NOT_FOUND'],
      [{ ...base, sourceMissionId: '0190a5b4-0000-7000-8000-000000000000' }, 'input.sourceMissionId NOT_FOUND'],
      [{ ...base, sectorId: '0190a5b4-0000-7000-8000-000000000000' }, 'input.sectorId NOT_FOUND'],
      [{ fromInteractionId: '0190a5b4-0000-7000-8000-000000000000' }, 'input.fromInteractionId NOT_FOUND'],
    ];
    const before = await server.sql<{ deals: string; changes: string }>(
      'select (select count(*) from deal) as deals, (select count(*) from deal_stage_change) as changes',
    );
    for (const [input, expected] of cases) {
      const payload = await create(input);
      expect(errorsOf(payload), JSON.stringify(input)).toContain(expected);
      expect(payload.deal).toBeNull();
    }
    expect(
      await server.sql(
        'select (select count(*) from deal) as deals, (select count(*) from deal_stage_change) as changes',
      ),
    ).toEqual(before);
    // A retired stage takes no new deals.
    const retired = await server.gql(
      `mutation($input: UpdatePipelineStagesInput!) { updatePipelineStages(input: $input) { userErrors { code } } }`,
      {
        input: {
          pipelineId: second.id,
          stages: second.stages.map((s: { id: string; name: string }, i: number) => ({
            id: s.id,
            name: s.name,
            category: i === 5 ? 'WON' : i === 6 ? 'LOST' : 'OPEN',
            probability: 10,
            retired: i === 0,
          })),
        },
      },
      { cookie: admin },
    );
    expect(retired.data?.updatePipelineStages.userErrors).toEqual([]);
    expect(errorsOf(await create({ ...base, stageId: second.stages[0].id }))).toEqual(['input.stageId INVALID']);
    // Without a stage, the first OPEN stage that is not retired.
    const inSecond = await create({ ...base, pipelineId: second.id });
    expect(inSecond.deal.stage.id).toBe(second.stages[1].id);
  });
});

describe('updateDeal', () => {
  it('changes the fields given, clears those set to null, bumps the version, audited', async () => {
    const deal = await newDeal();
    const payload = (
      await server.gql(
        UPDATE,
        {
          input: {
            dealId: deal.id,
            version: 1,
            title: 'Écrans pour deux cliniques',
            amount: '2500.50',
            currency: 'USD',
            buyerId: null,
            expectedCloseOn: '2027-01-15',
            destinationCountry: 'DZ',
          },
        },
        { cookie: manager },
      )
    ).data?.updateDeal;
    expect(payload.userErrors).toEqual([]);
    expect(payload.deal).toMatchObject({
      version: 2,
      title: 'Écrans pour deux cliniques',
      amount: { amount: '2500.50', currency: 'USD' },
      // 2500.50 × 79.80
      amountInBaseCurrency: { amount: '199539.90', currency: 'RUB' },
      buyer: null,
      expectedCloseOn: '2027-01-15',
      destinationCountry: 'DZ',
      exporter: { name: 'Nex-T LLC' },
    });
    const audit = await auditEvents(deal.id);
    expect(audit.map((e) => e.action)).toEqual(['createDeal', 'updateDeal']);
    expect(audit[1].changes).toMatchObject({
      title: { before: 'Écrans pour une clinique de Rabat', after: 'Écrans pour deux cliniques' },
      buyer: { before: mosprom.company('Médi-Équip Maroc'), after: null },
      currency: { before: 'EUR', after: 'USD' },
    });
    expect(audit[1].changes.exporter).toBeUndefined();
  });

  it('refuses a stale version with CONFLICT and the current version, and other broken rules', async () => {
    const deal = await newDeal();
    await server.gql(UPDATE, { input: { dealId: deal.id, version: 1, title: 'First edit' } }, { cookie: admin });
    const stale = (
      await server.gql(UPDATE, { input: { dealId: deal.id, version: 1, title: 'Lost update' } }, { cookie: manager })
    ).data?.updateDeal;
    expect(errorsOf(stale)).toEqual(['input.version CONFLICT']);
    expect(stale.userErrors[0].message).toContain('current version 2');
    const cases: [Record<string, unknown>, string][] = [
      [{ title: null }, 'input.title REQUIRED'],
      [{ exporterId: null }, 'input.exporterId REQUIRED'],
      [{ exporterId: mosprom.company('Anfa Tech Distribution') }, 'input.exporterId INVALID'],
      [{ buyerId: mosprom.company('Fish World') }, 'input.buyerId INVALID'],
      [{ ownerId: null }, 'input.ownerId REQUIRED'],
      [{ currency: null }, 'input.currency REQUIRED'],
      [{ amount: '-5' }, 'input.amount INVALID'],
      [{ lostReason: 'Too expensive' }, 'input.lostReason INVALID'],
      [{ version: 0 }, 'input.version INVALID'],
      [{ dealId: '0190a5b4-0000-7000-8000-000000000000' }, 'input.dealId NOT_FOUND'],
    ];
    for (const [change, expected] of cases) {
      const payload = (
        await server.gql(UPDATE, { input: { dealId: deal.id, version: 2, ...change } }, { cookie: manager })
      ).data?.updateDeal;
      expect(errorsOf(payload), JSON.stringify(change)).toContain(expected);
    }
    const now = (await server.gql(DEAL, { id: deal.id }, { cookie: manager })).data?.deal;
    expect(now).toMatchObject({ version: 2, title: 'First edit' });
    expect((await auditEvents(deal.id)).map((e) => e.action)).toEqual(['createDeal', 'updateDeal']);
  });
});

describe('moveDeal', () => {
  it('moves through the pipeline, closes on WON/LOST (LOST needs a reason), reopens, with history and audit', async () => {
    const deal = await newDeal();
    const move = async (toStage: string, version: number, lostReason?: string, cookie = manager) => {
      const response = await server.gql(
        MOVE,
        { input: { dealId: deal.id, toStageId: mosprom.stages[toStage].id, version, lostReason } },
        { cookie },
      );
      expect(response.errors).toBeUndefined();
      return response.data?.moveDeal;
    };

    const qualified = await move('Квалифицирован', 1);
    expect(qualified.userErrors).toEqual([]);
    expect(qualified.deal).toMatchObject({ version: 2, stage: { name: 'Квалифицирован' }, closedOn: null });
    expect(qualified.stageChange).toEqual({
      fromStage: { id: mosprom.stages['Новый лид'].id },
      toStage: { id: mosprom.stages['Квалифицирован'].id },
      changedBy: { id: mosprom.managerId },
    });

    const noReason = await move('Отказ', 2, '  ');
    expect(errorsOf(noReason)).toEqual(['input.lostReason REQUIRED']);
    const lost = await move('Отказ', 2, 'Prix trop élevé', admin);
    expect(lost.deal).toMatchObject({ version: 3, closedOn: today(), lostReason: 'Prix trop élevé' });

    const reopened = await move('Переговоры', 3);
    expect(reopened.deal).toMatchObject({
      version: 4,
      closedOn: null,
      lostReason: null,
      stage: { name: 'Переговоры' },
    });
    const won = await move('Контракт подписан', 4);
    expect(won.deal).toMatchObject({ version: 5, closedOn: today(), lostReason: null, stage: { category: 'WON' } });

    const history = (await server.gql(DEAL, { id: deal.id }, { cookie: analyst })).data?.deal.stageHistory;
    expect(history.totalCount).toBe(5);
    expect(
      history.nodes.map((n: { fromStage: { name: string } | null; toStage: { name: string } }) => [
        n.fromStage?.name ?? null,
        n.toStage.name,
      ]),
    ).toEqual([
      [null, 'Новый лид'],
      ['Новый лид', 'Квалифицирован'],
      ['Квалифицирован', 'Отказ'],
      ['Отказ', 'Переговоры'],
      ['Переговоры', 'Контракт подписан'],
    ]);
    const audit = await auditEvents(deal.id);
    expect(audit.map((e) => e.action)).toEqual(['createDeal', 'moveDeal', 'moveDeal', 'moveDeal', 'moveDeal']);
    expect(audit[2]).toMatchObject({ actor_id: mosprom.adminId });
    expect(audit[2].changes).toMatchObject({
      stage: { before: mosprom.stages['Квалифицирован'].id, after: mosprom.stages['Отказ'].id },
      closedOn: { before: null, after: today() },
      lostReason: { before: null, after: 'Prix trop élevé' },
      version: { before: 2, after: 3 },
    });
  });

  it('refuses a stale version, another pipeline, a retired stage, the same stage; writes nothing', async () => {
    const deal = await newDeal();
    const other = await server.gql(
      `mutation { createPipeline(input: { name: "Other board" }) { pipeline { id stages { id } } } }`,
      {},
      { cookie: admin },
    );
    const foreignStage = other.data?.createPipeline.pipeline.stages[1].id;
    const retire = await server.gql(
      `mutation($input: UpdatePipelineStagesInput!) { updatePipelineStages(input: $input) { userErrors { code message } } }`,
      {
        input: {
          pipelineId: mosprom.pipelineId,
          stages: Object.values(mosprom.stages).map((s) => ({
            id: s.id,
            name: s.name,
            category: s.category,
            probability: 10,
            retired: s.name === 'Встреча проведена',
          })),
        },
      },
      { cookie: admin },
    );
    expect(retire.data?.updatePipelineStages.userErrors).toEqual([]);
    const cases: [Record<string, unknown>, string][] = [
      [{ version: 7 }, 'input.version CONFLICT'],
      [{ toStageId: foreignStage }, 'input.toStageId INVALID'],
      [{ toStageId: mosprom.stages['Встреча проведена'].id }, 'input.toStageId INVALID'],
      [{ toStageId: mosprom.stages['Новый лид'].id }, 'input.toStageId INVALID'],
      [{ toStageId: mosprom.stages['Квалифицирован'].id, lostReason: 'Not lost' }, 'input.lostReason INVALID'],
      [{ toStageId: '0190a5b4-0000-7000-8000-000000000000' }, 'input.toStageId NOT_FOUND'],
      [{ toStageId: 'x' }, 'input.toStageId INVALID'],
      [{ dealId: '0190a5b4-0000-7000-8000-000000000000' }, 'input.dealId NOT_FOUND'],
    ];
    for (const [change, expected] of cases) {
      const payload = (
        await server.gql(
          MOVE,
          { input: { dealId: deal.id, toStageId: mosprom.stages['Квалифицирован'].id, version: 1, ...change } },
          { cookie: manager },
        )
      ).data?.moveDeal;
      expect(errorsOf(payload), JSON.stringify(change)).toContain(expected);
      expect(payload.deal).toBeNull();
    }
    const stale = (
      await server.gql(
        MOVE,
        { input: { dealId: deal.id, toStageId: mosprom.stages['Квалифицирован'].id, version: 7 } },
        { cookie: manager },
      )
    ).data?.moveDeal;
    expect(stale.userErrors[0].message).toContain('current version 1');
    const now = (await server.gql(DEAL, { id: deal.id }, { cookie: manager })).data?.deal;
    expect(now).toMatchObject({ version: 1, stage: { name: 'Новый лид' } });
    expect(now.stageHistory.totalCount).toBe(1);
    expect((await auditEvents(deal.id)).map((e) => e.action)).toEqual(['createDeal']);
    // Un-retire for the other tests.
    await server.gql(
      `mutation($input: UpdatePipelineStagesInput!) { updatePipelineStages(input: $input) { userErrors { code } } }`,
      {
        input: {
          pipelineId: mosprom.pipelineId,
          stages: Object.values(mosprom.stages).map((s) => ({
            id: s.id,
            name: s.name,
            category: s.category,
            probability: 10,
            retired: false,
          })),
        },
      },
      { cookie: admin },
    );
  });
});

describe('deals and deal', () => {
  it('reads a deal with its relations, history and meetings', async () => {
    const [nexT] = (
      await server.gql(DEALS, { filter: { titleContains: 'nextouch pour le NOUVEAU' } }, { cookie: analyst })
    ).data!.deals.nodes;
    const deal = (await server.gql(DEAL, { id: nexT.id }, { cookie: analyst })).data?.deal;
    expect(deal).toMatchObject({
      exporter: { name: 'Nex-T LLC' },
      buyer: { name: "Université de médecine d'Afrique francophone" },
      stage: { name: 'В шорт-листе поставщиков' },
      sourceMission: { id: mosprom.casablanca },
      amount: { amount: '420000.00', currency: 'EUR' },
      amountInBaseCurrency: { amount: '39270000.00', currency: 'RUB' },
    });
    expect(deal.stageHistory.nodes.map((n: { toStage: { name: string } }) => n.toStage.name)).toEqual([
      'Новый лид',
      'Квалифицирован',
      'Встреча проведена',
      'Переговоры',
      'В шорт-листе поставщиков',
    ]);
    expect(deal.interactions.totalCount).toBeGreaterThan(0);
    expect(deal.sourceInteraction).not.toBeNull();
    expect((await server.gql(DEAL, { id: 'not-an-id' }, { cookie: analyst })).data?.deal).toBeNull();
  });

  it('filters by every criterion', async () => {
    const ids = async (filter: Record<string, unknown>) => {
      const response = await server.gql(DEALS, { filter, first: 100 }, { cookie: analyst });
      expect(response.errors, JSON.stringify(filter)).toBeUndefined();
      return response.data?.deals.nodes.map((n: { title: string }) => n.title).sort() as string[];
    };
    const deals = await server.sql<Record<string, string | null>>(
      `select d.*, d.amount::text as amount, d.expected_close_on::text as expected_close_on, d.closed_on::text as closed_on, s.category
       from deal d join pipeline_stage s on s.id = d.stage_id where d.agency_id = ?`,
      [mosprom.agencyId],
    );
    const titles = (keep: (d: Record<string, string | null>) => boolean) =>
      deals
        .filter(keep)
        .map((d) => d.title as string)
        .sort();
    const fishWorld = mosprom.company('Fish World');
    const buyer = mosprom.company('Médi-Équip Maroc');
    const [sector] = await server.sql<{ id: string }>(
      'select sector_id as id from deal where sector_id is not null and agency_id = ? limit 1',
      [mosprom.agencyId],
    );
    const checks: [Record<string, unknown>, (d: Record<string, string | null>) => boolean][] = [
      [{ pipelineIds: [mosprom.pipelineId] }, (d) => d.pipeline_id === mosprom.pipelineId],
      [{ stageIds: [mosprom.stages['Переговоры'].id] }, (d) => d.stage_id === mosprom.stages['Переговоры'].id],
      [{ categories: ['WON', 'LOST'] }, (d) => d.category !== 'OPEN'],
      [{ ownerIds: [mosprom.adminId] }, (d) => d.owner_id === mosprom.adminId],
      [{ exporterIds: [fishWorld] }, (d) => d.exporter_id === fishWorld],
      [{ buyerIds: [buyer] }, (d) => d.buyer_id === buyer],
      [{ sourceMissionIds: [mosprom.casablanca] }, (d) => d.source_mission_id === mosprom.casablanca],
      [{ destinationCountries: ['SN', 'DZ'] }, (d) => d.destination_country === 'SN' || d.destination_country === 'DZ'],
      [{ sectorIds: [sector.id] }, (d) => d.sector_id === sector.id],
      [{ currencies: ['MAD'] }, (d) => d.currency === 'MAD'],
      [
        { amountFrom: '95000', amountTo: '420000.00' },
        (d) => d.amount != null && new Decimal(d.amount).gte(95000) && new Decimal(d.amount).lte(420000),
      ],
      [
        { expectedCloseFrom: '2027-01-01', expectedCloseTo: '2027-03-31' },
        (d) =>
          d.expected_close_on != null &&
          String(d.expected_close_on) >= '2027-01-01' &&
          String(d.expected_close_on) <= '2027-03-31',
      ],
      [
        { closedFrom: '2025-01-01', closedTo: '2025-12-31' },
        (d) => d.closed_on != null && String(d.closed_on) >= '2025-01-01' && String(d.closed_on) <= '2025-12-31',
      ],
      [{ titleContains: 'caviar' }, (d) => /caviar/i.test(d.title ?? '')],
      [
        { exporterIds: [fishWorld], categories: ['OPEN'], currencies: ['MAD', 'EUR'] },
        (d) => d.exporter_id === fishWorld && d.category === 'OPEN' && (d.currency === 'MAD' || d.currency === 'EUR'),
      ],
    ];
    for (const [filter, keep] of checks) {
      const expected = titles(keep);
      expect(expected.length, JSON.stringify(filter)).toBeGreaterThan(0);
      expect(await ids(filter), JSON.stringify(filter)).toEqual(expected);
    }
    expect(await ids({ exporterIds: [] })).toEqual([]);
    // One rule for every list filter (shared/filters.ts): a malformed id or code matches nothing,
    // as an unknown one does, and a lower-case code is read in capitals.
    expect(await ids({ exporterIds: ['x'] })).toEqual([]);
    expect(await ids({ exporterIds: ['x', fishWorld] })).toEqual(titles((d) => d.exporter_id === fishWorld));
    expect(await ids({ currencies: ['euro'] })).toEqual([]);
    expect(await ids({ currencies: ['eur', ' mad '] })).toEqual(await ids({ currencies: ['EUR', 'MAD'] }));
    expect(await ids({ destinationCountries: ['ma'] })).toEqual(titles((d) => d.destination_country === 'MA'));
  });

  it('orders by each field and pages through them, nulls included', async () => {
    const all = (await server.gql(DEALS, { first: 100 }, { cookie: analyst })).data?.deals;
    expect(all.totalCount).toBe(all.nodes.length);
    for (const field of ['TITLE', 'AMOUNT', 'EXPECTED_CLOSE_ON', 'CLOSED_ON', 'CREATED_AT', 'UPDATED_AT']) {
      for (const direction of ['ASC', 'DESC']) {
        const orderBy = { field, direction };
        const whole = (await server.gql(DEALS, { orderBy, first: 100 }, { cookie: analyst })).data?.deals.nodes;
        const paged: { id: string }[] = [];
        let after: string | undefined;
        for (;;) {
          const page = (await server.gql(DEALS, { orderBy, first: 4, after }, { cookie: analyst })).data?.deals;
          paged.push(...page.nodes);
          if (!page.pageInfo.hasNextPage) break;
          after = page.pageInfo.endCursor;
        }
        expect(
          paged.map((n) => n.id),
          `${field} ${direction}`,
        ).toEqual(whole.map((n: { id: string }) => n.id));
        expect(whole).toHaveLength(all.nodes.length);
      }
    }
    const byAmount = (
      await server.gql(DEALS, { orderBy: { field: 'AMOUNT', direction: 'DESC' }, first: 100 }, { cookie: analyst })
    ).data?.deals.nodes
      .filter((n: { amount: unknown }) => n.amount)
      .map((n: { amount: { amount: string } }) => new Decimal(n.amount.amount));
    for (let i = 1; i < byAmount.length; i++) expect(byAmount[i - 1].gte(byAmount[i])).toBe(true);
    const byTitle = (await server.gql(DEALS, { orderBy: { field: 'TITLE', direction: 'ASC' } }, { cookie: analyst }))
      .data?.deals.nodes;
    expect(byTitle.length).toBe(20);
  });
});

describe('money', () => {
  it('sums exactly: 1000 deals of 0.10 make 100.00 in a stage', async () => {
    const created = await server.gql(
      `mutation { createPipeline(input: { name: "Small amounts" }) { pipeline { id stages { id name } } } }`,
      {},
      { cookie: admin },
    );
    const pipeline = created.data?.createPipeline.pipeline;
    const em = agencyEm(server.db.orm.em.fork() as unknown as EntityManager, mosprom.agencyId);
    for (let i = 0; i < 1000; i++) {
      for (const [stage, currency] of [
        [pipeline.stages[0].id, 'RUB'],
        [pipeline.stages[1].id, 'EUR'],
      ]) {
        em.create(Deal, {
          agency: mosprom.agencyId,
          title: `Dime ${i}`,
          pipeline: pipeline.id,
          stage,
          exporter: mosprom.company('Fish World'),
          owner: mosprom.managerId,
          amount: '0.10',
          currency,
        });
      }
    }
    await em.flush();
    const board = await server.gql(
      `query($id: ID!) { pipeline(id: $id) { stages { name deals(first: 1) { totalCount totalAmount { amount currency } totalsByCurrency { amount currency } currenciesWithoutRate } } } }`,
      { id: pipeline.id },
      { cookie: analyst },
    );
    const [rub, eur] = board.data!.pipeline.stages;
    expect(rub.deals).toEqual({
      totalCount: 1000,
      totalAmount: { amount: '100.00', currency: 'RUB' },
      totalsByCurrency: [{ amount: '100.00', currency: 'RUB' }],
      currenciesWithoutRate: [],
    });
    // 0.10 EUR × 93.50 = 9.35 RUB, a thousand times.
    expect(eur.deals).toEqual({
      totalCount: 1000,
      totalAmount: { amount: '9350.00', currency: 'RUB' },
      totalsByCurrency: [{ amount: '100.00', currency: 'EUR' }],
      currenciesWithoutRate: [],
    });
  });

  it('a closed deal converts at the rate of its close day; a missing rate is reported, never zero', async () => {
    const ocean = (
      await server.gql(
        `{ deals(filter: { titleContains: "premier conteneur" }) { nodes { closedOn amount { amount currency } amountInBaseCurrency { amount currency } exchangeRateMissing } } }`,
        {},
        { cookie: analyst },
      )
    ).data?.deals.nodes[0];
    // Closed 2025-12-04: the rate of 2025-07-01 (8.73), not today's (8.70).
    expect(ocean).toEqual({
      closedOn: '2025-12-04',
      amount: { amount: '960000.00', currency: 'MAD' },
      amountInBaseCurrency: { amount: '8380800.00', currency: 'RUB' },
      exchangeRateMissing: false,
    });

    const created = await server.gql(
      `mutation { createPipeline(input: { name: "West Africa" }) { pipeline { id stages { id } } } }`,
      {},
      { cookie: admin },
    );
    const pipeline = created.data?.createPipeline.pipeline;
    const xof = await newDeal({ pipelineId: pipeline.id, amount: '1000000.00', currency: 'XOF' });
    const eur = await newDeal({ pipelineId: pipeline.id, amount: '10.00', currency: 'EUR' });
    const empty = await newDeal({ pipelineId: pipeline.id, amount: null, currency: 'XOF' });
    expect(xof).toMatchObject({ amountInBaseCurrency: null, exchangeRateMissing: true });
    expect(empty).toMatchObject({ amount: null, amountInBaseCurrency: null, exchangeRateMissing: false });
    expect(eur.amountInBaseCurrency).toEqual({ amount: '935.00', currency: 'RUB' });
    const COLUMN = `query($id: ID!) { pipeline(id: $id) { stages { deals { totalAmount { amount currency } currenciesWithoutRate totalsByCurrency { amount currency } } } } }`;
    const lead = async () =>
      (await server.gql(COLUMN, { id: pipeline.id }, { cookie: analyst })).data?.pipeline.stages[0].deals;
    expect(await lead()).toEqual({
      totalAmount: { amount: '935.00', currency: 'RUB' },
      currenciesWithoutRate: ['XOF'],
      totalsByCurrency: [
        { amount: '10.00', currency: 'EUR' },
        { amount: '1000000.00', currency: 'XOF' },
      ],
    });

    // Once a rate exists for the day, the deal converts; a rate set later does not apply before.
    const set = await server.gql(
      `mutation($input: SetExchangeRateInput!) { setExchangeRate(input: $input) { userErrors { code } } }`,
      { input: { currency: 'XOF', validOn: '2026-01-01', rate: '0.1425' } },
      { cookie: admin },
    );
    expect(set.data?.setExchangeRate.userErrors).toEqual([]);
    const converted = (await server.gql(DEAL, { id: xof.id }, { cookie: analyst })).data?.deal;
    expect(converted).toMatchObject({
      amountInBaseCurrency: { amount: '142500.00', currency: 'RUB' },
      exchangeRateMissing: false,
    });
    expect(await lead()).toMatchObject({
      totalAmount: { amount: '143435.00', currency: 'RUB' },
      currenciesWithoutRate: [],
    });
    // Closed (LOST) today, a deal still converts at the rate valid today...
    const lost = (
      await server.gql(
        MOVE,
        { input: { dealId: xof.id, toStageId: pipeline.stages.at(-1).id, version: 1, lostReason: 'Budget cut' } },
        { cookie: manager },
      )
    ).data?.moveDeal;
    expect(lost.deal.amountInBaseCurrency).toEqual({ amount: '142500.00', currency: 'RUB' });
    // ...and one closed in 2025, before the first XOF rate, has none.
    await server.sql(`update deal set closed_on = '2025-06-30' where id = ?`, [xof.id]);
    const old = (await server.gql(DEAL, { id: xof.id }, { cookie: analyst })).data?.deal;
    expect(old).toMatchObject({ amountInBaseCurrency: null, exchangeRateMissing: true });
  });

  it('converts a page of deals with one statement', async () => {
    server.resetStatements();
    const page = await server.gql(
      `{ deals(first: 50) { nodes { amountInBaseCurrency { amount } exchangeRateMissing } } }`,
      {},
      { cookie: analyst },
    );
    expect(page.errors).toBeUndefined();
    const rateStatements = server.statements.filter((s) => s.includes('exchange_rate'));
    expect(rateStatements, server.statements.join('\n')).toHaveLength(1);
  });
});

describe('roles and isolation', () => {
  it('analysts read deals but cannot write them; managers can', async () => {
    const deal = await newDeal();
    const writes: [string, Record<string, unknown>][] = [
      [CREATE, { title: 'X', exporterId: mosprom.company('Nex-T LLC') }],
      [UPDATE, { dealId: deal.id, version: 1, title: 'X' }],
      [MOVE, { dealId: deal.id, version: 1, toStageId: mosprom.stages['Квалифицирован'].id }],
    ];
    for (const [mutation, input] of writes) {
      const response = await server.gql(mutation, { input }, { cookie: analyst });
      expect(response.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect((await server.gql(mutation, { input }, {})).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    }
    expect((await server.gql(DEAL, { id: deal.id }, { cookie: analyst })).data?.deal.version).toBe(1);
    const moved = await server.gql(MOVE, { input: writes[2][1] }, { cookie: manager });
    expect(moved.data?.moveDeal.userErrors).toEqual([]);
  });

  it("another agency's admin cannot read, move or update Mosprom's deals, nor use its stages or companies", async () => {
    const deal = await newDeal();
    expect((await server.gql(DEAL, { id: deal.id }, { cookie: asmex })).data?.deal).toBeNull();
    const theirs = (await server.gql(DEALS, { first: 100 }, { cookie: asmex })).data?.deals.nodes.map(
      (n: { id: string }) => n.id,
    );
    expect(theirs).not.toContain(deal.id);
    // Filters and boards with Mosprom's ids show nothing either.
    const filtered = await server.gql(
      DEALS,
      { filter: { exporterIds: [mosprom.company('Nex-T LLC')], stageIds: [mosprom.stages['Новый лид'].id] } },
      { cookie: asmex },
    );
    expect(filtered.data?.deals.totalCount).toBe(0);

    const update = (
      await server.gql(UPDATE, { input: { dealId: deal.id, version: 1, title: 'Hijacked' } }, { cookie: asmex })
    ).data?.updateDeal;
    expect(errorsOf(update)).toEqual(['input.dealId NOT_FOUND']);
    const move = (
      await server.gql(
        MOVE,
        { input: { dealId: deal.id, version: 1, toStageId: mosprom.stages['Квалифицирован'].id } },
        { cookie: asmex },
      )
    ).data?.moveDeal;
    expect(errorsOf(move)).toEqual(['input.dealId NOT_FOUND']);

    const useTheirs = [
      [{ title: 'X', exporterId: mosprom.company('Nex-T LLC') }, 'input.exporterId NOT_FOUND'],
      [
        { title: 'X', exporterId: asmexExporter, buyerId: mosprom.company('Anfa Tech Distribution') },
        'input.buyerId NOT_FOUND',
      ],
      [{ title: 'X', exporterId: asmexExporter, stageId: mosprom.stages['Новый лид'].id }, 'input.stageId NOT_FOUND'],
      [{ title: 'X', exporterId: asmexExporter, pipelineId: mosprom.pipelineId }, 'input.pipelineId NOT_FOUND'],
      [{ title: 'X', exporterId: asmexExporter, ownerId: mosprom.managerId }, 'input.ownerId NOT_FOUND'],
      [
        { title: 'X', exporterId: asmexExporter, sourceMissionId: mosprom.casablanca },
        'input.sourceMissionId NOT_FOUND',
      ],
    ] as const;
    for (const [input, expected] of useTheirs) {
      expect(errorsOf(await create(input, asmex)), JSON.stringify(input)).toEqual([expected]);
    }
    // ASMEX's own deal cannot be moved into a Mosprom stage.
    const own = await create({ title: 'Huile d’argan pour Moscou', exporterId: asmexExporter }, asmex);
    expect(own.userErrors).toEqual([]);
    expect(own.deal.amountInBaseCurrency).toBeNull();
    expect(own.deal.currency).toBe('MAD');
    const cross = (
      await server.gql(
        MOVE,
        { input: { dealId: own.deal.id, version: 1, toStageId: mosprom.stages['Квалифицирован'].id } },
        { cookie: asmex },
      )
    ).data?.moveDeal;
    expect(errorsOf(cross)).toEqual(['input.toStageId NOT_FOUND']);
    const unchanged = (await server.gql(DEAL, { id: deal.id }, { cookie: manager })).data?.deal;
    expect(unchanged).toMatchObject({
      version: 1,
      title: 'Écrans pour une clinique de Rabat',
      stage: { name: 'Новый лид' },
    });
  });
});
