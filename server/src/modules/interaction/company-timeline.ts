import { type FilterQuery, raw } from '@mikro-orm/core';
import DataLoader from 'dataloader';
import type { Context } from '../../graphql/context.js';
import { type ConnectionShape, checkPageSize } from '../../shared/connection.js';
import { cursorFor, decodeCursor, isId, isInstant } from '../../shared/cursor.js';
import { firstRowsPerParent, groupByParent, toPages } from '../../shared/nested-connection.js';
import { perRequest } from '../../shared/per-request.js';
import { agencyQuery, built, list, sql, trusted } from '../../shared/sql.js';
import { Interaction } from './interaction.entity.js';

/** A company's timeline: newest first, ties broken by id. */
const ORDER = { occurredAt: 'desc', id: 'desc' } as const;

/**
 * The interactions of the company as one list, whether it was the exporter or the counterpart.
 * One statement for all the companies of a request (see loadTimelines); the count is one grouped
 * statement, only when totalCount is asked for: each interaction expanded to its two parties
 * (`cross join lateral (values (exporter_id), (counterpart_id))`). Batched per request by a DataLoader, like shared/nested-connection.
 */
export function companyTimeline(
  ctx: Context,
  companyId: string,
  page: { first?: number | null; after?: string | null },
  where: FilterQuery<Interaction>,
): Promise<ConnectionShape<Interaction>> {
  const first = checkPageSize(page.first);
  const after = page.after ? (decodeCursor(page.after, [isInstant, isId]) as [unknown, string]) : null;
  const key = JSON.stringify(['companyTimeline', first, page.after ?? null, where]);
  const loader = perRequest(
    ctx,
    key,
    () =>
      new DataLoader<string, ConnectionShape<Interaction>>((ids) => loadTimelines(ctx, ids, first, after, where), {
        cacheKeyFn: (id) => id,
      }),
  );
  return loader.load(companyId);
}

/**
 * The filtered interactions in which a company was `side` (exporter or counterpart), newest first,
 * the company being `__parents.k1` of firstRowsPerParent; agency filter included.
 */
async function onSide(ctx: Context, side: 'exporter' | 'counterpart', where: FilterQuery<Interaction>, limit: number) {
  const qb = ctx.em.createQueryBuilder(Interaction, 't');
  qb.select('t.*')
    .where(where as never)
    .andWhere(raw(`t.${side}_id = __parents.k1`))
    .orderBy(ORDER)
    .limit(limit);
  await qb.applyFilters();
  return built(qb.toQuery());
}

/** The filtered interactions of any of the companies, as SQL, agency filter included. */
async function involving(ctx: Context, companyIds: readonly string[], where: FilterQuery<Interaction>) {
  const qb = ctx.em.createQueryBuilder(Interaction, 't');
  const either = { $or: [{ exporter: { $in: [...companyIds] } }, { counterpart: { $in: [...companyIds] } }] };
  qb.select('t.*').where((Object.keys(where).length > 0 ? { $and: [where, either] } : either) as never);
  await qb.applyFilters();
  return built(qb.toQuery());
}

const PARTIES = trusted('cross join lateral (values (m.exporter_id), (m.counterpart_id)) as p(company_id)');

/**
 * Each company's page: its newest interactions as exporter and as counterpart (each an index
 * range scan of at most a page), merged, then cut to the page.
 */
async function loadTimelines(
  ctx: Context,
  companyIds: readonly string[],
  first: number,
  after: [unknown, string] | null,
  where: FilterQuery<Interaction>,
): Promise<ConnectionShape<Interaction>[]> {
  const em = ctx.em;
  const sideWhere = after
    ? ({
        $and: [where, { $or: [{ occurredAt: { $lt: after[0] } }, { occurredAt: after[0], id: { $lt: after[1] } }] }],
      } as FilterQuery<Interaction>)
    : where;
  const [asExporter, asCounterpart] = await Promise.all([
    onSide(ctx, 'exporter', sideWhere, first + 1),
    onSide(ctx, 'counterpart', sideWhere, first + 1),
  ]);
  const rows = await firstRowsPerParent(
    em,
    companyIds.map((id) => [id]),
    sql`select m.*, __parents.k1 as __company,
        row_number() over (order by m.occurred_at desc, m.id desc) as __rn
      from ((${asExporter}) union all (${asCounterpart})) as m
      order by m.occurred_at desc, m.id desc
      limit ${first + 1}`,
  );

  const byCompany = groupByParent(em, Interaction, rows, (row) => row.__company as string);
  const counts = perRequest(
    ctx,
    `companyTimelineCount:${JSON.stringify(where)}`,
    () => new DataLoader<string, number>((ids) => countTimelines(ctx, ids, where)),
  );
  return toPages(
    companyIds,
    (companyId) => companyId,
    byCompany,
    { first, after },
    (node) => cursorFor(em, Interaction, node, ORDER),
    (companyId) => counts.load(companyId),
  );
}

async function countTimelines(
  ctx: Context,
  companyIds: readonly string[],
  where: FilterQuery<Interaction>,
): Promise<number[]> {
  const involved = await involving(ctx, companyIds, where);
  const rows = await agencyQuery<{ company_id: string; n: string }>(
    ctx.em,
    sql`select p.company_id, count(*) as n
       from (${involved}) as m ${PARTIES}
      where p.company_id in (${list(companyIds)})
      group by p.company_id`,
  );
  const counts = new Map(rows.map((row) => [row.company_id, Number(row.n)]));
  return companyIds.map((id) => counts.get(id) ?? 0);
}
