import DataLoader from 'dataloader';
import type { Context } from '../graphql/context.js';
import { currentRequest } from '../log/request-scope.js';
import { perRequest } from '../shared/per-request.js';
import { agencyQuery, joinSql, type Sql, sql, trusted } from '../shared/sql.js';

type Row = Record<string, unknown>;

/**
 * The compiled statements recur with other values (ids, pages, agencies): prepared
 * (shared/prepared.ts); they answer queries only, so they read a replica when there is one
 * (db/read-replicas.ts: the user who just wrote reads the primary).
 */
const PREPARED = { prepared: true, connection: 'replica' } as const;

/**
 * The compiled statements of one request's root fields (a company page asks `company` and two
 * `deals` lists), run as ONE statement: every root field resolver starts in the same tick, each
 * hands its statement here, and one `select` answers them all, each statement's rows as a JSON
 * array (in the order of its `__rn` column when it has one). A statement is a round trip to
 * PostgreSQL that costs the server about half a millisecond of CPU on top of its own work
 * (issue 14's profiles): three became one. Should the combined statement fail, each runs alone,
 * so that each field gets its own answer or its own error.
 */
export function runCompiled(ctx: Context, statement: Sql, ordered: boolean): Promise<Row[]> {
  const loader = perRequest(
    ctx,
    'read-model:statements',
    () =>
      new DataLoader<{ statement: Sql; ordered: boolean }, Row[]>((batch) => runBatch(ctx, batch), {
        cache: false,
      }),
  );
  return loader.load({ statement, ordered });
}

/**
 * A statement's rows, from the request's answer cache when it has one (read-model/answer-cache.ts):
 * queries only, with the version the request's session look-up read.
 */
function read(ctx: Context, statement: Sql): Promise<Row[]> {
  const version = ctx.viewer?.dataVersion;
  const run = () => agencyQuery<Row>(ctx.em, statement, PREPARED);
  if (!ctx.answers || !version || currentRequest()?.graphql?.operationType !== 'query') return run();
  return ctx.answers.answer(version, statement, run);
}

async function runBatch(
  ctx: Context,
  batch: readonly { statement: Sql; ordered: boolean }[],
): Promise<(Row[] | Error)[]> {
  if (batch.length === 1) return [await read(ctx, batch[0].statement)];
  const columns = batch.map(
    ({ statement, ordered }, index) =>
      sql`(select coalesce(json_agg(q${trusted(ordered ? ' order by q.__rn' : '')}), '[]') from (${statement}) as q) as ${trusted(`r${index}`)}`,
  );
  try {
    const [row] = (await read(ctx, sql`select ${joinSql(columns, ', ')}`)) as Record<string, Row[]>[];
    return batch.map((_, index) => row[`r${index}`]);
  } catch {
    return Promise.all(
      batch.map(({ statement }) =>
        agencyQuery<Row>(ctx.em, statement, { connection: 'replica' }).catch((error: Error) => error),
      ),
    );
  }
}
