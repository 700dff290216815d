import type { Context } from '../../graphql/context.js';
import { isUuid } from '../../shared/ids.js';
import { money } from '../../shared/money.js';
import { agencyOf, type Sql, sql, trusted } from '../../shared/sql.js';
import { Company } from '../company/company.entity.js';
import type { CompanyKind } from '../company/company.enums.js';
import { rateSql } from '../exchange-rate/conversion.js';
import { MeetingStatus } from '../interaction/interaction.enums.js';
import { Mission } from '../mission/mission.entity.js';
import { ParticipantStatus } from '../mission/mission.enums.js';
import type { StageCategory } from '../pipeline/pipeline.enums.js';
import { analyticsQuery, percentSql } from './analytics-sql.js';
import { CONFIRMED_VALUE, confirmationFigures, dealSource, latestAnswer } from './confirmation-figures.js';
import { agencyCte, baseMoney, DEAL_RATE, DEAL_VALUE } from './deal-value.js';
import { lazy } from './lazy.js';
import {
  CompanyKindCount,
  DealCategoryOutcome,
  type DealFigures,
  type DelegationFigures,
  type MeetingFigures,
  MeetingStatusCount,
  MissionCohort,
  MissionConversion,
  MissionExporterOutcome,
  MissionOutcome,
  ParticipantStatusCount,
  type RoiUnavailableReason,
} from './mission-outcome.type.js';

/**
 * missionOutcome: one ORM read (the mission, through the agency filter: another agency's id
 * reads as null), then one statement per section the client selects (delegation, meetings,
 * deals, exporters), whatever the number of rows. Every statement binds the viewer's agency.
 */
export async function missionOutcome(
  ctx: Context,
  missionId: string,
  confirmedOnly = false,
): Promise<MissionOutcome | null> {
  if (!isUuid(missionId)) return null;
  const mission = await ctx.em.findOne(Mission, missionId);
  if (!mission) return null;
  const agencyId = agencyOf(ctx);
  const scope: Scope = { agencyId, missionId, confirmedOnly };
  const deals = lazy(() => dealFigures(ctx, scope));
  return Object.assign(new MissionOutcome(), {
    mission,
    confirmedOnly,
    budget: money(mission.budgetAmount, mission.budgetCurrency),
    loadDelegation: lazy(() => delegationFigures(ctx, agencyId, missionId)),
    loadMeetings: lazy(() => meetingFigures(ctx, scope)),
    loadDeals: deals,
    loadExporters: lazy(() => exporterFigures(ctx, scope)),
    loadConfirmation: lazy(() => confirmationFigures(ctx, agencyId, sql`d.source_mission_id = ${missionId}`)),
    loadBaseCurrency: async () => (await deals()).baseCurrency,
  });
}

/** Whose figures: the mission's, of every deal or (confirmedOnly) of the won deals their exporters confirmed. */
interface Scope {
  agencyId: string;
  missionId: string;
  confirmedOnly: boolean;
}

/** The budget's rate: its currency on the mission's last day, today for an undated mission. */
const BUDGET_RATE = trusted(rateSql('m.budget_currency', 'coalesce(m.end_on, a.today)', 'a.base_currency'));

/**
 * The mission's leads, valued: columns of `d`, `s`, DEAL_VALUE and the latest answer of the
 * exporter (`answer`, `confirmed_value`). Needs CTE `a`. With confirmedOnly, the confirmed won
 * deals alone, at their confirmed figures (confirmation-figures.ts).
 */
function leadsSql({ agencyId, missionId, confirmedOnly }: Scope): Sql {
  return sql`select d.id, d.exporter_id, d.source_interaction_id, d.amount, d.currency, d.closed_on, s.category,
      ${DEAL_VALUE}, cf.status as answer, ${CONFIRMED_VALUE}
    from ${dealSource(agencyId, confirmedOnly)} d
    join pipeline_stage s on s.id = d.stage_id and s.agency_id = ${agencyId}
    cross join a
    ${DEAL_RATE}
    left join lateral (${latestAnswer(agencyId)}) cf on true
    where d.agency_id = ${agencyId} and d.source_mission_id = ${missionId}`;
}

async function delegationFigures(ctx: Context, agencyId: string, missionId: string): Promise<DelegationFigures> {
  const [row] = await analyticsQuery<{ size: number; by_status: { status: ParticipantStatus; count: number }[] }>(
    ctx.em,
    sql`with p as (
        select p.status from mission_participant p where p.agency_id = ${agencyId} and p.mission_id = ${missionId}
      )
      select (select count(*) from p where p.status <> 'WITHDREW')::int as size,
        (select coalesce(json_agg(json_build_object('status', x.status, 'count', x.n)), '[]')
         from (select p.status, count(*)::int as n from p group by p.status) x) as by_status`,
  );
  const counts = new Map(row.by_status.map((entry) => [entry.status, entry.count]));
  return {
    size: row.size,
    byStatus: Object.values(ParticipantStatus).map((status) =>
      Object.assign(new ParticipantStatusCount(), { status, count: counts.get(status) ?? 0 }),
    ),
  };
}

interface MeetingRow {
  held: number;
  with_lead: number;
  with_win: number;
  leads: number;
  won: number;
  meeting_to_lead: number | null;
  lead_to_won: number | null;
  meeting_to_won: number | null;
  counterparts_met: number;
  by_status: { status: MeetingStatus; count: number }[];
  by_kind: { kind: CompanyKind; count: number }[];
}

async function meetingFigures(ctx: Context, { agencyId, missionId, confirmedOnly }: Scope): Promise<MeetingFigures> {
  const [row] = await analyticsQuery<MeetingRow>(
    ctx.em,
    sql`with mt as (
        select i.id, i.status, i.counterpart_id from interaction i
        where i.agency_id = ${agencyId} and i.mission_id = ${missionId} and i.kind = 'MEETING'
      ),
      l as (
        select d.id, d.source_interaction_id, s.category from ${dealSource(agencyId, confirmedOnly)} d
        join pipeline_stage s on s.id = d.stage_id and s.agency_id = ${agencyId}
        where d.agency_id = ${agencyId} and d.source_mission_id = ${missionId}
      ),
      h as (
        select mt.id, mt.counterpart_id,
          exists (select 1 from l where l.source_interaction_id = mt.id) as with_lead,
          exists (select 1 from l where l.source_interaction_id = mt.id and l.category = 'WON') as with_win
        from mt where mt.status = 'HELD'
      ),
      f as (
        select (select count(*) from h)::int as held,
          (select count(*) from h where h.with_lead)::int as with_lead,
          (select count(*) from h where h.with_win)::int as with_win,
          (select count(*) from l)::int as leads,
          (select count(*) from l where l.category = 'WON')::int as won,
          (select count(distinct h.counterpart_id) from h)::int as counterparts_met
      )
      select f.*,
        ${percentSql('f.with_lead', 'f.held')} as meeting_to_lead,
        ${percentSql('f.won', 'f.leads')} as lead_to_won,
        ${percentSql('f.with_win', 'f.held')} as meeting_to_won,
        (select coalesce(json_agg(json_build_object('status', x.status, 'count', x.n)), '[]')
         from (select mt.status, count(*)::int as n from mt group by mt.status) x) as by_status,
        (select coalesce(json_agg(json_build_object('kind', y.kind, 'count', y.n) order by y.n desc, y.kind), '[]')
         from (
           select c.kind, count(*)::int as n from company c
           where c.agency_id = ${agencyId} and c.id in (select h.counterpart_id from h)
           group by c.kind
         ) y) as by_kind
      from f`,
  );
  const byStatus = new Map(row.by_status.map((entry) => [entry.status, entry.count]));
  return {
    held: row.held,
    counterpartsMet: row.counterparts_met,
    byStatus: Object.values(MeetingStatus).map((status) =>
      Object.assign(new MeetingStatusCount(), { status, count: byStatus.get(status) ?? 0 }),
    ),
    counterpartsByKind: row.by_kind.map((entry) => Object.assign(new CompanyKindCount(), entry)),
    conversion: Object.assign(new MissionConversion(), {
      meetingsHeld: row.held,
      meetingsWithLead: row.with_lead,
      meetingsWithWonDeal: row.with_win,
      leads: row.leads,
      won: row.won,
      meetingToLeadPercent: row.meeting_to_lead,
      leadToWonPercent: row.lead_to_won,
      meetingToWonPercent: row.meeting_to_won,
    }),
  };
}

interface DealRow {
  base: string;
  leads: number;
  won: number;
  without_amount: number;
  without_rate: number;
  currencies: string[];
  value_won: string;
  value_open: string;
  median_days: number | null;
  budget_base: string | null;
  roi: number | null;
  roi_reason: RoiUnavailableReason | null;
  by_category: { category: StageCategory; deals: number; value: string; without_rate: number }[];
  cohorts: { months: number; until: string; elapsed: boolean; deals: number; value: string; without_rate: number }[];
}

async function dealFigures(ctx: Context, scope: Scope): Promise<DealFigures> {
  const { agencyId, missionId } = scope;
  const [row] = await analyticsQuery<DealRow>(
    ctx.em,
    sql`with ${agencyCte(agencyId)},
      m as (
        select coalesce(m.ends_on, m.starts_on) as end_on, m.budget_amount, m.budget_currency
        from mission m where m.agency_id = ${agencyId} and m.id = ${missionId}
      ),
      v as (
        select l.*, l.closed_on - m.end_on as days
        from (${leadsSql(scope)}) l
        left join m on true
      ),
      t as (
        select count(*)::int as leads,
          count(*) filter (where v.category = 'WON')::int as won,
          count(*) filter (where v.amount is null)::int as without_amount,
          count(*) filter (where v.no_rate)::int as without_rate,
          count(*) filter (where v.no_rate and v.category = 'WON')::int as won_without_rate,
          coalesce(array_agg(distinct btrim(v.currency) order by btrim(v.currency)) filter (where v.no_rate), '{}')
            as currencies,
          coalesce(sum(v.value) filter (where v.category = 'WON'), 0) as value_won,
          coalesce(sum(v.value) filter (where v.category = 'OPEN'), 0) as value_open,
          percentile_cont(0.5) within group (order by v.days) filter (where v.category = 'WON') as median_days
        from v
      ),
      cat as (
        select c.category, c.ord, count(v.id)::int as deals, coalesce(sum(v.value), 0) as value,
          count(v.id) filter (where v.no_rate)::int as without_rate
        from (values ('OPEN', 1), ('WON', 2), ('LOST', 3)) c(category, ord)
        left join v on v.category = c.category
        group by c.category, c.ord
      ),
      co as (
        select k.months, (m.end_on + make_interval(months => k.months))::date as until,
          count(v.id)::int as deals, coalesce(sum(v.value), 0) as value,
          count(v.id) filter (where v.no_rate)::int as without_rate
        from m cross join (values (6), (12), (24)) k(months)
        left join v on v.category = 'WON' and v.closed_on <= (m.end_on + make_interval(months => k.months))::date
        where m.end_on is not null
        group by k.months, m.end_on
      ),
      b as (
        select m.budget_amount,
          case when m.budget_amount is not null then round(m.budget_amount * (${BUDGET_RATE}), 2) end as budget_base
        from m cross join a
      ),
      roi as (
        select b.budget_base,
          case when b.budget_amount is null then 'NO_BUDGET'
               when b.budget_base is null then 'EXCHANGE_RATE_MISSING'
               when b.budget_base = 0 then 'ZERO_BUDGET'
               when t.won_without_rate > 0 then 'EXCHANGE_RATE_MISSING' end as reason,
          t.value_won
        from t left join b on true
      )
      select a.base_currency as base, t.leads, t.won, t.without_amount, t.without_rate, t.currencies,
        t.value_won::text as value_won, t.value_open::text as value_open,
        round(t.median_days::numeric, 2)::float8 as median_days,
        roi.budget_base::text as budget_base, roi.reason as roi_reason,
        case when roi.reason is null then round(roi.value_won / roi.budget_base, 4)::float8 end as roi,
        (select json_agg(json_build_object('category', cat.category, 'deals', cat.deals, 'value', cat.value::text,
           'without_rate', cat.without_rate) order by cat.ord) from cat) as by_category,
        (select coalesce(json_agg(json_build_object('months', co.months, 'until', co.until, 'elapsed', co.until < a.today,
           'deals', co.deals, 'value', co.value::text, 'without_rate', co.without_rate) order by co.months), '[]')
         from co) as cohorts
      from a cross join t cross join roi`,
  );
  const base = row.base.trim();
  return {
    baseCurrency: base,
    leads: row.leads,
    won: row.won,
    byCategory: row.by_category.map((entry) =>
      Object.assign(new DealCategoryOutcome(), {
        category: entry.category,
        deals: entry.deals,
        value: baseMoney(entry.value, base),
        dealsWithoutRate: entry.without_rate,
      }),
    ),
    valueWon: baseMoney(row.value_won, base),
    valueOpen: baseMoney(row.value_open, base),
    dealsWithoutAmount: row.without_amount,
    dealsWithoutRate: row.without_rate,
    currenciesWithoutRate: row.currencies,
    medianDaysToSignature: row.median_days,
    budgetInBaseCurrency: row.budget_base == null ? null : baseMoney(row.budget_base, base),
    roi: row.roi,
    roiUnavailableReason: row.roi_reason,
    cohorts: row.cohorts.map((entry) =>
      Object.assign(new MissionCohort(), {
        months: entry.months,
        until: entry.until,
        elapsed: entry.elapsed,
        dealsWon: entry.deals,
        valueWon: baseMoney(entry.value, base),
        dealsWithoutRate: entry.without_rate,
      }),
    ),
  };
}

interface ExporterRow {
  id: string;
  base: string;
  status: ParticipantStatus | null;
  held: number;
  leads: number;
  won: number;
  value_won: string;
  value_open: string;
  without_rate: number;
  confirmed: number;
  value_confirmed: string;
  confirmation_rate: number | null;
}

async function exporterFigures(ctx: Context, scope: Scope): Promise<MissionExporterOutcome[]> {
  const { agencyId, missionId } = scope;
  const rows = await analyticsQuery<ExporterRow>(
    ctx.em,
    sql`with ${agencyCte(agencyId)},
      p as (
        select p.company_id, p.status from mission_participant p
        where p.agency_id = ${agencyId} and p.mission_id = ${missionId}
      ),
      mt as (
        select i.exporter_id, count(*)::int as held from interaction i
        where i.agency_id = ${agencyId} and i.mission_id = ${missionId} and i.kind = 'MEETING' and i.status = 'HELD'
        group by i.exporter_id
      ),
      dv as (
        select l.exporter_id, count(*)::int as leads,
          count(*) filter (where l.category = 'WON')::int as won,
          coalesce(sum(l.value) filter (where l.category = 'WON'), 0) as value_won,
          coalesce(sum(l.value) filter (where l.category = 'OPEN'), 0) as value_open,
          count(*) filter (where l.no_rate)::int as without_rate,
          count(*) filter (where l.category = 'WON' and l.answer in ('CONFIRMED', 'CORRECTED'))::int as confirmed,
          coalesce(sum(l.confirmed_value) filter (where l.category = 'WON'), 0) as value_confirmed
        from (${leadsSql(scope)}) l
        group by l.exporter_id
      ),
      e as (
        select p.company_id as id from p union select mt.exporter_id from mt union select dv.exporter_id from dv
      )
      select e.id, a.base_currency as base, p.status, coalesce(mt.held, 0) as held,
        coalesce(dv.leads, 0) as leads, coalesce(dv.won, 0) as won,
        coalesce(dv.value_won, 0)::text as value_won, coalesce(dv.value_open, 0)::text as value_open,
        coalesce(dv.without_rate, 0) as without_rate, coalesce(dv.confirmed, 0) as confirmed,
        coalesce(dv.value_confirmed, 0)::text as value_confirmed,
        ${percentSql('coalesce(dv.confirmed, 0)', 'coalesce(dv.won, 0)')} as confirmation_rate
      from e
      join company c on c.id = e.id and c.agency_id = ${agencyId}
      cross join a
      left join p on p.company_id = e.id
      left join mt on mt.exporter_id = e.id
      left join dv on dv.exporter_id = e.id
      order by c.name, c.id`,
  );
  return rows.map((row) =>
    Object.assign(new MissionExporterOutcome(), {
      exporterRef: ctx.em.getReference(Company, row.id),
      participantStatus: row.status,
      meetingsHeld: row.held,
      leads: row.leads,
      won: row.won,
      valueWon: baseMoney(row.value_won, row.base),
      valueOpen: baseMoney(row.value_open, row.base),
      dealsWithoutRate: row.without_rate,
      wonConfirmed: row.confirmed,
      confirmedValueWon: baseMoney(row.value_confirmed, row.base),
      confirmationRatePercent: row.confirmation_rate,
    }),
  );
}
