import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../test/test-server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

describe('the demo data', () => {
  it('follows the agenda rule: no two held or planned meetings of one party overlap', async () => {
    const clashes = await server.sql<{ a: string; b: string }>(
      `select a.subject as a, b.subject as b
         from interaction a
         join interaction b on b.agency_id = a.agency_id and b.id > a.id
          and b.kind = 'MEETING' and b.status in ('PLANNED', 'HELD')
          and b.starts_at < a.ends_at and b.ends_at > a.starts_at
          and (b.exporter_id in (a.exporter_id, a.counterpart_id) or b.counterpart_id in (a.exporter_id, a.counterpart_id))
        where a.kind = 'MEETING' and a.status in ('PLANNED', 'HELD')`,
    );
    expect(clashes).toEqual([]);
    const [{ n }] = await server.sql<{ n: string }>(`select count(*) as n from interaction where kind = 'MEETING'`);
    expect(Number(n)).toBeGreaterThan(20);
  });
});
