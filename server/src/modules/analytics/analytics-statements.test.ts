import type { EntityManager } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agencyEm } from '../../db/agency-scope.js';
import { normalizeName } from '../../shared/normalize.js';
import type { TestServer } from '../../test/test-server.js';
import { Company } from '../company/company.entity.js';
import { CompanyKind } from '../company/company.enums.js';
import { Interaction } from '../interaction/interaction.entity.js';
import { InteractionKind, MeetingStatus } from '../interaction/interaction.enums.js';
import { Mission } from '../mission/mission.entity.js';
import { ParticipantStatus } from '../mission/mission.enums.js';
import { MissionParticipant } from '../mission/mission-participant.entity.js';
import { PipelineStage } from '../pipeline/pipeline-stage.entity.js';
import { User } from '../user/user.entity.js';
import { type AnalyticsFixture, startAnalyticsServer } from './analytics.fixture.js';
import { createDealWithHistory } from './analytics-deals.fixture.js';

/**
 * The "bounded number of statements whatever the data size": every analytics query,
 * with every field (related records included), costs the same number of SQL statements on the
 * small fixture and after 40 exporters, 400 meetings and 600 deals with their histories are added.
 */
let server: TestServer;
let fx: AnalyticsFixture;
let analyst: string;

beforeAll(async () => {
  ({ server, fx, analyst } = await startAnalyticsServer());
});
afterAll(() => server?.close());

const QUERIES: Record<string, string> = {
  missionOutcome: `query($mission: ID!) { missionOutcome(missionId: $mission) {
    mission { name } baseCurrency delegationSize participantsByStatus { status count } meetingsHeld meetingsByStatus { status count }
    counterpartsMet counterpartsByKind { kind count } leads dealsByCategory { category deals value { amount } }
    valueWon { amount } valueOpen { amount } currenciesWithoutRate conversion { meetingToLeadPercent leadToWonPercent }
    medianDaysToSignature budgetInBaseCurrency { amount } roi roiUnavailableReason cohorts { months valueWon { amount } }
    exporters { exporter { name } meetingsHeld leads won valueWon { amount } } } }`,
  pipelineFunnel: `query($pipeline: ID!) { pipelineFunnel(pipelineId: $pipeline, from: "2020-01-01", to: "2030-12-31") {
    pipeline { name } deals won winRatePercent reopenedAfterLoss lostReasons { rank reason deals }
    stages { stage { name } entered reached leftForward conversionToNextPercent conversionToWonPercent medianDaysInStage p90DaysInStage } } }`,
  exportValue: `{ exportValue(groupBy: [COUNTRY, SECTOR, MISSION, EXPORTER, OWNER, HALF_YEAR], from: "2024-01-01", to: "2026-12-31",
    compareWithPrevious: true) { total { value { amount } } totalGrowthPercent
    rows { label country sector { code } mission { name } exporter { name } owner { fullName } period { label }
      current { dealsWon value { amount } } previous { value { amount } } growthPercent } } }`,
  activitySummary: `{ activitySummary(from: "2020-01-01", to: "2030-12-31", groupBy: MISSION) {
    rows { label mission { name } interactions dealsCreated dealsMoved dealsWon valueWon { amount } } total { stageChanges } } }`,
};

/** Statements per query (sessions aside), and the size of the answer. */
async function measure(): Promise<Record<string, { statements: number; size: number }>> {
  const result: Record<string, { statements: number; size: number }> = {};
  for (const [name, query] of Object.entries(QUERIES)) {
    server.resetStatements();
    const response = await server.gql(query, { mission: fx.missions.M1, pipeline: fx.pipelineId }, { cookie: analyst });
    expect(response.errors, name).toBeUndefined();
    const statements = server.statements.filter((s) => !s.includes(' session'));
    result[name] = { statements: statements.length, size: JSON.stringify(response.data).length };
  }
  return result;
}

async function addBulk(): Promise<void> {
  const em = agencyEm((server.db.orm.em as unknown as EntityManager).fork(), fx.agencyId);
  const mission = em.getReference(Mission, fx.missions.M1);
  const owner = em.getReference(User, fx.users.anna);
  const stage = (name: string) => em.getReference(PipelineStage, fx.stages[name]);
  const buyers = ['B1', 'B2', 'B3', 'B4', 'B5'].map((key) =>
    em.getReference(Company, fx.companies[key as keyof typeof fx.companies]),
  );
  const paths = [
    ['Новый лид', 'Квалифицирован', 'Переговоры', 'Контракт подписан'],
    ['Новый лид', 'Квалифицирован', 'Отказ', 'Встреча проведена'],
    ['Новый лид', 'Встреча проведена', 'Отказ'],
    ['Новый лид', 'Квалифицирован'],
  ];
  for (let e = 0; e < 40; e++) {
    const name = `Bulk exporter ${e}`;
    const exporter = em.create(Company, {
      agency: fx.agencyId,
      name,
      normalizedName: normalizeName(name),
      kind: CompanyKind.EXPORTER,
      country: 'RU',
    });
    em.create(MissionParticipant, {
      agency: fx.agencyId,
      mission,
      company: exporter,
      status: ParticipantStatus.ATTENDED,
    });
    for (let m = 0; m < 10; m++) {
      const when = new Date(Date.UTC(2024, 2, 10, 8 + (m % 8), e));
      em.create(Interaction, {
        agency: fx.agencyId,
        kind: InteractionKind.MEETING,
        occurredAt: when,
        startsAt: when,
        endsAt: new Date(when.getTime() + 30 * 60_000),
        status: MeetingStatus.HELD,
        subject: `Bulk ${e}.${m}`,
        normalizedSubject: `bulk ${e} ${m}`,
        mission,
        exporter,
        counterpart: buyers[m % buyers.length],
        author: owner,
      });
    }
    for (let d = 0; d < 15; d++) {
      const path = paths[(e + d) % paths.length];
      const start = Date.UTC(2024, (e + d) % 24, 1 + (d % 27), 10);
      createDealWithHistory(em, fx.agencyId, fx.pipelineId, stage, owner, {
        title: `Bulk deal ${e}.${d}`,
        exporter,
        buyer: buyers[d % buyers.length],
        sourceMission: d % 3 === 0 ? null : mission,
        sourceInteraction: null,
        amount: `${1000 * (d + 1)}.00`,
        currency: ['EUR', 'MAD', 'USD', 'RUB'][d % 4],
        destinationCountry: ['MA', 'SN', 'FR'][e % 3],
        sector: null,
        lostReason: `Reason ${d % 5}`,
        history: path.map((name, i) => [name, new Date(start + i * 9 * 86_400_000)] as const),
      });
    }
  }
  await em.flush();
}

describe('statement counts', () => {
  it('do not grow with the data', async () => {
    await measure(); // warm-up: first-request caches
    const small = await measure();
    expect(small).toMatchObject({
      // the mission; delegation, meetings, deals, exporters; the exporters' companies
      missionOutcome: { statements: 6 },
      // the pipeline; its stages; the stages' figures; the summary and lost reasons
      pipelineFunnel: { statements: 4 },
      // the report; then sectors, missions, companies and users of its rows, one batch each
      exportValue: { statements: 5 },
      // the summary; the missions of its rows
      activitySummary: { statements: 2 },
    });
    await addBulk();
    const large = await measure();
    for (const name of Object.keys(QUERIES)) {
      expect(large[name].statements, name).toBe(small[name].statements);
      expect(large[name].size, `${name} answers about more data`).toBeGreaterThan(small[name].size);
    }
  });
});
