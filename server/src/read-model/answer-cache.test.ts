import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../shared/sql.js';
import { signIn } from '../test/sign-in.js';
import { startTestServer, type TestServer } from '../test/test-server.js';
import { AnswerCache } from './answer-cache.js';

/**
 * Page answers kept while the embedded database does not change (answer-cache.ts): a repeated page
 * costs no statement, and any change is seen by the next request. On PostgreSQL nothing is kept.
 */
let server: TestServer;
let manager: string;
let asmex: string;

type Companies = { companies: { totalCount: number; nodes: { name: string }[] } };
const COMPANIES = `query Companies { companies(first: 100, orderBy: { field: NAME, direction: ASC }) {
  totalCount nodes { name } } }`;

beforeAll(async () => {
  server = await startTestServer();
  ({ manager, asmex } = await signIn(server, 'manager', 'asmex'));
}, 120_000);
afterAll(() => server?.close());

const names = async (cookie: string) => {
  const answer = await server.gql<Companies>(COMPANIES, {}, { cookie });
  expect(answer.errors).toBeUndefined();
  return answer.data?.companies.nodes.map((node) => node.name) ?? [];
};
const pageStatements = () => server.statements.filter((text) => text.includes('from "company"'));

describe('page answers kept between changes', () => {
  it('answers a repeated page without reading it again, and sees a change at once', async () => {
    const embedded = server.db.embedded;
    expect(Boolean(server.app.answers)).toBe(embedded);
    // The first reads of fresh rows set their hint bits, which PostgreSQL logs: the position moves once.
    await names(manager);
    const first = await names(manager);
    server.resetStatements();
    expect(await names(manager)).toEqual(first);
    // Embedded: the page came from what was kept (the session look-up still ran).
    expect(pageStatements()).toHaveLength(embedded ? 0 : 1);
    expect(server.statements.length).toBeGreaterThan(0);

    // A change through the API, then one behind its back: each seen by the next request.
    const created = await server.gql<{
      createCompany: { company: { id: string } | null; userErrors: { code: string }[] };
    }>(
      `mutation($input: CreateCompanyInput!) { createCompany(input: $input) { company { id } userErrors { code } } }`,
      { input: { name: 'Aaa Cache Test Distribution', kind: 'DISTRIBUTOR', country: 'MA' } },
      { cookie: manager },
    );
    expect(created.errors).toBeUndefined();
    expect(created.data?.createCompany.userErrors).toEqual([]);
    expect((await names(manager))[0]).toBe('Aaa Cache Test Distribution');
    await server.sql(`update company set name = 'Aab Renamed Distribution' where name = 'Aaa Cache Test Distribution'`);
    expect((await names(manager))[0]).toBe('Aab Renamed Distribution');

    // Another agency's viewer never gets this agency's page.
    const theirs = await names(asmex);
    expect(theirs).not.toContain('Aab Renamed Distribution');
    expect(theirs.length).toBeGreaterThan(0);
  });

  it('keeps no answer that depends on the clock, and drops older versions when the database moves', async () => {
    const cache = new AnswerCache();
    let reads = 0;
    const read = async () => {
      reads++;
      return [{ n: reads }];
    };
    const timed = sql`select now() as n where ${'a'} = ${'a'}`;
    await cache.answer('0/10', timed, read);
    await cache.answer('0/10', timed, read);
    expect(reads).toBe(2);
    const plain = sql`select 1 as n where ${'a'} = ${'a'}`;
    expect(await cache.answer('0/10', plain, read)).toEqual([{ n: 3 }]);
    // Kept: a copy each time, which the caller may change freely.
    const kept = await cache.answer('0/10', plain, read);
    expect(kept).toEqual([{ n: 3 }]);
    kept[0].n = 99;
    expect(await cache.answer('0/10', plain, read)).toEqual([{ n: 3 }]);
    // Other values, another answer; a newer version reads again; an older one keeps nothing.
    expect(await cache.answer('0/10', sql`select 1 as n where ${'b'} = ${'b'}`, read)).toEqual([{ n: 4 }]);
    expect(await cache.answer('0/2A', plain, read)).toEqual([{ n: 5 }]);
    expect(await cache.answer('0/10', plain, read)).toEqual([{ n: 6 }]);
    expect(await cache.answer('0/10', plain, read)).toEqual([{ n: 7 }]);
    expect(cache.stats).toEqual({ hits: 2, misses: 5 });
  });
});
