import type { Context } from '../../graphql/context.js';
import { agencyOf, EMPTY, type Sql, sql, trusted } from '../../shared/sql.js';
import type { InteractionKind } from '../interaction/interaction.enums.js';
import { Mission } from '../mission/mission.entity.js';
import { User } from '../user/user.entity.js';
import { ActivityGrouping, ActivityRow, ActivitySummary } from './activity-summary.type.js';
import { analyticsQuery, checkRange, dayEnd, dayStart } from './analytics-sql.js';
import { agencyCte, baseMoney, DEAL_RATE } from './deal-value.js';

export interface ActivityArgs {
  from: string;
  to: string;
  groupBy: ActivityGrouping;
}

interface Grouping {
  /** The key of an interaction `i`. */
  interaction: string;
  /** The key of a deal `d` (its source interaction is `src` when `sourceJoin` is set). */
  deal: string;
  sourceJoin: boolean;
  /** The table that names a key, and its name column. */
  label?: { table: string; column: string };
}

const GROUPINGS: Record<ActivityGrouping, Grouping> = {
  [ActivityGrouping.OWNER]: {
    interaction: 'i.author_id',
    deal: 'd.owner_id',
    sourceJoin: false,
    label: { table: '"user"', column: 'full_name' },
  },
  [ActivityGrouping.MISSION]: {
    interaction: 'i.mission_id',
    deal: 'd.source_mission_id',
    sourceJoin: false,
    label: { table: 'mission', column: 'name' },
  },
  [ActivityGrouping.KIND]: { interaction: 'i.kind', deal: 'src.kind', sourceJoin: true },
};

interface Row {
  is_total: boolean;
  k: string | null;
  label: string | null;
  base: string;
  interactions: number;
  meetings_held: number;
  created: number;
  moved: number;
  moves: number;
  won: number;
  value: string;
  no_rate: number;
  lost: number;
}

/**
 * activitySummary: ONE statement. Every event of the period (an interaction, a deal created, a
 * move, a deal closed) is a row of `ev` with its group key; one GROUP BY with grouping sets
 * gives the groups and the total.
 */
export async function activitySummary(ctx: Context, args: ActivityArgs): Promise<ActivitySummary> {
  checkRange(args.from, args.to);
  const agencyId = agencyOf(ctx);
  const grouping = GROUPINGS[args.groupBy];
  const source: Sql = grouping.sourceJoin
    ? sql`left join interaction src on src.id = d.source_interaction_id and src.agency_id = ${agencyId}`
    : EMPTY;
  const start = dayStart(args.from);
  const end = dayEnd(args.to);
  const key = trusted(grouping.interaction);
  const dealKey = trusted(grouping.deal);
  const label = grouping.label
    ? sql`left join ${trusted(`${grouping.label.table} n on n.id = x.k`)} and n.agency_id = ${agencyId}`
    : EMPTY;
  const name = trusted(grouping.label ? `n.${grouping.label.column}` : 'x.k::text');

  const rows = await analyticsQuery<Row>(
    ctx.em,
    sql`with ${agencyCte(agencyId)},
      ev as (
        select ${key} as k, 1 as interactions, (i.kind = 'MEETING' and i.status = 'HELD')::int as meetings_held,
          0 as created, null::uuid as moved_deal, 0 as moves, 0 as won, null::numeric as value, 0 as no_rate, 0 as lost
        from interaction i
        where i.agency_id = ${agencyId} and i.occurred_at >= ${start} and i.occurred_at < ${end}
        union all
        select ${dealKey}, 0, 0, 1, null, 0, 0, null, 0, 0
        from deal d ${source}
        where d.agency_id = ${agencyId} and d.created_at >= ${start} and d.created_at < ${end}
        union all
        select ${dealKey}, 0, 0, 0, c.deal_id, 1, 0, null, 0, 0
        from deal_stage_change c
        join deal d on d.id = c.deal_id and d.agency_id = ${agencyId}
        ${source}
        where c.agency_id = ${agencyId} and c.from_stage_id is not null
          and c.changed_at >= ${start} and c.changed_at < ${end}
        union all
        select ${dealKey}, 0, 0, 0, null, 0, (s.category = 'WON')::int,
          case when s.category = 'WON' then round(d.amount * r.rate, 2) end,
          (s.category = 'WON' and d.amount is not null and r.rate is null)::int, (s.category = 'LOST')::int
        from deal d
        join pipeline_stage s on s.id = d.stage_id and s.agency_id = ${agencyId} and s.category in ('WON', 'LOST')
        cross join a
        ${DEAL_RATE}
        ${source}
        where d.agency_id = ${agencyId} and d.closed_on between ${args.from}::date and ${args.to}::date
      ),
      x as (
        select grouping(ev.k) = 1 as is_total, ev.k,
          sum(ev.interactions)::int as interactions, sum(ev.meetings_held)::int as meetings_held,
          sum(ev.created)::int as created, count(distinct ev.moved_deal)::int as moved, sum(ev.moves)::int as moves,
          sum(ev.won)::int as won, coalesce(sum(ev.value), 0)::text as value, sum(ev.no_rate)::int as no_rate,
          sum(ev.lost)::int as lost
        from ev
        group by grouping sets ((ev.k), ())
      )
      select x.is_total, x.k::text as k, ${name} as label, a.base_currency as base,
        coalesce(x.interactions, 0) as interactions, coalesce(x.meetings_held, 0) as meetings_held,
        coalesce(x.created, 0) as created, x.moved, coalesce(x.moves, 0) as moves, coalesce(x.won, 0) as won,
        x.value, coalesce(x.no_rate, 0) as no_rate, coalesce(x.lost, 0) as lost
      from x
      cross join a
      ${label}
      order by x.is_total, x.k is null, label, x.k`,
  );

  const toRow = (row: Row) =>
    Object.assign(new ActivityRow(), {
      label: row.is_total ? 'Total' : (row.label ?? NONE[args.groupBy]),
      ownerRef:
        !row.is_total && row.k && args.groupBy === ActivityGrouping.OWNER ? ctx.em.getReference(User, row.k) : null,
      missionRef:
        !row.is_total && row.k && args.groupBy === ActivityGrouping.MISSION
          ? ctx.em.getReference(Mission, row.k)
          : null,
      kind: !row.is_total && args.groupBy === ActivityGrouping.KIND ? (row.k as InteractionKind | null) : null,
      interactions: row.interactions,
      meetingsHeld: row.meetings_held,
      dealsCreated: row.created,
      dealsMoved: row.moved,
      stageChanges: row.moves,
      dealsWon: row.won,
      valueWon: baseMoney(row.value, row.base),
      dealsWithoutRate: row.no_rate,
      dealsLost: row.lost,
    });
  return Object.assign(new ActivitySummary(), {
    from: args.from,
    to: args.to,
    groupBy: args.groupBy,
    rows: rows.filter((row) => !row.is_total).map(toRow),
    total: toRow(rows.find((row) => row.is_total)!),
  });
}

const NONE: Record<ActivityGrouping, string> = {
  [ActivityGrouping.OWNER]: '(nobody)',
  [ActivityGrouping.MISSION]: '(no mission)',
  [ActivityGrouping.KIND]: '(no source interaction)',
};
