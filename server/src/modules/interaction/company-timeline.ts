import type { FilterQuery } from '@mikro-orm/core';
import DataLoader from 'dataloader';
import type { Context } from '../../graphql/context.js';
import { type ConnectionShape, checkPageSize } from '../../shared/connection.js';
import { cursorFor, decodeCursor, isId, isInstant } from '../../shared/cursor.js';
import { groupByParent, toPages } from '../../shared/nested-connection.js';
import { perRequest } from '../../shared/per-request.js';
import { agencyQuery, built, EMPTY, list, sql, trusted } from '../../shared/sql.js';
import { Interaction } from './interaction.entity.js';

/** A company's timeline: newest first, ties broken by id. */
const ORDER = { occurredAt: 'desc', id: 'desc' } as const;

/**
 * The interactions of the company as one list, whether it was the exporter or the counterpart.
 * One statement for all the companies of a request: each interaction is expanded to its two
 * parties (`cross join lateral (values (exporter_id), (counterpart_id))`), then numbered per
 * company with `row_number()` and cut to the page; the count is one grouped statement, only
 * when totalCount is asked for. Batched per request by a DataLoader, like shared/nested-connection.
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

/** The filtered interactions of any of the companies, as SQL, agency filter included. */
async function involving(ctx: Context, companyIds: readonly string[], where: FilterQuery<Interaction>) {
  const qb = ctx.em.createQueryBuilder(Interaction, 't');
  const either = { $or: [{ exporter: { $in: [...companyIds] } }, { counterpart: { $in: [...companyIds] } }] };
  qb.select('t.*').where((Object.keys(where).length > 0 ? { $and: [where, either] } : either) as never);
  await qb.applyFilters();
  return built(qb.toQuery());
}

const PARTIES = trusted('cross join lateral (values (m.exporter_id), (m.counterpart_id)) as p(company_id)');

async function loadTimelines(
  ctx: Context,
  companyIds: readonly string[],
  first: number,
  after: [unknown, string] | null,
  where: FilterQuery<Interaction>,
): Promise<ConnectionShape<Interaction>[]> {
  const em = ctx.em;
  const involved = await involving(ctx, companyIds, where);
  const keyset = after ? sql` and (m.occurred_at, m.id) < (${after[0]}, ${after[1]})` : EMPTY;
  const rows = await agencyQuery<Record<string, unknown>>(
    em,
    sql`select * from (
       select m.*, p.company_id as __company,
              row_number() over (partition by p.company_id order by m.occurred_at desc, m.id desc) as __rn
         from (${involved}) as m ${PARTIES}
        where p.company_id in (${list(companyIds)})${keyset}
     ) as page
     where page.__rn <= ${first + 1}
     order by page.__company, page.__rn`,
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
