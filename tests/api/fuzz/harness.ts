import type { TestServer } from '../../../server/src/test/test-server.js';
import type { IdPool } from './values.js';

/** Longer than any statement timeout of the server: past it, the request hangs. */
const HANG_MS = 45_000;

export interface RawResponse {
  status: number;
  text: string;
  /** The parsed body; undefined when the body is not JSON. */
  body?: { data?: Record<string, unknown> | null; errors?: { extensions?: { code?: string } }[] };
}

/** A GraphQL request as a client sends it, with the body kept as text to check it is JSON. */
export async function send(
  url: string,
  query: string,
  variables: Record<string, unknown>,
  cookie?: string,
): Promise<RawResponse> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
      ...(cookie ? { cookie } : {}),
    },
    body: JSON.stringify({ query, variables }),
    // A hang is a finding too: no request may hold a connection this long.
    signal: AbortSignal.timeout(HANG_MS),
  }).catch((error: unknown) => {
    throw new Error(`no answer: ${String(error)}`);
  });
  const text = await response.text();
  let body: RawResponse['body'];
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: response.status, text, body };
}

/** Every extensions.code anywhere in the response, nested ones included. */
function codesIn(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) for (const item of value) codesIn(item, found);
  else if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      if (key === 'code' && typeof inner === 'string') found.push(inner);
      else codesIn(inner, found);
    }
  }
  return found;
}

/** What every answer must be, whatever was sent: JSON, no 500, nothing masked as an internal error. */
export function soundnessProblem(response: RawResponse): string | undefined {
  if (response.status >= 500) return `HTTP ${response.status}: ${response.text.slice(0, 500)}`;
  if (!response.body) return `not JSON (HTTP ${response.status}): ${response.text.slice(0, 500)}`;
  if (codesIn(response.body).includes('INTERNAL_SERVER_ERROR')) {
    return `INTERNAL_SERVER_ERROR: ${response.text.slice(0, 500)}`;
  }
  return undefined;
}

/** True when the mutation was refused: errors at the top, or userErrors in its payload. */
export function wasRefused(response: RawResponse, field: string): boolean {
  if (!response.body || (response.body.errors?.length ?? 0) > 0) return true;
  const payload = response.body.data?.[field] as { userErrors?: unknown[] } | null | undefined;
  return !payload || (payload.userErrors?.length ?? 0) > 0;
}

/** One statement counting the rows of every table: compared before and after a refused mutation. */
export async function rowCounter(server: TestServer): Promise<() => Promise<Record<string, number>>> {
  const tables = await server.sql<{ table_name: string }>(
    `select table_name from information_schema.tables
     where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`,
  );
  const query = `select ${tables.map(({ table_name: t }) => `(select count(*) from "${t}")::int as "${t}"`).join(', ')}`;
  return async () => (await server.sql<Record<string, number>>(query))[0];
}

/** Real ids of an agency's rows, from every table with an agency_id (a few per table). */
async function idsOf(server: TestServer, agency: string, skip: RegExp): Promise<string[]> {
  const tables = await server.sql<{ table_name: string }>(
    `select c.table_name from information_schema.columns c
     join information_schema.columns i on i.table_name = c.table_name and i.table_schema = c.table_schema and i.column_name = 'id'
     where c.column_name = 'agency_id' and c.table_schema = current_schema() order by c.table_name`,
  );
  const ids: string[] = [];
  for (const { table_name: table } of tables) {
    if (skip.test(table)) continue;
    const rows = await server.sql<{ id: string }>(
      `select t.id::text as id from "${table}" t join agency a on a.id = t.agency_id where a.short_name = ? order by t.id limit 4`,
      [agency],
    );
    ids.push(...rows.map((row) => row.id));
  }
  return ids;
}

/**
 * Ids the fuzzer sends: the viewer's agency's (not its users, sessions or tokens: a generated
 * mutation must not sign the fuzzing viewers out) and another agency's, all of them.
 */
export async function idPool(server: TestServer, own: string, foreign: string): Promise<IdPool> {
  return {
    own: await idsOf(server, own, /user|session|token|link/),
    foreign: await idsOf(server, foreign, /^$/),
  };
}
