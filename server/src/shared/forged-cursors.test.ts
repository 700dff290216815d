import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../test/test-server.js';

let server: TestServer;
let admin: string;

beforeAll(async () => {
  server = await startTestServer();
  admin = await server.login('admin@mosprom.demo');
});
afterAll(() => server?.close());

/** A cursor as the server makes them (base64url of a JSON array), with values it never makes. */
const forged = (values: unknown[]) => Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');
const ID = '00000000-0000-1000-8000-000000000000';

describe('a forged cursor holding text the database cannot read, or a key of the wrong type', () => {
  it.each([
    ['users', '{ users(after: $after) { totalCount } }', [`\u0000`, ID]],
    ['companies', '{ companies(after: $after) { totalCount } }', ['a\ud800', ID]],
    ['search', '{ search(query: "fish", after: $after) { totalCount } }', [1, '\u0000', ID]],
    ['importBatches (a text for a date key)', '{ importBatches(after: $after) { totalCount } }', ['', ID]],
    ['pipelines (a number for a name key)', '{ pipelines(after: $after) { totalCount } }', [0, ID]],
    [
      'a company’s missions (a number for a date key)',
      `{ companies(first: 1) { nodes { missions(after: $after) { totalCount } } } }`,
      [0, ID],
    ],
  ])('in %s is refused as a bad cursor (BAD_USER_INPUT), not an internal error', async (_, selection, values) => {
    const response = await server.gql(
      `query($after: String) ${selection}`,
      { after: forged(values) },
      { cookie: admin },
    );
    expect(response.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/cursor is not valid/),
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });
});
