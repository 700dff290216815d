import type { EntityManager } from '@mikro-orm/postgresql';
import { agencyEm, crossAgencyEm } from '../../db/agency-scope.js';
import { normalizeName } from '../../shared/normalize.js';
import { startTestServer, type TestServer } from '../../test/test-server.js';
import { createAgencyWithAdmin } from '../agency/agency.service.js';
import { hashPassword } from '../auth/password.js';
import { Company } from '../company/company.entity.js';
import { CompanyKind } from '../company/company.enums.js';
import { Deal } from '../deal/deal.entity.js';
import { ExchangeRate } from '../exchange-rate/exchange-rate.entity.js';
import { Interaction } from '../interaction/interaction.entity.js';
import { InteractionKind, MeetingStatus } from '../interaction/interaction.enums.js';
import { Mission } from '../mission/mission.entity.js';
import { MissionKind, MissionStatus, ParticipantStatus } from '../mission/mission.enums.js';
import { MissionParticipant } from '../mission/mission-participant.entity.js';
import { PipelineStage } from '../pipeline/pipeline-stage.entity.js';
import { Sector } from '../sector/sector.entity.js';
import { User } from '../user/user.entity.js';
import { Role } from '../user/user.enums.js';
import { createDealWithHistory, dealPlans } from './analytics-deals.fixture.js';

/**
 * The analytics tests' world, small enough to count by hand (tests only; see the tests for the
 * arithmetic). Agency "Alpha" (base RUB) and, to prove isolation, agency "Beta" whose records
 * and exchange rates must never count for Alpha.
 *
 * Alpha's rates (RUB for 1 unit): EUR 100 from 2024-01-01, 90 from 2025-01-01, 95 from
 * 2025-07-01; MAD 9 from 2025-01-01 (none before); USD none. Beta has rates for USD, MAD and EUR
 * from 2020: a leak would give Alpha's USD and 2024 MAD deals a value.
 *
 * Alpha's missions: M1 "Casablanca 2024" (2024-03-10..12, budget 1,000,000 RUB), M2 "Dakar
 * 2025" (2025-02-03..05, budget 10,000 EUR), M3 "Online 2025" (2025-09-15, no budget).
 *
 * Deals (pipeline stages Lead 0, Qualified 1, Meeting held 2, Negotiation 3, Shortlisted as
 * supplier 4, Contract signed 5 = WON, Lost 6 = LOST; every move at 10:00 UTC; the first entry
 * is the creation):
 *   D1  M1 E1/B1 mt1 EUR 100,000 Anna  MA FISH     Lead 2024-03-11, Qualified 03-21, Negotiation 04-20, WON 2024-06-15
 *   D2  M1 E1/B2 mt2 MAD 500,000 Boris MA FISH     Lead 2024-03-11, Qualified 04-01, LOST 2024-05-01,
 *                                                  Negotiation 2025-01-10 (reopened), WON 2025-04-10
 *   D3  M1 E2/B1 mt4 EUR  20,000 Anna  MA DISPLAYS Lead 2024-03-12, Qualified 03-22, Meeting held 04-01,
 *                                                  LOST 2024-05-20 "price too high"
 *   D5  M1 E2/-      EUR  30,000 Boris -  DISPLAYS Lead now−20 days, Qualified now−5 days (open)
 *   D6  M1 E1/-      no amount  Anna  -  -        Lead now−2 days (open)
 *   D7  M2 E2/B4 mt7 EUR  40,000 Boris SN DISPLAYS Lead 2025-02-04, Qualified 02-14, Meeting held 03-01,
 *                                                  Negotiation 04-01, Shortlisted 06-01, WON 2025-08-20
 *   D8  M2 E3/B4 mt8 USD  10,000 Anna  SN LASERS   Lead 2025-02-04, Negotiation 02-24, WON 2025-03-15
 *   D9  M3 E1/B5     MAD 100,000 Anna  FR FISH     Lead 2025-10-01, WON 2025-12-01
 *   D10 -  E3/B5     EUR  10,000 Anna  FR LASERS   Lead 2024-09-01, WON 2024-11-05
 *   D11 -  E1/B2     MAD 200,000 Boris MA FISH     Lead 2024-08-11, WON 2024-10-01
 *   D12 -  E2/B1     no amount  Boris MA -        Lead 2025-04-01, WON 2025-05-05
 *   D13 -  E3/B3     EUR   5,000 Anna  MA LASERS   Lead 2025-01-15, LOST 2025-02-14 "No budget"
 *   D14 -  E2/B2     RUB 1,000,000 Boris MA DISPLAYS Lead 2025-01-20, Qualified 02-01, LOST 2025-03-01 "Price too high "
 *
 * Interactions: M1 meetings by Anna on 2024-03-10/11: mt1 E1–B1 HELD, mt2 E1–B2 HELD, mt3 E1–B3
 * HELD, mt4 E2–B1 HELD, mt5 E2–B4 NO_SHOW, mt6 E2–B2 CANCELLED, and a CALL E1–B1 (M1,
 * 2024-03-20, Anna). M2 meetings by Boris on 2025-02-04: mt7 E2–B4 HELD, mt8 E3–B4 HELD. An
 * EMAIL E1–B5 by Anna on 2025-06-10 (no mission); a NOTE E2 by Boris on 2025-09-01 (M2).
 *
 * Delegations: M1 E1 ATTENDED, E2 ATTENDED, E3 WITHDREW; M2 E2 ATTENDED, E3 CONFIRMED; M3 E1 REGISTERED.
 */
export interface AnalyticsFixture {
  agencyId: string;
  pipelineId: string;
  stages: Record<string, string>;
  users: { admin: string; anna: string; boris: string; analyst: string };
  sectors: Record<'FISH' | 'DISPLAYS' | 'LASERS', string>;
  companies: Record<'E1' | 'E2' | 'E3' | 'B1' | 'B2' | 'B3' | 'B4' | 'B5', string>;
  missions: Record<'M1' | 'M2' | 'M3', string>;
  deals: Record<string, string>;
  meetings: Record<string, string>;
  /** The moment the relative dates (now − N days) are counted from. */
  now: number;
  other: { agencyId: string; pipelineId: string; missionId: string; dealId: string };
}

export const ANALYST = { email: 'analyst@alpha.test', password: 'analyst-password' };
export const OTHER_ADMIN = { email: 'admin@beta.test', password: 'beta-admin-password' };

/** A test server on an empty database holding this fixture, with the sessions of its analyst and of the other agency's admin. */
export interface AnalyticsServer {
  server: TestServer;
  fx: AnalyticsFixture;
  /** Session cookie of ANALYST (agency Alpha). */
  analyst: string;
  /** Session cookie of OTHER_ADMIN (agency Beta): what Alpha's data must not leak to. */
  otherAdmin: string;
}

export async function startAnalyticsServer(): Promise<AnalyticsServer> {
  const server = await startTestServer({ template: 'empty' });
  const fx = await buildAnalyticsFixture(server.db.orm.em as unknown as EntityManager);
  const analyst = await server.login(ANALYST.email, ANALYST.password);
  const otherAdmin = await server.login(OTHER_ADMIN.email, OTHER_ADMIN.password);
  return { server, fx, analyst, otherAdmin };
}

const DAY = 86_400_000;
const at = (day: string) => new Date(`${day}T10:00:00Z`);

export async function buildAnalyticsFixture(rootEm: EntityManager): Promise<AnalyticsFixture> {
  const now = Date.now();
  const ago = (days: number) => new Date(now - days * DAY);
  const setup = await createAgencyWithAdmin(crossAgencyEm(rootEm), {
    name: 'Centre d’export Alpha',
    shortName: 'Alpha',
    kind: 'CITY_EXPORT_CENTER',
    country: 'RU',
    baseCurrency: 'RUB',
    adminEmail: 'admin@alpha.test',
    adminFullName: 'Admin Alpha',
    adminPassword: 'alpha-admin-password',
  });
  const agencyId = setup.agency.id;
  const stages = Object.fromEntries(setup.stages.map((stage) => [stage.name, stage.id]));
  const em = agencyEm(rootEm.fork(), agencyId);
  const agency = agencyId;

  const person = (fullName: string, email: string, role: Role, passwordHash?: string) =>
    em.create(User, { agency, fullName, email, role, passwordHash: passwordHash ?? null });
  const anna = person('Anna Petrova', 'anna@alpha.test', Role.ACCOUNT_MANAGER);
  const boris = person('Boris Orlov', 'boris@alpha.test', Role.ACCOUNT_MANAGER);
  const analyst = person('Vera Analyst', ANALYST.email, Role.ANALYST, await hashPassword(ANALYST.password));
  const owners = { anna, boris };

  const sector = (code: string) => em.create(Sector, { agency, code, names: { fr: code, en: code, ru: code } });
  const sectors = { FISH: sector('FISH'), DISPLAYS: sector('DISPLAYS'), LASERS: sector('LASERS') };

  const company = (name: string, kind: CompanyKind, country: string, sectorOf?: Sector) => {
    const created = em.create(Company, { agency, name, normalizedName: normalizeName(name), kind, country });
    if (sectorOf) created.sectors.add(sectorOf);
    return created;
  };
  const companies = {
    E1: company('Alpha Conserves', CompanyKind.EXPORTER, 'RU', sectors.FISH),
    E2: company('Beta Displays', CompanyKind.EXPORTER, 'RU', sectors.DISPLAYS),
    E3: company('Gamma Lasers', CompanyKind.EXPORTER, 'RU', sectors.LASERS),
    B1: company('Casa Distribution', CompanyKind.DISTRIBUTOR, 'MA'),
    B2: company('Rabat Retail', CompanyKind.RETAILER, 'MA'),
    B3: company('Université Atlas', CompanyKind.INSTITUTION, 'MA'),
    B4: company('Dakar Import', CompanyKind.BUYER, 'SN'),
    B5: company('Paris Achats', CompanyKind.BUYER, 'FR'),
  };

  const mission = (
    name: string,
    kind: MissionKind,
    hostCountry: string,
    startsOn: string,
    endsOn: string,
    budget?: [string, string],
  ) =>
    em.create(Mission, {
      agency,
      name,
      normalizedName: normalizeName(name),
      kind,
      status: MissionStatus.COMPLETED,
      hostCountry,
      startsOn,
      endsOn,
      organizer: agency,
      budgetAmount: budget?.[0] ?? null,
      budgetCurrency: budget?.[1] ?? null,
    });
  const missions = {
    M1: mission('Casablanca 2024', MissionKind.TRADE_MISSION, 'MA', '2024-03-10', '2024-03-12', ['1000000.00', 'RUB']),
    M2: mission('Dakar 2025', MissionKind.TRADE_MISSION, 'SN', '2025-02-03', '2025-02-05', ['10000.00', 'EUR']),
    M3: mission('Online 2025', MissionKind.ONLINE_MISSION, 'MA', '2025-09-15', '2025-09-15'),
  };
  const participants: [keyof typeof missions, keyof typeof companies, ParticipantStatus][] = [
    ['M1', 'E1', ParticipantStatus.ATTENDED],
    ['M1', 'E2', ParticipantStatus.ATTENDED],
    ['M1', 'E3', ParticipantStatus.WITHDREW],
    ['M2', 'E2', ParticipantStatus.ATTENDED],
    ['M2', 'E3', ParticipantStatus.CONFIRMED],
    ['M3', 'E1', ParticipantStatus.REGISTERED],
  ];
  for (const [m, c, status] of participants) {
    em.create(MissionParticipant, { agency, mission: missions[m], company: companies[c], status });
  }

  for (const [currency, validOn, rate] of [
    ['EUR', '2024-01-01', '100'],
    ['EUR', '2025-01-01', '90'],
    ['EUR', '2025-07-01', '95'],
    ['MAD', '2025-01-01', '9'],
  ] as const) {
    em.create(ExchangeRate, { agency, currency, validOn, rate });
  }

  const interaction = (
    kind: InteractionKind,
    when: Date,
    author: User,
    exporter: keyof typeof companies,
    counterpart: keyof typeof companies | null,
    m: keyof typeof missions | null,
    status: MeetingStatus | null,
  ) => {
    const subject = `${kind} ${companies[exporter].name} – ${counterpart ? companies[counterpart].name : 'note'}`;
    return em.create(Interaction, {
      agency,
      kind,
      occurredAt: when,
      subject,
      normalizedSubject: normalizeName(subject),
      mission: m ? missions[m] : null,
      exporter: companies[exporter],
      counterpart: counterpart ? companies[counterpart] : null,
      author,
      startsAt: kind === InteractionKind.MEETING ? when : null,
      endsAt: kind === InteractionKind.MEETING ? new Date(when.getTime() + 45 * 60_000) : null,
      status,
    });
  };
  const { MEETING, CALL, EMAIL, NOTE } = InteractionKind;
  const { HELD, NO_SHOW, CANCELLED } = MeetingStatus;
  const meetings = {
    mt1: interaction(MEETING, new Date('2024-03-10T09:00:00Z'), anna, 'E1', 'B1', 'M1', HELD),
    mt2: interaction(MEETING, new Date('2024-03-10T10:00:00Z'), anna, 'E1', 'B2', 'M1', HELD),
    mt3: interaction(MEETING, new Date('2024-03-11T09:00:00Z'), anna, 'E1', 'B3', 'M1', HELD),
    mt4: interaction(MEETING, new Date('2024-03-10T09:00:00Z'), anna, 'E2', 'B1', 'M1', HELD),
    mt5: interaction(MEETING, new Date('2024-03-10T10:00:00Z'), anna, 'E2', 'B4', 'M1', NO_SHOW),
    mt6: interaction(MEETING, new Date('2024-03-11T10:00:00Z'), anna, 'E2', 'B2', 'M1', CANCELLED),
    mt7: interaction(MEETING, new Date('2025-02-04T09:00:00Z'), boris, 'E2', 'B4', 'M2', HELD),
    mt8: interaction(MEETING, new Date('2025-02-04T10:00:00Z'), boris, 'E3', 'B4', 'M2', HELD),
  };
  interaction(CALL, new Date('2024-03-20T12:00:00Z'), anna, 'E1', 'B1', 'M1', null);
  interaction(EMAIL, new Date('2025-06-10T12:00:00Z'), anna, 'E1', 'B5', null, null);
  interaction(NOTE, new Date('2025-09-01T12:00:00Z'), boris, 'E2', null, 'M2', null);

  const plans = dealPlans(ago);

  const deals: Record<string, Deal> = {};
  const stageRef = (name: string) => em.getReference(PipelineStage, stages[name]);
  for (const plan of plans) {
    deals[plan.key] = createDealWithHistory(em, agencyId, setup.pipeline.id, stageRef, owners[plan.owner], {
      title: `${plan.key} ${companies[plan.exporter].name}`,
      exporter: companies[plan.exporter],
      buyer: plan.buyer ? companies[plan.buyer] : null,
      sourceMission: plan.mission ? missions[plan.mission] : null,
      sourceInteraction: plan.meeting ? meetings[plan.meeting as keyof typeof meetings] : null,
      amount: plan.amount,
      currency: plan.currency,
      destinationCountry: plan.country ?? null,
      sector: plan.sector ? sectors[plan.sector] : null,
      lostReason: plan.lostReason ?? null,
      history: plan.history,
    });
  }
  await em.flush();

  const other = await buildOtherAgency(rootEm);
  const ids = <T extends Record<string, { id: string }>>(record: T) =>
    Object.fromEntries(Object.entries(record).map(([key, value]) => [key, value.id])) as Record<keyof T, string>;
  return {
    agencyId,
    pipelineId: setup.pipeline.id,
    stages,
    users: { admin: setup.admin.id, anna: anna.id, boris: boris.id, analyst: analyst.id },
    sectors: ids(sectors),
    companies: ids(companies),
    missions: ids(missions),
    deals: ids(deals),
    meetings: ids(meetings),
    now,
    other,
  };
}

/**
 * Agency Beta: a mission named like Alpha's, a big won deal in every period Alpha reports on,
 * and exchange rates for the currencies Alpha lacks. None of it may ever count for Alpha.
 */
async function buildOtherAgency(rootEm: EntityManager): Promise<AnalyticsFixture['other']> {
  const setup = await createAgencyWithAdmin(crossAgencyEm(rootEm), {
    name: 'Agence Beta',
    shortName: 'Beta',
    kind: 'NATIONAL_EXPORT_AGENCY',
    country: 'RU',
    baseCurrency: 'RUB',
    adminEmail: OTHER_ADMIN.email,
    adminFullName: 'Admin Beta',
    adminPassword: OTHER_ADMIN.password,
  });
  const agency = setup.agency.id;
  const em = agencyEm(rootEm.fork(), agency);
  const stages = Object.fromEntries(setup.stages.map((stage) => [stage.name, stage.id]));
  const stage = (name: string) => em.getReference(PipelineStage, stages[name]);
  for (const [currency, rate] of [
    ['USD', '80'],
    ['MAD', '7'],
    ['EUR', '1000'],
  ]) {
    em.create(ExchangeRate, { agency, currency, validOn: '2020-01-01', rate });
  }
  const exporter = em.create(Company, {
    agency,
    name: 'Beta Exporter',
    normalizedName: normalizeName('Beta Exporter'),
    kind: CompanyKind.EXPORTER,
    country: 'RU',
  });
  const buyer = em.create(Company, {
    agency,
    name: 'Beta Buyer',
    normalizedName: normalizeName('Beta Buyer'),
    kind: CompanyKind.DISTRIBUTOR,
    country: 'MA',
  });
  const mission = em.create(Mission, {
    agency,
    name: 'Casablanca 2024',
    normalizedName: normalizeName('Casablanca 2024'),
    kind: MissionKind.TRADE_MISSION,
    hostCountry: 'MA',
    startsOn: '2024-03-10',
    endsOn: '2024-03-12',
    budgetAmount: '1.00',
    budgetCurrency: 'RUB',
  });
  em.create(MissionParticipant, { agency, mission, company: exporter, status: ParticipantStatus.ATTENDED });
  const meeting = em.create(Interaction, {
    agency,
    kind: InteractionKind.MEETING,
    occurredAt: new Date('2025-02-04T09:00:00Z'),
    startsAt: new Date('2025-02-04T09:00:00Z'),
    endsAt: new Date('2025-02-04T09:45:00Z'),
    status: MeetingStatus.HELD,
    subject: 'Beta meeting',
    normalizedSubject: 'beta meeting',
    mission,
    exporter,
    counterpart: buyer,
    author: setup.admin.id,
  });
  let deal: Deal | undefined;
  for (const [year, currency] of [
    ['2024', 'USD'],
    ['2025', 'RUB'],
  ]) {
    deal = createDealWithHistory(em, agency, setup.pipeline.id, stage, setup.admin.id, {
      title: `Beta ${year}`,
      exporter,
      buyer,
      sourceMission: mission,
      sourceInteraction: meeting,
      amount: '999000000.00',
      currency,
      destinationCountry: 'MA',
      sector: null,
      lostReason: 'Beta reason',
      history: [
        ['Новый лид', at(`${year}-02-04`)],
        ['Отказ', at(`${year}-03-01`)],
        ['Переговоры', at(`${year}-03-15`)],
        ['Контракт подписан', at(`${year}-04-10`)],
      ],
    });
  }
  await em.flush();
  return { agencyId: agency, pipelineId: setup.pipeline.id, missionId: mission.id, dealId: deal!.id };
}
