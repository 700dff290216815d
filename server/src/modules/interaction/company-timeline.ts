import { Cursor, type FilterQuery } from '@mikro-orm/core';
import DataLoader from 'dataloader';
import type { Context } from '../../graphql/context.js';
import type { ConnectionShape } from '../../shared/connection.js';
import { decodeKeyCursor, groupByParent, nestedPageSize, toPages } from '../../shared/nested-connection.js';
import { perRequest } from '../../shared/per-request.js';
import { Interaction } from './interaction.entity.js';

/** A company's timeline: newest first, ties broken by id. */
const ORDER = { occurredAt: 'desc', id: 'desc' } as const;

const isInstant = (value: unknown) => typeof value === 'string' && !Number.isNaN(Date.parse(value));

const marks = (values: readonly unknown[]) => values.map(() => '?').join(', ');

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
  const first = nestedPageSize(page.first);
  const after = page.after ? decodeKeyCursor(page.after, isInstant) : null;
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
  return qb.toQuery();
}

const PARTIES = 'cross join lateral (values (m.exporter_id), (m.counterpart_id)) as p(company_id)';

async function loadTimelines(
  ctx: Context,
  companyIds: readonly string[],
  first: number,
  after: [unknown, string] | null,
  where: FilterQuery<Interaction>,
): Promise<ConnectionShape<Interaction>[]> {
  const em = ctx.em;
  const { sql, params } = await involving(ctx, companyIds, where);
  const rows = await em.getConnection().execute<Record<string, unknown>[]>(
    `select * from (
       select m.*, p.company_id as __company,
              row_number() over (partition by p.company_id order by m.occurred_at desc, m.id desc) as __rn
         from (${sql}) as m ${PARTIES}
        where p.company_id in (${marks(companyIds)})${after ? ' and (m.occurred_at, m.id) < (?, ?)' : ''}
     ) as page
     where page.__rn <= ?
     order by page.__company, page.__rn`,
    [...(params as unknown[]), ...companyIds, ...(after ?? []), first + 1],
  );

  const byCompany = groupByParent(em, Interaction, rows, (row) => row.__company as string);
  const counts = perRequest(
    ctx,
    `companyTimelineCount:${JSON.stringify(where)}`,
    () => new DataLoader<string, number>((ids) => countTimelines(ctx, ids, where)),
  );
  const meta = em.getMetadata().get(Interaction);
  return toPages(
    companyIds,
    (companyId) => companyId,
    byCompany,
    { first, after },
    (node) => Cursor.for(meta, node as never, ORDER as never),
    (companyId) => counts.load(companyId),
  );
}

async function countTimelines(
  ctx: Context,
  companyIds: readonly string[],
  where: FilterQuery<Interaction>,
): Promise<number[]> {
  const { sql, params } = await involving(ctx, companyIds, where);
  const rows = await ctx.em.getConnection().execute<{ company_id: string; n: string }[]>(
    `select p.company_id, count(*) as n
       from (${sql}) as m ${PARTIES}
      where p.company_id in (${marks(companyIds)})
      group by p.company_id`,
    [...(params as unknown[]), ...companyIds],
  );
  const counts = new Map(rows.map((row) => [row.company_id, Number(row.n)]));
  return companyIds.map((id) => counts.get(id) ?? 0);
}
