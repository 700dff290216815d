import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../../test/sign-in.js';
import { startTestServer, type TestServer } from '../../test/test-server.js';

let server: TestServer;
let manager: string;

const SUGGESTIONS = `query($mission: ID!, $exporter: ID!, $first: Int) {
  mission(id: $mission) { suggestedMeetings(exporterId: $exporter, first: $first) {
    counterpart { id name kind country sectors { code } } score reasons { kind points count sectors { code } } } } }`;

async function rows<T>(query: string, params: unknown[] = []): Promise<T[]> {
  return server.db.orm.em.getConnection().execute<T[]>(query, params);
}

beforeAll(async () => {
  server = await startTestServer({ production: false });
  ({ manager } = await signIn(server, 'manager'));
}, 120_000);
afterAll(() => server?.close());

describe('meeting suggestions', () => {
  it('debug', async () => {
    const [ids] = await rows<{ mission: string; exporter: string }>(
      `select (select id from mission where name = 'Mission commerciale Mosprom à Casablanca') as mission,
              (select id from company where name = 'Fish World') as exporter`,
    );
    const answer = await server.gql(SUGGESTIONS, { mission: ids.mission, exporter: ids.exporter, first: 10 }, { cookie: manager });
    console.log(JSON.stringify(answer.data, null, 1).slice(0, 6000));
    const { suggestionsSql } = await import('./suggestions.sql.js');
    const { WEIGHTS } = await import('./suggestion-weights.js');
    const [agency] = await rows<{ id: string }>(`select agency_id as id from mission where id = ?`, [ids.mission]);
    const statement = suggestionsSql({ agencyId: agency.id, missionId: ids.mission, exporterId: ids.exporter, asOf: new Date(), mode: 'live', weights: WEIGHTS, limit: 10 });
    try { await rows(statement.text, [...statement.params]); } catch (error) { console.log('SQL ERROR', String(error).slice(0, 1500)); }
    expect(answer.errors).toBeUndefined();
  });
});
