import { EMPTY, joinSql, type Sql, sql, trusted } from '../../shared/sql.js';
import { dealSource } from './confirmation-figures.js';
import { agencyCte, DEAL_RATE, DEAL_VALUE } from './deal-value.js';
import { CALENDAR_DIMENSIONS, ExportValueDimension } from './export-value.type.js';

export const isCalendar = (dimension: ExportValueDimension) => CALENDAR_DIMENSIONS.includes(dimension);

/** The group key of a dimension, as SQL on a row `x` with the deal's columns and its effective `day`. */
function keySql(dimension: ExportValueDimension, x: string): string {
  switch (dimension) {
    case ExportValueDimension.COUNTRY:
      return `btrim(${x}.destination_country)`;
    case ExportValueDimension.SECTOR:
      return `${x}.sector_id`;
    case ExportValueDimension.MISSION:
      return `${x}.source_mission_id`;
    case ExportValueDimension.EXPORTER:
      return `${x}.exporter_id`;
    case ExportValueDimension.OWNER:
      return `${x}.owner_id`;
    case ExportValueDimension.MONTH:
      return `date_trunc('month', ${x}.day::timestamp)::date`;
    case ExportValueDimension.QUARTER:
      return `date_trunc('quarter', ${x}.day::timestamp)::date`;
    case ExportValueDimension.HALF_YEAR:
      return `make_date(extract(year from ${x}.day)::int, case when extract(month from ${x}.day) <= 6 then 1 else 7 end, 1)`;
    default:
      return `date_trunc('year', ${x}.day::timestamp)::date`;
  }
}

/** The readable name of an entity dimension's key, as SQL (joins below), or null. */
export const LABELS: Partial<Record<ExportValueDimension, { table: string; column: string }>> = {
  [ExportValueDimension.SECTOR]: { table: 'sector', column: 'code' },
  [ExportValueDimension.MISSION]: { table: 'mission', column: 'name' },
  [ExportValueDimension.EXPORTER]: { table: 'company', column: 'name' },
  [ExportValueDimension.OWNER]: { table: '"user"', column: 'full_name' },
};

const FIGURES = `count(*)::int as deals, coalesce(sum(g.value), 0) as value,
  count(*) filter (where g.amount is null)::int as without_amount,
  count(*) filter (where g.no_rate)::int as without_rate,
  coalesce(array_agg(distinct btrim(g.currency) order by btrim(g.currency)) filter (where g.no_rate), '{}') as currencies`;

/** The figures of aggregate `x` (null when absent) as columns prefixed `p`. */
function figureColumns(x: string, p: string): string {
  return `coalesce(${x}.deals, 0) as ${p}_deals, coalesce(${x}.value, 0)::text as ${p}_value,
    coalesce(${x}.without_amount, 0) as ${p}_without_amount, coalesce(${x}.without_rate, 0) as ${p}_without_rate,
    coalesce(${x}.currencies, '{}') as ${p}_currencies`;
}

function growthColumn(current: string, previous: string): string {
  return `case when coalesce(${previous}.value, 0) > 0
    then round((coalesce(${current}.value, 0) - ${previous}.value) * 100 / ${previous}.value, 2)::float8 end as growth`;
}

export interface ExportValueStatement {
  agencyId: string;
  groupBy: ExportValueDimension[];
  from: string;
  to: string;
  /** The previous window, when comparing; `shiftYears` dates its deals into the current periods. */
  previous: { from: string; to: string; shiftYears: number } | null;
  /** `and d.id in (…)` for the deal filter, or nothing. */
  filter: Sql;
  /** Only the won deals their exporters confirmed, at the confirmed value and day (confirmation-figures.ts). */
  confirmedOnly: boolean;
  /** Most rows answered: beyond, the statement answers the total row only, with `row_count`. */
  maxRows: number;
}

/** A row of the result: `k0…kn` (keys as text), `lk0…lkn` (names), figures `cur_*`, `prev_*`, growth. */
export type ExportValueSqlRow = Record<string, unknown> & {
  is_total: boolean;
  /** On the total row: the rows the report has (key combinations × periods), built or not. */
  row_count: number | null;
  base: string;
  growth: number | null;
};

/**
 * The one statement of exportValue: the won deals of both windows valued at their close day's
 * rate (dv), keyed by the dimensions (g), aggregated per window and key (agg) and per window
 * (tot); then the rows (every combination of non-calendar keys with a deal, crossed with every
 * calendar period of the range) and, last, the total, with growth and the number of rows. Over
 * `maxRows` rows, the rows are not built. Binds the agency on every table.
 */
export function exportValueSql(args: ExportValueStatement): Sql {
  const { agencyId, previous } = args;
  const keys = args.groupBy.map((dimension, i) => ({ dimension, column: `k${i}`, label: LABELS[dimension] }));
  const calendarKeys = keys.filter((key) => isCalendar(key.dimension));
  const otherKeys = keys.filter((key) => !isCalendar(key.dimension));
  const list = (items: string[]) => trusted(items.map((item) => `, ${item}`).join(''));

  // The rows' keys: the combinations of non-calendar values with a deal in either window (co),
  // crossed with every calendar period of the range (sk), so that empty periods show.
  const keySources: { name: string; sql: string }[] = [];
  if (otherKeys.length > 0) {
    keySources.push({
      name: 'co',
      sql: `select distinct ${otherKeys.map((key) => `g.${key.column}`).join(', ')} from g`,
    });
  }
  if (calendarKeys.length > 0) {
    keySources.push({
      name: 'sk',
      sql: `select distinct ${calendarKeys.map((key) => `${keySql(key.dimension, 'm')} as ${key.column}`).join(', ')}
      from (select generate_series(date_trunc('month', w.lo::timestamp), w.hi::timestamp, interval '1 month')::date as day
            from w where w.win = 'current') m`,
    });
  }
  if (keySources.length === 0) keySources.push({ name: 'one', sql: 'select 1' });
  // How many rows the report would have: counted before the cross join, which runs only within the limit.
  const sizeSql = keySources.map((source) => `(select count(*) from ${source.name})`).join(' * ');

  const labelJoins = keys
    .filter((key) => key.label)
    .map(
      (key) => sql`
      left join ${trusted(`${key.label!.table} l${key.column} on l${key.column}.id = k.${key.column}`)}
        and ${trusted(`l${key.column}`)}.agency_id = ${agencyId}`,
    );
  const keyColumns = keys.map(
    (key) =>
      `k.${key.column}::text as ${key.column}, ${key.label ? `l${key.column}.${key.label.column}` : 'null::text'} as l${key.column}`,
  );
  const nullKeyColumns = keys.map((key) => `null::text as ${key.column}, null::text as l${key.column}`);
  const order = keys.flatMap((key) =>
    key.label ? [`l${key.column} nulls last`, `${key.column} nulls last`] : [`${key.column} nulls last`],
  );
  const figureSql = trusted(`${figureColumns('c', 'cur')}, ${figureColumns('p', 'prev')}, ${growthColumn('c', 'p')}`);

  return sql`with ${agencyCte(agencyId)},
      w as (
        select 'current'::text as win, ${args.from}::date as lo, ${args.to}::date as hi, 0 as shift
        ${previous ? sql`union all select 'previous', ${previous.from}::date, ${previous.to}::date, ${previous.shiftYears}` : EMPTY}
      ),
      /* the won deals closed in each window, valued at the rate of their close day; a deal of the
         previous window of a calendar grouping is dated one year later, into the period it compares with */
      dv as (
        select w.win, d.amount, d.currency, d.destination_country, d.sector_id, d.source_mission_id, d.exporter_id,
          d.owner_id, (d.closed_on + make_interval(years => w.shift))::date as day, ${DEAL_VALUE}
        from ${dealSource(agencyId, args.confirmedOnly)} d
        join pipeline_stage s on s.id = d.stage_id and s.agency_id = ${agencyId} and s.category = 'WON'
        join w on d.closed_on between w.lo and w.hi
        cross join a
        ${DEAL_RATE}
        where d.agency_id = ${agencyId}${args.filter}
      ),
      g as (select dv.*${list(keys.map((key) => `${keySql(key.dimension, 'dv')} as ${key.column}`))} from dv),
      agg as (
        select g.win${list(keys.map((key) => `g.${key.column}`))}, ${trusted(FIGURES)}
        from g group by g.win${list(keys.map((key) => `g.${key.column}`))}
      ),
      tot as (select g.win, ${trusted(FIGURES)} from g group by g.win),
      ${trusted(keySources.map((source) => `${source.name} as (${source.sql}),`).join('\n      '))}
      size as (select (${trusted(sizeSql)})::float8 as n),
      keys as (
        select * from ${trusted(keySources.map((source) => source.name).join(' cross join '))}
        where (select n from size) <= ${args.maxRows}
      )
      select false as is_total, null::float8 as row_count, a.base_currency as base${list(keyColumns)}, ${figureSql}
      from keys k
      cross join a
      left join agg c on c.win = 'current'${trusted(sameKey('c', keys))}
      left join agg p on p.win = 'previous'${trusted(sameKey('p', keys))}
      ${joinSql(labelJoins, '')}
      union all
      select true, (select n from size), a.base_currency${list(nullKeyColumns)}, ${figureSql}
      from a
      left join tot c on c.win = 'current'
      left join tot p on p.win = 'previous'
      order by is_total${list(order)}`;
}

/**
 * `x` has the key of row `k`, none (null) matching none. Written as an equality of texts, with ''
 * for none (no id, date or country code is empty), so that PostgreSQL can hash-join the keys
 * with the figures: `is not distinct from` would compare every row with every group.
 */
function sameKey(x: string, keys: { column: string }[]): string {
  return keys
    .map((key) => ` and coalesce(${x}.${key.column}::text, '') = coalesce(k.${key.column}::text, '')`)
    .join('');
}
