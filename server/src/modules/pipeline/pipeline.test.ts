import type { EntityManager } from '@mikro-orm/postgresql';
import { Decimal } from 'decimal.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agencyEm, crossAgencyEm } from '../../db/agency-scope.js';
import { signIn } from '../../test/sign-in.js';
import { startTestServer, type TestServer } from '../../test/test-server.js';
import { createAgencyWithAdmin } from '../agency/agency.service.js';
import { Deal } from '../deal/deal.entity.js';
import { defaultStageNames } from './pipeline.defaults.js';

let server: TestServer;
let admin: string;
let manager: string;
let analyst: string;
let asmex: string;
let mosprom: { agencyId: string; managerId: string; pipelineId: string; stages: Stage[] };

interface Stage {
  id: string;
  name: string;
  category: string;
  probability: number;
  retired: boolean;
}

const PIPELINES = `{ pipelines { totalCount nodes { id name isDefault stages { id name category probability retired position } } } }`;
const PIPELINE = `query($id: ID!, $retired: Boolean) { pipeline(id: $id) { id name isDefault stages(includeRetired: $retired) { id name category probability retired position } } }`;
const CREATE = `mutation($input: CreatePipelineInput!) { createPipeline(input: $input) {
  pipeline { id name isDefault stages(includeRetired: true) { id name category probability retired position } }
  userErrors { field message code existingId } } }`;
const UPDATE = `mutation($input: UpdatePipelineStagesInput!) { updatePipelineStages(input: $input) {
  pipeline { id name isDefault stages(includeRetired: true) { id name category probability retired position } }
  userErrors { field message code } } }`;
const BOARD = `query($id: ID!, $first: Int, $filter: DealFilter) { pipeline(id: $id) { name stages { id name category
  deals(first: $first, filter: $filter) { totalCount totalAmount { amount currency } currenciesWithoutRate totalsByCurrency { amount currency }
    pageInfo { hasNextPage endCursor }
    nodes { id title version amount { amount currency } amountInBaseCurrency { amount currency } exchangeRateMissing
      closedOn expectedCloseOn stage { id } exporter { id name } buyer { id name } owner { id fullName } sourceMission { id name } } } } } }`;

const asInput = (stage: Stage) => ({
  id: stage.id,
  name: stage.name,
  category: stage.category,
  probability: stage.probability,
  retired: stage.retired,
});

async function auditCount(action: string): Promise<number> {
  const rows = await server.sql<{ n: string }>('select count(*) as n from audit_event where action = ?', [action]);
  return Number(rows[0].n);
}

beforeAll(async () => {
  server = await startTestServer();
  ({ admin, manager, analyst, asmex } = await signIn(server, 'admin', 'manager', 'analyst', 'asmex'));
  const viewer = await server.gql('{ viewer { id agency { id } } }', {}, { cookie: manager });
  const list = await server.gql(PIPELINES, {}, { cookie: admin });
  const pipeline = list.data?.pipelines.nodes[0];
  mosprom = {
    agencyId: viewer.data?.viewer.agency.id,
    managerId: viewer.data?.viewer.id,
    pipelineId: pipeline.id,
    stages: pipeline.stages,
  };
});
afterAll(() => server?.close());

describe('pipelines', () => {
  it('every agency has the default export pipeline, stages in order', async () => {
    const list = await server.gql(PIPELINES, {}, { cookie: analyst });
    expect(list.data?.pipelines.totalCount).toBe(1);
    const [pipeline] = list.data!.pipelines.nodes;
    expect(pipeline).toMatchObject({ name: 'Экспортная воронка', isDefault: true });
    expect(pipeline.stages.map((s: Stage) => [s.name, s.category])).toEqual([
      ['Новый лид', 'OPEN'],
      ['Квалифицирован', 'OPEN'],
      ['Встреча проведена', 'OPEN'],
      ['Переговоры', 'OPEN'],
      ['В шорт-листе поставщиков', 'OPEN'],
      ['Контракт подписан', 'WON'],
      ['Отказ', 'LOST'],
    ]);
    expect(pipeline.stages.map((s: { position: number }) => s.position)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    const one = await server.gql(PIPELINE, { id: pipeline.id }, { cookie: manager });
    expect(one.data?.pipeline).toEqual(pipeline);
    expect((await server.gql(PIPELINE, { id: 'not-an-id' }, { cookie: manager })).data?.pipeline).toBeNull();
  });

  it('a new agency gets the default pipeline too', async () => {
    await createAgencyWithAdmin(crossAgencyEm(server.db.orm.em as unknown as EntityManager), {
      name: 'Maroc Export',
      shortName: 'Maroc Export',
      kind: 'NATIONAL_EXPORT_AGENCY',
      country: 'MA',
      baseCurrency: 'MAD',
      adminEmail: 'admin@marocexport.example',
      adminFullName: 'Amina Benali',
      adminPassword: 'a-long-enough-password',
    });
    const cookie = await server.login('admin@marocexport.example', 'a-long-enough-password');
    const list = await server.gql(PIPELINES, {}, { cookie });
    expect(list.data?.pipelines.nodes).toHaveLength(1);
    expect(list.data?.pipelines.nodes[0].stages).toHaveLength(7);
    expect(list.data?.pipelines.nodes[0].id).not.toBe(mosprom.pipelineId);
  });
});

describe('the board (done when: the Casablanca 2025 deals, totals in RUB)', () => {
  it('shows the Casablanca meetings as deals at their stages, with exact totals in RUB', async () => {
    const nexT = await server.gql(
      `{ deals(filter: { titleContains: "NexTouch pour le nouveau" }) { nodes { sourceMission { id name } } } }`,
      {},
      { cookie: analyst },
    );
    const casablanca = nexT.data?.deals.nodes[0].sourceMission;
    expect(casablanca.name).toContain('Casablanca');
    const board = await server.gql(
      BOARD,
      { id: mosprom.pipelineId, first: 50, filter: { sourceMissionIds: [casablanca.id] } },
      { cookie: analyst },
    );
    expect(board.errors).toBeUndefined();
    const stages = board.data?.pipeline.stages as {
      name: string;
      deals: {
        totalCount: number;
        totalAmount: { amount: string; currency: string };
        currenciesWithoutRate: string[];
        nodes: {
          title: string;
          exporter: { name: string };
          buyer: { name: string };
          amountInBaseCurrency: { amount: string; currency: string } | null;
        }[];
      };
    }[];
    const at = (name: string) => stages.find((stage) => stage.name === name)!.deals;
    const pairs = (name: string) => at(name).nodes.map((deal) => `${deal.exporter.name} → ${deal.buyer.name}`);

    // Nex-T shortlisted by the medical university, Fish World in negotiation with distributors.
    expect(pairs('В шорт-листе поставщиков')).toEqual(["Nex-T LLC → Université de médecine d'Afrique francophone"]);
    expect(pairs('Переговоры')).toEqual(
      expect.arrayContaining(['Fish World → Casa Frais Import', 'Nex-T LLC → Médi-Équip Maroc']),
    );
    expect(pairs('Контракт подписан')).toEqual(
      expect.arrayContaining(['Fish World → Océan Gourmet Distribution', 'Nex-T LLC → Anfa Tech Distribution']),
    );
    expect(pairs('Отказ')).toEqual(['Fish World → Rabat Fine Foods Import']);
    expect(stages.reduce((n, stage) => n + stage.deals.totalCount, 0)).toBe(14);

    for (const stage of stages) {
      expect(stage.deals.totalAmount.currency).toBe('RUB');
      expect(stage.deals.currenciesWithoutRate).toEqual([]);
      // The total is the exact sum of the converted amounts shown on the cards.
      const sum = stage.deals.nodes.reduce(
        (total, deal) => total.plus(deal.amountInBaseCurrency?.amount ?? 0),
        new Decimal(0),
      );
      expect(stage.deals.totalAmount.amount, stage.name).toBe(sum.toFixed(2));
    }
    // 420 000 EUR at today's rate (93.50 RUB since 2026-01-01).
    expect(at('В шорт-листе поставщиков').totalAmount.amount).toBe('39270000.00');
    // 1 250 000 MAD × 8.70 + 95 000 EUR × 93.50
    expect(at('Переговоры').totalAmount.amount).toBe('19757500.00');
    // Closed deals at the rate of their close day: 18.5M RUB (2026-02-17), 960 000 MAD × 8.73
    // (2025-12-04: rate of 2025-07-01), 7.4M RUB (2026-03-20).
    expect(at('Контракт подписан').totalAmount.amount).toBe('34280800.00');
  });

  it('costs a fixed number of statements: 7 stages × 50 deals as much as a nearly empty board', async () => {
    const created = await server.gql(
      CREATE,
      {
        input: {
          name: 'Board load',
          stages: ['A', 'B', 'C', 'D', 'E', 'F', 'G'].map((name, i) => ({
            name,
            category: i === 5 ? 'WON' : i === 6 ? 'LOST' : 'OPEN',
            probability: i * 10,
          })),
        },
      },
      { cookie: admin },
    );
    expect(created.data?.createPipeline.userErrors).toEqual([]);
    const pipeline = created.data?.createPipeline.pipeline;
    const companies = await server.sql<{ id: string; kind: string }>(
      `select id, kind from company where agency_id = ? order by name`,
      [mosprom.agencyId],
    );
    const exporters = companies.filter((c) => c.kind === 'EXPORTER');
    const buyers = companies.filter((c) => c.kind !== 'EXPORTER');
    const [mission] = await server.sql<{ id: string }>(`select id from mission where agency_id = ? limit 1`, [
      mosprom.agencyId,
    ]);
    const em = agencyEm(server.db.orm.em.fork() as unknown as EntityManager, mosprom.agencyId);
    const currencies = ['RUB', 'EUR', 'MAD', 'USD', 'XOF'];
    let n = 0;
    for (const stage of pipeline.stages as Stage[]) {
      for (let i = 0; i < 50; i++, n++) {
        em.create(Deal, {
          agency: mosprom.agencyId,
          title: `Load ${stage.name} ${i}`,
          pipeline: pipeline.id,
          stage: stage.id,
          exporter: exporters[n % exporters.length].id,
          buyer: buyers[n % buyers.length].id,
          owner: mosprom.managerId,
          sourceMission: mission.id,
          amount: `${1000 + n}.25`,
          currency: currencies[n % currencies.length],
          closedOn: stage.category === 'OPEN' ? null : `2025-0${1 + (n % 9)}-15`,
        });
      }
    }
    await em.flush();

    const count = async (id: string) => {
      server.resetStatements();
      const board = await server.gql(BOARD, { id, first: 50 }, { cookie: manager });
      expect(board.errors).toBeUndefined();
      return { statements: server.statements.length, board: board.data?.pipeline };
    };
    const big = await count(pipeline.id);
    expect(big.board.stages).toHaveLength(7);
    for (const stage of big.board.stages) {
      expect(stage.deals.nodes).toHaveLength(50);
      expect(stage.deals.totalCount).toBe(50);
      // XOF has no rate: reported, not counted.
      expect(stage.deals.currenciesWithoutRate).toEqual(['XOF']);
      expect(stage.deals.totalsByCurrency.map((m: { currency: string }) => m.currency)).toEqual([
        'EUR',
        'MAD',
        'RUB',
        'USD',
        'XOF',
      ]);
      const sum = stage.deals.nodes.reduce(
        (total: Decimal, deal: { amountInBaseCurrency: { amount: string } | null; exchangeRateMissing: boolean }) => {
          expect(deal.exchangeRateMissing).toBe(deal.amountInBaseCurrency === null);
          return total.plus(deal.amountInBaseCurrency?.amount ?? 0);
        },
        new Decimal(0),
      );
      expect(stage.deals.totalAmount.amount).toBe(sum.toFixed(2));
    }
    const small = await count(mosprom.pipelineId);
    console.info(`board statements: 7 stages × 50 deals: ${big.statements}; demo board: ${small.statements}`);
    expect(big.statements).toBe(small.statements);
    // The session's look-up and the board's one statement (compiled reads: read-model/).
    expect(big.statements).toBeLessThanOrEqual(2);
  });
});

describe('createPipeline', () => {
  it('admins create a pipeline with the default stages or their own, audited', async () => {
    const before = await auditCount('createPipeline');
    const plain = await server.gql(CREATE, { input: { name: '  Distribution  ' } }, { cookie: admin });
    expect(plain.data?.createPipeline.userErrors).toEqual([]);
    expect(plain.data?.createPipeline.pipeline).toMatchObject({ name: 'Distribution', isDefault: false });
    expect(plain.data?.createPipeline.pipeline.stages.map((s: Stage) => s.name)).toEqual(
      // A Russian agency's default stages.
      defaultStageNames('ru'),
    );
    const own = await server.gql(
      CREATE,
      {
        input: {
          name: 'Tenders',
          isDefault: true,
          stages: [
            { name: 'Tender found', category: 'OPEN', probability: 5 },
            { name: 'Bid sent', category: 'OPEN', probability: 30 },
            { name: 'Awarded', category: 'WON', probability: 100 },
            { name: 'Not awarded', category: 'LOST', probability: 0 },
          ],
        },
      },
      { cookie: admin },
    );
    expect(own.data?.createPipeline.userErrors).toEqual([]);
    expect(own.data?.createPipeline.pipeline.isDefault).toBe(true);
    expect(own.data?.createPipeline.pipeline.stages.map((s: Stage) => s.name)).toEqual([
      'Tender found',
      'Bid sent',
      'Awarded',
      'Not awarded',
    ]);
    // Only one default pipeline.
    const list = await server.gql(PIPELINES, {}, { cookie: admin });
    expect(
      list.data?.pipelines.nodes
        .filter((p: { isDefault: boolean }) => p.isDefault)
        .map((p: { name: string }) => p.name),
    ).toEqual(['Tenders']);
    // Restore the demo default for the other tests.
    const back = await server.gql(
      UPDATE,
      { input: { pipelineId: mosprom.pipelineId, isDefault: true, stages: mosprom.stages.map(asInput) } },
      { cookie: admin },
    );
    expect(back.data?.updatePipelineStages.userErrors).toEqual([]);
    expect(await auditCount('createPipeline')).toBe(before + 2);
    const audit = await server.sql<{ changes: Record<string, { after: unknown }> }>(
      `select changes from audit_event where action = 'createPipeline' and entity_id = ?`,
      [own.data?.createPipeline.pipeline.id],
    );
    expect(audit[0].changes.name.after).toBe('Tenders');
    expect((audit[0].changes.stages.after as unknown[]).length).toBe(4);
  });

  it('refuses bad input with field paths and writes nothing', async () => {
    const before = await server.sql<{ n: string }>('select count(*) as n from pipeline');
    const cases: [Record<string, unknown>, string, string][] = [
      [{ name: '' }, 'input.name', 'REQUIRED'],
      [{ name: 'Экспортная воронка' }, 'input.name', 'DUPLICATE'],
      [
        { name: 'X', stages: [{ name: 'Новый лид', category: 'OPEN', probability: 101 }] },
        'input.stages.0.probability',
        'INVALID',
      ],
      [
        {
          name: 'X',
          stages: [
            { name: 'Новый лид', category: 'OPEN', probability: 10 },
            { name: 'Won', category: 'WON', probability: 100 },
          ],
        },
        'input.stages',
        'INVALID',
      ],
      [
        {
          name: 'X',
          stages: [
            { name: 'Новый лид', category: 'OPEN', probability: 10 },
            { name: 'won', category: 'WON', probability: 100 },
            { name: 'Отказ', category: 'LOST', probability: 0, retired: true },
            { name: ' Won ', category: 'LOST', probability: 0 },
          ],
        },
        'input.stages.3.name',
        'DUPLICATE',
      ],
      [
        {
          name: 'X',
          stages: [
            { name: 'Новый лид', category: 'OPEN', probability: 10 },
            { name: 'Won', category: 'WON', probability: 100 },
            { name: 'Отказ', category: 'LOST', probability: 0, retired: true },
          ],
        },
        'input.stages',
        'INVALID',
      ],
      [
        {
          name: 'X',
          stages: [
            { id: mosprom.stages[0].id, name: 'Новый лид', category: 'OPEN', probability: 10 },
            { name: 'Won', category: 'WON', probability: 100 },
            { name: 'Отказ', category: 'LOST', probability: 0 },
          ],
        },
        'input.stages.0.id',
        'INVALID',
      ],
    ];
    for (const [input, path, code] of cases) {
      const response = await server.gql(CREATE, { input }, { cookie: admin });
      const errors = response.data?.createPipeline.userErrors;
      expect(
        errors.map((e: { field: string[]; code: string }) => `${e.field.join('.')} ${e.code}`),
        JSON.stringify(input),
      ).toContain(`${path} ${code}`);
      expect(response.data?.createPipeline.pipeline).toBeNull();
    }
    const duplicate = await server.gql(CREATE, { input: { name: 'Экспортная воронка' } }, { cookie: admin });
    expect(duplicate.data?.createPipeline.userErrors[0].existingId).toBe(mosprom.pipelineId);
    expect(await server.sql<{ n: string }>('select count(*) as n from pipeline')).toEqual(before);
  });
});

describe('updatePipelineStages', () => {
  let pipelineId: string;
  let stages: Stage[];

  beforeAll(async () => {
    const created = await server.gql(CREATE, { input: { name: 'Editable' } }, { cookie: admin });
    pipelineId = created.data?.createPipeline.pipeline.id;
    stages = created.data?.createPipeline.pipeline.stages;
  });

  async function dealIn(stage: Stage): Promise<string> {
    const exporter = await server.sql<{ id: string }>(
      `select id from company where agency_id = ? and kind = 'EXPORTER' order by name limit 1`,
      [mosprom.agencyId],
    );
    const created = await server.gql(
      `mutation($input: CreateDealInput!) { createDeal(input: $input) { deal { id version } userErrors { field code message } } }`,
      { input: { title: `In ${stage.name}`, exporterId: exporter[0].id, stageId: stage.id } },
      { cookie: manager },
    );
    expect(created.data?.createDeal.userErrors).toEqual([]);
    return created.data?.createDeal.deal.id;
  }

  it('renames, reorders, adds and retires stages, audited', async () => {
    const before = await auditCount('updatePipelineStages');
    const [lead, qualified, meeting, negotiation, shortlisted, won, lost] = stages;
    const input = {
      pipelineId,
      name: 'Editable (v2)',
      stages: [
        { ...asInput(lead), name: 'New lead' },
        asInput(meeting),
        asInput(qualified),
        { name: 'Samples sent', category: 'OPEN', probability: 50 },
        asInput(negotiation),
        { ...asInput(shortlisted), retired: true },
        asInput(won),
        asInput(lost),
      ],
    };
    const response = await server.gql(UPDATE, { input }, { cookie: admin });
    expect(response.data?.updatePipelineStages.userErrors).toEqual([]);
    const updated = response.data?.updatePipelineStages.pipeline;
    expect(updated.name).toBe('Editable (v2)');
    expect(updated.stages.map((s: Stage) => [s.name, s.retired])).toEqual([
      ['New lead', false],
      ['Встреча проведена', false],
      ['Квалифицирован', false],
      ['Samples sent', false],
      ['Переговоры', false],
      ['В шорт-листе поставщиков', true],
      ['Контракт подписан', false],
      ['Отказ', false],
    ]);
    expect(updated.stages[0].id).toBe(lead.id);
    expect(updated.stages.map((s: { position: number }) => s.position)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    // Retired stages are left out unless asked for.
    const active = await server.gql(PIPELINE, { id: pipelineId }, { cookie: analyst });
    expect(active.data?.pipeline.stages.map((s: Stage) => s.name)).not.toContain('В шорт-листе поставщиков');
    stages = updated.stages;
    expect(await auditCount('updatePipelineStages')).toBe(before + 1);
  });

  it('a stage that holds deals, or is in their history, cannot vanish: CONFLICT, nothing written', async () => {
    const meeting = stages.find((s) => s.name === 'Встреча проведена')!;
    const samples = stages.find((s) => s.name === 'Samples sent')!;
    const negotiation = stages.find((s) => s.name === 'Переговоры')!;
    const dealId = await dealIn(meeting);
    const without = (stage: Stage) => ({ pipelineId, stages: stages.filter((s) => s.id !== stage.id).map(asInput) });

    const holding = await server.gql(UPDATE, { input: without(meeting) }, { cookie: admin });
    expect(holding.data?.updatePipelineStages.userErrors).toEqual([
      expect.objectContaining({ code: 'CONFLICT', field: ['input', 'stages'] }),
    ]);
    expect(holding.data?.updatePipelineStages.userErrors[0].message).toMatch(/holds 1 deal.*retire/);
    const recategorize = await server.gql(
      UPDATE,
      {
        input: {
          pipelineId,
          stages: stages.map((s) => (s.id === meeting.id ? { ...asInput(s), category: 'WON' } : asInput(s))),
        },
      },
      { cookie: admin },
    );
    expect(recategorize.data?.updatePipelineStages.userErrors[0]).toMatchObject({
      code: 'CONFLICT',
      field: ['input', 'stages', '1', 'category'],
    });

    // Its deals moved on, the stage is still in their history: retire it instead.
    const moved = await server.gql(
      `mutation($input: MoveDealInput!) { moveDeal(input: $input) { deal { version } userErrors { code } } }`,
      { input: { dealId, toStageId: negotiation.id, version: 1 } },
      { cookie: manager },
    );
    expect(moved.data?.moveDeal.userErrors).toEqual([]);
    const history = await server.gql(UPDATE, { input: without(meeting) }, { cookie: admin });
    expect(history.data?.updatePipelineStages.userErrors[0].code).toBe('CONFLICT');
    expect(history.data?.updatePipelineStages.userErrors[0].message).toMatch(/history.*retire/);
    const after = await server.gql(PIPELINE, { id: pipelineId, retired: true }, { cookie: admin });
    expect(after.data?.pipeline.stages).toEqual(stages);

    // A stage no deal ever used can go.
    const removed = await server.gql(UPDATE, { input: without(samples) }, { cookie: admin });
    expect(removed.data?.updatePipelineStages.userErrors).toEqual([]);
    expect(removed.data?.updatePipelineStages.pipeline.stages.map((s: Stage) => s.name)).not.toContain('Samples sent');
    stages = removed.data?.updatePipelineStages.pipeline.stages;
  });

  it('keeps an active OPEN, WON and LOST stage, and refuses unknown or foreign stages', async () => {
    const won = stages.find((s) => s.category === 'WON')!;
    const cases: [Record<string, unknown>, string, string][] = [
      [
        { pipelineId, stages: stages.map((s) => (s.id === won.id ? { ...asInput(s), retired: true } : asInput(s))) },
        'input.stages',
        'INVALID',
      ],
      [
        { pipelineId, stages: [...stages.map(asInput), { ...asInput(stages[0]), name: 'Again' }] },
        'input.stages.7.id',
        'INVALID',
      ],
      [
        { pipelineId, stages: [...stages.map(asInput), { ...asInput(mosprom.stages[0]), name: 'Borrowed' }] },
        'input.stages.7.id',
        'NOT_FOUND',
      ],
      [
        { pipelineId, stages: stages.map(asInput), isDefault: false, name: 'Экспортная воронка' },
        'input.name',
        'DUPLICATE',
      ],
      [
        { pipelineId: mosprom.pipelineId, stages: mosprom.stages.map(asInput), isDefault: false },
        'input.isDefault',
        'INVALID',
      ],
      [
        { pipelineId: '0190a5b4-0000-7000-8000-000000000000', stages: stages.map(asInput) },
        'input.pipelineId',
        'NOT_FOUND',
      ],
      [{ pipelineId: 'nope', stages: stages.map(asInput) }, 'input.pipelineId', 'INVALID'],
    ];
    for (const [input, path, code] of cases) {
      const response = await server.gql(UPDATE, { input }, { cookie: admin });
      const errors = response.data?.updatePipelineStages.userErrors ?? [];
      expect(
        errors.map((e: { field: string[]; code: string }) => `${e.field.join('.')} ${e.code}`),
        JSON.stringify(input),
      ).toContain(`${path} ${code}`);
    }
    const after = await server.gql(PIPELINE, { id: pipelineId, retired: true }, { cookie: admin });
    expect(after.data?.pipeline.stages).toEqual(stages);
  });
});

describe('roles and isolation', () => {
  it('only admins manage pipelines', async () => {
    for (const cookie of [manager, analyst]) {
      const create = await server.gql(CREATE, { input: { name: 'Nope' } }, { cookie });
      expect(create.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      const update = await server.gql(
        UPDATE,
        { input: { pipelineId: mosprom.pipelineId, stages: mosprom.stages.map(asInput) } },
        { cookie },
      );
      expect(update.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    const anonymous = await server.gql(PIPELINES, {});
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it("another agency's admin neither reads nor changes Mosprom's pipelines", async () => {
    const list = await server.gql(PIPELINES, {}, { cookie: asmex });
    const ids = list.data?.pipelines.nodes.map((p: { id: string }) => p.id);
    expect(ids).toHaveLength(1);
    expect(ids).not.toContain(mosprom.pipelineId);
    expect((await server.gql(PIPELINE, { id: mosprom.pipelineId }, { cookie: asmex })).data?.pipeline).toBeNull();
    const before = await server.gql(PIPELINE, { id: mosprom.pipelineId, retired: true }, { cookie: admin });
    const update = await server.gql(
      UPDATE,
      {
        input: {
          pipelineId: mosprom.pipelineId,
          name: 'Taken over',
          stages: mosprom.stages.map((s) => ({ ...asInput(s), name: `${s.name}!` })),
        },
      },
      { cookie: asmex },
    );
    expect(update.data?.updatePipelineStages.userErrors[0]).toMatchObject({ code: 'NOT_FOUND' });
    // Nor can it take Mosprom's stages into its own pipeline.
    const own = list.data?.pipelines.nodes[0];
    const borrow = await server.gql(
      UPDATE,
      {
        input: {
          pipelineId: own.id,
          stages: [...own.stages.map(asInput), { ...asInput(mosprom.stages[0]), name: 'X' }],
        },
      },
      { cookie: asmex },
    );
    expect(borrow.data?.updatePipelineStages.userErrors[0]).toMatchObject({ code: 'NOT_FOUND' });
    const after = await server.gql(PIPELINE, { id: mosprom.pipelineId, retired: true }, { cookie: admin });
    expect(after.data?.pipeline).toEqual(before.data?.pipeline);
  });
});
