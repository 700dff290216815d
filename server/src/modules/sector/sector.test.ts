import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../../test/sign-in.js';
import { startTestServer, type TestServer } from '../../test/test-server.js';

let server: TestServer;
let admin: string;
let manager: string;

beforeAll(async () => {
  server = await startTestServer();
  ({ admin, manager } = await signIn(server, 'admin', 'manager'));
});
afterAll(() => server?.close());

const SECTORS = `query($first: Int, $after: String, $last: Int, $before: String) {
  sectors(first: $first, after: $after, last: $last, before: $before, orderBy: { field: CODE, direction: ASC }) {
    totalCount
    nodes { code name en: name(locale: en) ru: name(locale: ru) }
    edges { cursor }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`;

describe('sectors', () => {
  it('pages forwards and backwards with cursors, and counts all', async () => {
    const all = await server.gql(SECTORS, { first: 100 }, { cookie: manager });
    const codes: string[] = all.data?.sectors.nodes.map((n: { code: string }) => n.code);
    expect(codes.length).toBe(all.data?.sectors.totalCount);
    expect([...codes].sort()).toEqual(codes);
    const page1 = await server.gql(SECTORS, { first: 3 }, { cookie: manager });
    expect(page1.data?.sectors.nodes.map((n: { code: string }) => n.code)).toEqual(codes.slice(0, 3));
    expect(page1.data?.sectors.pageInfo.hasNextPage).toBe(true);
    const page2 = await server.gql(
      SECTORS,
      { first: 3, after: page1.data?.sectors.pageInfo.endCursor },
      { cookie: manager },
    );
    expect(page2.data?.sectors.nodes.map((n: { code: string }) => n.code)).toEqual(codes.slice(3, 6));
    expect(page2.data?.sectors.pageInfo.hasPreviousPage).toBe(true);
    const back = await server.gql(
      SECTORS,
      { last: 3, before: page2.data?.sectors.pageInfo.startCursor },
      { cookie: manager },
    );
    expect(back.data?.sectors.nodes.map((n: { code: string }) => n.code)).toEqual(codes.slice(0, 3));
  });

  it('refuses a page bigger than 100 and a forged cursor', async () => {
    const big = await server.gql(SECTORS, { first: 101 }, { cookie: manager });
    expect(big.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const forged = await server.gql(SECTORS, { first: 2, after: 'not-a-cursor' }, { cookie: manager });
    expect(forged.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('admins create sectors (audited); a duplicate code is refused and writes nothing', async () => {
    const CREATE = `mutation($input: CreateSectorInput!) { createSector(input: $input) { sector { id code name } userErrors { field code message } } }`;
    const input = { code: 'plastics', names: { fr: 'Plasturgie', en: 'Plastics', ru: 'Пластмассы' } };
    const created = await server.gql(CREATE, { input }, { cookie: admin });
    expect(created.data?.createSector.userErrors).toEqual([]);
    expect(created.data?.createSector.sector).toMatchObject({ code: 'plastics', name: 'Plasturgie' });
    const again = await server.gql(CREATE, { input }, { cookie: admin });
    expect(again.data?.createSector.userErrors[0]).toMatchObject({ code: 'DUPLICATE', field: ['input', 'code'] });
    const invalid = await server.gql(
      CREATE,
      { input: { code: 'Bad Code', names: { fr: '', en: 'x', ru: 'x' } } },
      { cookie: admin },
    );
    expect(invalid.data?.createSector.userErrors.map((e: { field: string[] }) => e.field.join('.'))).toEqual(
      expect.arrayContaining(['input.code', 'input.names.fr']),
    );
    const forbidden = await server.gql(CREATE, { input: { ...input, code: 'other' } }, { cookie: manager });
    expect(forbidden.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const audit = await server.db.orm.em
      .getConnection()
      .execute<{ action: string; n: string }[]>(`select action, count(*) as n from audit_event group by action`);
    expect(audit).toEqual([{ action: 'createSector', n: '1' }]);
  });
});
