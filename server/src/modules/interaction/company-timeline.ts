import { Cursor, type FilterQuery } from '@mikro-orm/core';
import DataLoader from 'dataloader';
import type { Context } from '../../graphql/context.js';
import {
  badInput,
  type ConnectionShape,
  DEFAULT_PAGE_SIZE,
  MAX_PAGE_SIZE,
  toConnection,
} from '../../shared/connection.js';
import { isUuid } from '../../shared/ids.js';
import { Interaction } from './interaction.entity.js';

/** A company's timeline: newest first, ties broken by id. */
const ORDER = { occurredAt: 'desc', id: 'desc' } as const;

function perRequest<V>(ctx: Context, key: string, create: () => V): V {
  let value = ctx.loaders.get(key) as V | undefined;
  if (!value) {
    value = create();
    ctx.loaders.set(key, value);
  }
  return value;
}

function decodeAfter(after: string): [string, string] {
  let values: unknown;
  try {
    values = Cursor.decode(after);
  } catch {
    values = undefined;
  }
  if (
    !Array.isArray(values) ||
    values.length !== 2 ||
    typeof values[0] !== 'string' ||
    Number.isNaN(Date.parse(values[0])) ||
    typeof values[1] !== 'string' ||
    !isUuid(values[1])
  ) {
    throw badInput('The cursor is not valid for this list and order.', 'after');
  }
  return [values[0], values[1]];
}

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
  const first = page.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
    throw badInput(`\`first\` must be between 0 and ${MAX_PAGE_SIZE}.`, 'first');
  }
  const after = page.after ? decodeAfter(page.after) : null;
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
  after: [string, string] | null,
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

  const byCompany = new Map<string, Interaction[]>();
  for (const row of rows) {
    const companyId = row.__company as string;
    delete row.__company;
    delete row.__rn;
    const interaction = em.map(Interaction, row as never);
    if (!byCompany.has(companyId)) byCompany.set(companyId, []);
    byCompany.get(companyId)!.push(interaction);
  }
  const counts = perRequest(
    ctx,
    `companyTimelineCount:${JSON.stringify(where)}`,
    () => new DataLoader<string, number>((ids) => countTimelines(ctx, ids, where)),
  );
  const meta = em.getMetadata().get(Interaction);
  return companyIds.map((companyId) => {
    const all = byCompany.get(companyId) ?? [];
    const edges = all
      .slice(0, first)
      .map((node) => ({ node, cursor: Cursor.for(meta, node as never, ORDER as never) }));
    return toConnection({
      edges,
      pageInfo: {
        hasNextPage: all.length > first,
        hasPreviousPage: Boolean(after),
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges.at(-1)?.cursor ?? null,
      },
      count: () => counts.load(companyId),
    });
  });
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
