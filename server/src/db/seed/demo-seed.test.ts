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

  it('is written in each agency’s language: Russian for Mosprom and REC, French for ASMEX', async () => {
    const rows = await server.sql<{ agency: string; pipeline: string; stages: string; missions: string }>(
      `select a.short_name as agency, p.name as pipeline,
              (select string_agg(s.name, ', ' order by s.position) from pipeline_stage s where s.pipeline_id = p.id) as stages,
              (select string_agg(m.description, ' ' order by m.name) from mission m where m.agency_id = a.id) as missions
         from agency a join pipeline p on p.agency_id = a.id and p.is_default
        order by a.short_name`,
    );
    expect(rows.map(({ agency, pipeline, stages }) => [agency, pipeline, stages])).toEqual([
      [
        'ASMEX',
        'Pipeline export',
        'Prospect, Qualifié, Rendez-vous tenu, Négociation, Fournisseur présélectionné, Contrat signé, Perdu',
      ],
      [
        'Mosprom',
        'Экспортная воронка',
        'Новый лид, Квалифицирован, Встреча проведена, Переговоры, В шорт-листе поставщиков, Контракт подписан, Отказ',
      ],
      [
        'REC',
        'Экспортная воронка',
        'Новый лид, Квалифицирован, Встреча проведена, Переговоры, В шорт-листе поставщиков, Контракт подписан, Отказ',
      ],
    ]);
    const byAgency = Object.fromEntries(rows.map((row) => [row.agency, row.missions]));
    expect(byAgency.Mosprom).toContain('Fish World провела более 10 адресных встреч');
    expect(byAgency.REC).toContain('Российско-марокканской межправительственной комиссии');
    expect(byAgency.ASMEX).toContain('350 opérateurs économiques, dont 120 entreprises marocaines.');
    for (const text of Object.values(byAgency)) expect(text).not.toMatch(/Facts from|economic operators|Delegation of/);
  });
});
