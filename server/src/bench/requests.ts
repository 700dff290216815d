import * as doc from './documents.js';

/** One screen's request, sent as the web client sends it. */
export interface BenchRequest {
  name: string;
  query: string;
  variables: Record<string, unknown>;
}

export interface RequestContext {
  now: Date;
  viewerId: string;
  pipelineId: string;
  companyId: string;
  missionId: string;
  /** A day of the mission (YYYY-MM-DD) with meetings on its agenda. */
  agendaDay: string;
}

/** The standalone export value of the analytics page: three years by half-year, with the year before. */
const ExportValueByHalfYear = /* GraphQL */ `
query ExportValueByHalfYear($from: Date!, $to: Date!) {
  exportValue(groupBy: [HALF_YEAR], from: $from, to: $to, compareWithPrevious: true) {
    baseCurrency
    total { dealsWon dealsWithoutRate currenciesWithoutRate value { amount currency } }
    rows {
      key
      label
      halfYear { label start end }
      current { dealsWon dealsWithoutRate currenciesWithoutRate value { amount currency } }
      previous { dealsWon value { amount currency } }
      growthPercent
    }
  }
}
`;

const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/** The dashboard's windows (web/src/features/dashboard/dates.ts), here in the process's time zone. */
function weekRange(now: Date): { from: Date; to: Date } {
  const from = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  from.setDate(from.getDate() - ((from.getDay() + 6) % 7));
  const to = new Date(from);
  to.setDate(to.getDate() + 7);
  return { from, to };
}

function halfYearWindow(now: Date): { from: string; to: string } {
  const from = new Date(now.getFullYear(), now.getMonth() < 6 ? 0 : 6, 1);
  from.setMonth(from.getMonth() - 18);
  const local = (d: Date) =>
    `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  return { from: local(from), to: local(now) };
}

export function benchRequests(ctx: RequestContext): BenchRequest[] {
  const week = weekRange(ctx.now);
  const window = halfYearWindow(ctx.now);
  const threeYearsAgo = new Date(ctx.now.getTime() - 3 * 365 * 86_400_000);
  return [
    { name: 'viewer (app shell)', query: doc.Viewer, variables: {} },
    { name: 'pipeline switcher', query: doc.PipelineSwitcher, variables: { pipelines: 50 } },
    {
      name: 'pipeline board',
      query: doc.PipelineBoard,
      // The board's page per column (web: STAGE_PAGE_SIZE).
      variables: { pipelineId: ctx.pipelineId, stagePageSize: 30 },
    },
    {
      name: 'companies: first 25 by name',
      query: doc.CompaniesPage,
      variables: { filter: {}, orderBy: { field: 'NAME', direction: 'ASC' }, first: 25 },
    },
    {
      name: 'companies: search "oasis"',
      query: doc.CompaniesPage,
      variables: { filter: { nameContains: 'oasis' }, orderBy: { field: 'NAME', direction: 'ASC' }, first: 25 },
    },
    {
      name: 'company page + timeline',
      query: doc.CompanyPage,
      // The page sizes the company page sends (web: lib/pagination/useListPage.ts).
      variables: { id: ctx.companyId, panelRows: 50, interactionRows: 100, missionRows: 20, stageChanges: 20 },
    },
    // The page sizes the web sends (web: lib/pagination/useListPage.ts).
    { name: 'mission page', query: doc.MissionPage, variables: { id: ctx.missionId, participants: 100 } },
    { name: 'mission agenda (1 day)', query: doc.MissionAgenda, variables: { id: ctx.missionId, day: ctx.agendaDay } },
    { name: 'missionOutcome', query: doc.MissionOutcome, variables: { missionId: ctx.missionId } },
    {
      name: 'exportValue half-year+prev (3y)',
      query: ExportValueByHalfYear,
      variables: { from: isoDay(threeYearsAgo), to: isoDay(ctx.now) },
    },
    {
      name: 'pipelineFunnel (dashboard)',
      query: doc.DashboardFunnel,
      variables: { pipelineId: ctx.pipelineId, ...window },
    },
    {
      name: 'dashboard: my work',
      query: doc.DashboardWork,
      variables: {
        viewerId: ctx.viewerId,
        weekFrom: week.from.toISOString(),
        weekTo: week.to.toISOString(),
        tasks: 20,
        meetings: 50,
      },
    },
    { name: 'dashboard: analytics', query: doc.DashboardAnalytics, variables: { ...window, pipelines: 20 } },
    // The command palette (12 hits), as the user types: a name prefix, Cyrillic, a typo, a phone number.
    { name: 'search: prefix "cedar exp"', query: doc.SearchPalette, variables: { query: 'cedar exp', first: 12 } },
    { name: 'search: Cyrillic "Смирнов"', query: doc.SearchPalette, variables: { query: 'Смирнов', first: 12 } },
    {
      name: 'search: typo "Siroco Ceramcs"',
      query: doc.SearchPalette,
      variables: { query: 'Siroco Ceramcs', first: 12 },
    },
    { name: 'search: phone "+212 6 1234"', query: doc.SearchPalette, variables: { query: '+212 6 1234', first: 12 } },
    {
      name: 'companies: search "oasis" (filter)',
      query: doc.CompaniesPage,
      variables: { filter: { search: 'oasis' }, orderBy: { field: 'NAME', direction: 'ASC' }, first: 25 },
    },
  ];
}
