import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { astFromValue, type GraphQLField, type GraphQLSchema, isNonNullType, print } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../server/src/test/test-server.js';
import { idPool, rowCounter, send, soundnessProblem, wasRefused } from './fuzz/harness.js';
import { type IdPool, valueFor } from './fuzz/values.js';
import { deepSelection, liveSchema } from './schema-walk.js';

/**
 * Bad input, generated: every mutation and every root query with arguments gets values of the
 * right type but nasty (NUL, lone surrogates, 1 MB strings, year 275760, 40-digit decimals,
 * other agencies' ids, forged cursors, huge lists) and of wrong types, as an admin, as an account
 * manager and anonymously. Whatever comes in: no 500, no INTERNAL_SERVER_ERROR, JSON, and a
 * refused mutation writes nothing (every table's row count, the audit log's included, unchanged).
 *
 * Replay a failure with FUZZ_SEED=<the seed printed at the start>; FUZZ_RUNS sets the runs per
 * field and role.
 */
const seed = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
const RUNS = Number(process.env.FUZZ_RUNS ?? (process.env.CI === 'true' ? 20 : 25));
/** No more cases than this in one run, whatever the number of fields. */
const MAX_CASES = Number(process.env.FUZZ_MAX_CASES ?? 6_000);
console.log('fuzz seed', seed);

/** Throttled (5 failures per account): a few cases, anonymous, after every sign-in of this file. */
const FEW_RUNS: Record<string, number> = { login: 8, acceptInvitation: 8 };

let server: TestServer;
let schema: GraphQLSchema;
let countRows: () => Promise<Record<string, number>>;
const viewers: Record<string, { cookie?: string; pool: IdPool }> = {};
let cases = 0;
/** How the cases were answered (first error code, userErrors, data), printed at the end. */
const outcomes: Record<string, number> = {};
const slowest: Record<string, number> = {};

beforeAll(async () => {
  server = await startTestServer();
  const admin = await server.login('admin@mosprom.demo');
  const manager = await server.login('manager@mosprom.demo');
  schema = await liveSchema(server, admin);
  countRows = await rowCounter(server);
  const pool = await idPool(server, 'Mosprom', 'REC');
  viewers.ADMIN = { cookie: admin, pool };
  viewers.ACCOUNT_MANAGER = { cookie: manager, pool };
  viewers.ANONYMOUS = { pool };
}, 120_000);

afterAll(async () => {
  console.log('fuzz cases', cases, outcomes);
  console.log(
    'fuzz ms per field',
    Object.entries(slowest)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 12),
  );
  await server?.close();
});

/** A seed per field and role derived from the run's seed: one FUZZ_SEED replays every property. */
function seedFor(name: string): number {
  return createHash('sha256').update(`${seed}:${name}`).digest().readInt32LE(0);
}

function operation(kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>): string {
  const declarations = field.args.map((arg) => `$${arg.name}: ${String(arg.type)}`).join(', ');
  const passing = field.args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
  return `${kind} Fuzz(${declarations}) { ${field.name}(${passing}) ${deepSelection(field.type, 2)} }`;
}

/**
 * The same call with the arguments written as literals in the query (scalars' parseLiteral, not
 * parseValue); undefined when a value has no literal of its type (a wrong type: variables only).
 */
function inlineOperation(
  kind: 'query' | 'mutation',
  field: GraphQLField<unknown, unknown>,
  variables: Record<string, unknown>,
): string | undefined {
  const plain = JSON.parse(JSON.stringify(variables)) as Record<string, unknown>;
  const passing: string[] = [];
  for (const arg of field.args) {
    if (!(arg.name in plain)) continue;
    let literal: ReturnType<typeof astFromValue> = null;
    try {
      literal = astFromValue(plain[arg.name], arg.type);
    } catch {
      return undefined;
    }
    if (!literal) return undefined;
    passing.push(`${arg.name}: ${print(literal)}`);
  }
  const call = passing.length > 0 ? `${field.name}(${passing.join(', ')})` : field.name;
  return `${kind} FuzzInline { ${call} ${deepSelection(field.type, 2)} }`;
}

/** Variables for the field's arguments: 3 cases in 10 anything goes, the others typed right. */
function variablesFor(field: GraphQLField<unknown, unknown>, pool: IdPool): fc.Arbitrary<Record<string, unknown>> {
  const required = field.args.filter((arg) => isNonNullType(arg.type)).map((arg) => arg.name);
  const variables = (chaos: boolean) =>
    fc.record(Object.fromEntries(field.args.map((arg) => [arg.name, valueFor(arg.type, arg.name, pool, chaos)])), {
      requiredKeys: required,
    });
  return fc.oneof({ arbitrary: variables(false), weight: 7 }, { arbitrary: variables(true), weight: 3 });
}

async function fuzz(kind: 'query' | 'mutation', name: string, role: string): Promise<void> {
  const type = kind === 'query' ? schema.getQueryType() : schema.getMutationType();
  const field = type?.getFields()[name];
  if (!field) throw new Error(`${kind} ${name} is not in the schema`);
  const viewer = viewers[role];
  const query = operation(kind, field);
  if (process.env.FUZZ_VERBOSE) console.log('fuzzing', kind, name, 'as', role);
  const runs = FEW_RUNS[name] ?? (role === 'ANONYMOUS' ? Math.ceil(RUNS / 4) : RUNS);
  const numRuns = Math.max(0, Math.min(runs, MAX_CASES - cases));
  await fc.assert(
    fc.asyncProperty(variablesFor(field, viewer.pool), fc.nat(3), async (variables, inlineDie) => {
      cases++;
      const before = kind === 'mutation' ? await countRows() : undefined;
      const started = performance.now();
      // One case in four writes its arguments in the query, when they have literals.
      const inline = inlineDie === 0 ? inlineOperation(kind, field, variables) : undefined;
      const response = inline
        ? await send(server.url, inline, {}, viewer.cookie)
        : await send(server.url, query, variables, viewer.cookie);
      slowest[name] = (slowest[name] ?? 0) + performance.now() - started;
      const outcome =
        response.body?.errors?.[0]?.extensions?.code ??
        (wasRefused(response, name) && kind === 'mutation' ? 'userErrors' : 'data');
      outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
      const problem = soundnessProblem(response);
      if (problem) throw new Error(problem);
      // A refused sign-in is recorded in the audit log on purpose.
      if (before && name !== 'login' && wasRefused(response, name)) expect(await countRows()).toEqual(before);
    }),
    { seed: seedFor(`${name}:${role}`), numRuns, includeErrorInReport: true },
  );
}

/** Root fields of that kind that take arguments, from the introspected schema. */
function rootFields(kind: 'query' | 'mutation'): string[] {
  const type = kind === 'query' ? schema.getQueryType() : schema.getMutationType();
  return Object.values(type?.getFields() ?? {})
    .filter((field) => field.args.length > 0)
    .map((field) => field.name);
}

/** Runs every field's property, then fails with all the fields that failed (each with its counterexample). */
async function fuzzAll(kind: 'query' | 'mutation', names: string[], role: string): Promise<void> {
  const failures: string[] = [];
  for (const name of names) {
    try {
      await fuzz(kind, name, role);
    } catch (error) {
      failures.push(`${kind} ${name} as ${role}: ${String((error as Error).message).slice(0, 3_000)}`);
    }
  }
  expect(failures.join('\n\n')).toBe('');
}

describe('fuzzing every root field with arguments', () => {
  it('has a row counter that sees a write (the oracle of "nothing written")', async () => {
    const before = await countRows();
    const response = await send(
      server.url,
      'mutation($input: CreateSectorInput!) { createSector(input: $input) { userErrors { code } } }',
      { input: { code: 'fuzz-oracle', names: { en: 'Fuzz', fr: 'Fuzz', ru: 'Фазз' } } },
      viewers.ADMIN.cookie,
    );
    expect(wasRefused(response, 'createSector')).toBe(false);
    const after = await countRows();
    expect(after.sector).toBe(before.sector + 1);
    expect(after.audit_event).toBe(before.audit_event + 1);
  });

  for (const role of ['ADMIN', 'ACCOUNT_MANAGER', 'ANONYMOUS']) {
    it(`queries as ${role}`, async () => {
      await fuzzAll('query', rootFields('query'), role);
    }, 600_000);
    it(`mutations as ${role}`, async () => {
      const names = rootFields('mutation').filter((name) => FEW_RUNS[name] === undefined);
      expect(names.length).toBeGreaterThan(20);
      await fuzzAll('mutation', names, role);
    }, 600_000);
  }

  it('signs in and accepts invitations anonymously (few cases: throttled)', async () => {
    await fuzzAll('mutation', Object.keys(FEW_RUNS), 'ANONYMOUS');
  }, 120_000);
});
