import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import type { EntityManager } from '@mikro-orm/postgresql';
import { agencyEm } from '../db/agency-scope.js';
import {
  candidatesStatement,
  DuplicateKind,
  duplicateCandidates,
} from '../modules/merge/duplicate-candidates.service.js';
import { createBenchAgency, percentile } from './support.js';
import { openThrowawayDatabase } from './throwaway-db.js';

/**
 * `pnpm bench:duplicates`: duplicateCandidates(first: 50) for companies and contacts, first page
 * and a later one, at BENCH_DUP_COMPANIES companies (default 10,000) with 3 contacts each, in two
 * agencies of one throwaway database (embedded PGlite, or a new database on DATABASE_URL):
 * - "realistic": varied names (syllables, sector words, legal forms), one website domain per
 *   company, contacts at it or at a public mail service, and 2% injected near-duplicates (name in
 *   capitals + " LLC", accents, a dropped letter, the same website under another name, the name +
 *   " Export" abroad), their contacts sharing an e-mail (other case) and a phone;
 * - "adversarial": the main bench's names ("Agro Trading 1234": 80 word pairs, so every name is
 *   similar to ~125 others), every website on example.com, contacts from 100 names with one of
 *   three switchboard phones.
 * Prints p50/p95 (ms), SQL statements per request, pairs found, and the plan of the candidates
 * statement (EXPLAIN ANALYZE: its scans and time). Figures only: nothing passes or fails on time.
 * Environment: BENCH_DUP_COMPANIES, BENCH_RUNS (timed runs, default 10), DATABASE_URL.
 */

type Connection = ReturnType<EntityManager['getConnection']>;

const SYLLABLES = [
  'ka',
  'ro',
  'mi',
  'ta',
  've',
  'lo',
  'sa',
  'nu',
  'dri',
  'bel',
  'mar',
  'tis',
  'gor',
  'pan',
  'zel',
  'vi',
  'ko',
  'ran',
  'fe',
  'lin',
  'da',
  'mo',
  'su',
  'ber',
  'cha',
  'ni',
  'pol',
  'tra',
  'qua',
  'den',
  'bru',
  'sol',
  'gem',
  'hal',
  'ix',
  'jor',
  'kel',
  'lum',
  'nor',
  'pex',
  'rim',
  'sto',
  'tur',
  'ul',
  'vor',
  'wen',
  'yar',
  'zan',
  'cor',
  'dex',
];
const SECTORS = ['Foods', 'Trading', 'Textiles', 'Ceramics', 'Logistics', 'Agro', 'Pharma', 'Steel', 'Wood', 'Fish'];
const LEGAL = ['', '', '', ' SARL', ' SA', ' LLC', ' GmbH', ' Ltd', ' OOO', ' & Co'];
const FIRST = ['Amina', 'Youssef', 'Fatou', 'Pierre', 'Olga', 'Li', 'Hassan', 'Claire', 'Ivan', 'Sara'];
const LAST = ['Benali', 'Diop', 'Martin', 'Petrova', 'Chen', 'Alaoui', 'Traore', 'Dubois', 'Smirnov', 'Haddad'];
const COUNTRIES = ['SN', 'CI', 'FR', 'DE', 'AE', 'CN', 'TN', 'RU', 'ES', 'US'];

const arr = (values: readonly string[]) => `(array[${values.map((v) => `'${v.replaceAll("'", "''")}'`).join(',')}])`;
/** values[hash(g, salt) mod length], deterministic. */
const pick = (values: readonly string[], g: string, salt: number) =>
  `${arr(values)}[1 + (hashint4((${g})::int + ${salt}) & 65535) % ${values.length}]`;

const COMPANY_COLUMNS =
  'id, created_at, updated_at, agency_id, name, normalized_name, kind, country, website, account_manager_id';
const CONTACT_COLUMNS =
  'id, created_at, updated_at, agency_id, company_id, full_name, normalized_name, email, phone, languages';

async function realistic(conn: Connection, agency: string, n: number): Promise<void> {
  const syllable = (salt: number) => pick(SYLLABLES, 'g', salt);
  await conn.execute(
    `insert into company (${COMPANY_COLUMNS})
     select gen_random_uuid(), t, t, '${agency}', name, lower(name), 'EXPORTER', ${pick(COUNTRIES, 'g', 3)},
       case when g % 7 <> 0 then 'https://www.' || regexp_replace(lower(name), '[^a-z]', '', 'g') || g || '.com' end, null
     from (
       select g, now() - make_interval(mins => g) as t,
         initcap(${syllable(1)} || ${syllable(2)} || case when g % 3 = 0 then ${syllable(4)} else '' end)
         || case when g % 2 = 0 then ' ' || ${pick(SECTORS, 'g', 5)} else '' end
         || case when g % 5 = 0 then ' ' || initcap(${syllable(6)} || ${syllable(7)}) else '' end
         || ${pick(LEGAL, 'g', 8)} as name
       from generate_series(1, ${n}) g
     ) s
     on conflict do nothing`,
  );
  await contacts(conn, agency, `split_part(split_part(co.website, '://www.', 2), '/', 1)`);
  // 2% near-duplicates of existing companies, created after them, with a contact sharing an e-mail and a phone.
  await conn.execute(
    `with src as (
       select id, name, country, website, row_number() over (order by created_at desc, id) as r
       from company where agency_id = '${agency}'
     ), dup as (
       select gen_random_uuid() as id, src.id as of, now() + make_interval(secs => r) as t, r,
         case (r / 50) % 5
           when 0 then upper(name) || ' LLC'
           when 1 then translate(name, 'aeo', 'áéô')
           when 2 then left(name, 3) || substr(name, 5)
           when 3 then 'Groupe ' || ${pick(SYLLABLES, 'r::int', 9)} || ${pick(SYLLABLES, 'r::int', 10)}
           else name || ' Export'
         end as name,
         case when (r / 50) % 5 = 4 then 'MA' else country end as country,
         case when (r / 50) % 5 = 3 then website end as website
       from src where r % 50 = 0
     ), inserted as (
       insert into company (${COMPANY_COLUMNS})
       select id, t, t, '${agency}', name, lower(name), 'EXPORTER', country, website, null from dup
       on conflict do nothing
       returning id
     )
     insert into contact (${CONTACT_COLUMNS})
     select gen_random_uuid(), dup.t, dup.t, '${agency}', dup.id, c.full_name, lower(c.full_name), upper(c.email), c.phone, '{fr}'
     from dup join inserted using (id)
     join contact c on c.company_id = dup.of and c.email not like '%@gmail.com'`,
  );
}

async function adversarial(conn: Connection, agency: string, n: number): Promise<void> {
  await conn.execute(
    `insert into company (${COMPANY_COLUMNS})
     select gen_random_uuid(), t, t, '${agency}', name, lower(name), 'EXPORTER', 'MA', 'https://example.com/' || g, null
     from (
       select g, now() - make_interval(mins => g) as t,
         ${arr(['Agro', 'Atlas', 'Sahel', 'Delta', 'Nova', 'Oasis', 'Cedar', 'Argan', 'Medina', 'Sirocco'])}[1 + g % 10]
         || ' ' || ${arr(['Trading', 'Foods', 'Industries', 'Distribution', 'Export', 'Textiles', 'Logistics', 'Ceramics'])}[1 + (g / 10) % 8]
         || ' ' || g as name
       from generate_series(1, ${n}) g
     ) s`,
  );
  await contacts(conn, agency, `'example.com'`, `'+212 5 22 00 00 0' || j`);
}

/** Three contacts per company: two at `domain`, one at a public mail service. */
async function contacts(conn: Connection, agency: string, domain: string, phone?: string): Promise<void> {
  await conn.execute(
    `insert into contact (${CONTACT_COLUMNS})
     select gen_random_uuid(), co.created_at, co.created_at, '${agency}', co.id, s.name, lower(s.name),
       case when j = 2 or ${domain} is null or ${domain} = '' then lower(replace(s.name, ' ', '.')) || (hashint4(k::int) & 65535) || '@gmail.com'
            else lower(replace(s.name, ' ', '.')) || j || '@' || ${domain} end,
       ${phone ?? `'+212 6 ' || lpad(((hashint4(k::int * 3 + j) & 2147483647) % 100000000)::text, 8, '0')`}, '{fr}'
     from (select *, row_number() over (order by id) as k from company where agency_id = '${agency}') co
     cross join generate_series(0, 2) j
     cross join lateral (select ${pick(FIRST, 'k::int * 3 + j', 11)} || ' ' || ${pick(LAST, 'k::int * 3 + j', 12)} as name) s`,
  );
}

async function main(): Promise<void> {
  const companies = Number(process.env.BENCH_DUP_COMPANIES || 10_000);
  const runs = Number(process.env.BENCH_RUNS || 10);
  let statements = 0;
  let counting = false;
  const throwaway = await openThrowawayDatabase(process.env.DATABASE_URL || undefined, () => {
    if (counting) statements++;
  });
  const { db } = throwaway;
  try {
    console.log(
      `Bench database: ${throwaway.description}; Node ${process.version}; ${runs} timed runs after 1 warm-up.`,
    );
    const conn = db.orm.em.getConnection();
    const agencies: [string, string][] = [];
    for (const [label, fill] of [
      ['realistic', realistic],
      ['adversarial', adversarial],
    ] as const) {
      const setup = await createBenchAgency(db, `Duplicates ${label}`, label, `admin@${label}.test`);
      const t0 = performance.now();
      await fill(conn, setup.agency.id, companies);
      const [count] = await conn.execute<{ companies: number; contacts: number }[]>(
        `select (select count(*)::int from company where agency_id = ?) as companies,
           (select count(*)::int from contact where agency_id = ?) as contacts`,
        [setup.agency.id, setup.agency.id],
      );
      console.log(
        `${label}: ${count.companies} companies, ${count.contacts} contacts (${Math.round(performance.now() - t0)} ms)`,
      );
      agencies.push([label, setup.agency.id]);
    }
    await conn.execute('analyze');

    const rows: string[][] = [];
    for (const [label, agencyId] of agencies) {
      for (const kind of [DuplicateKind.COMPANY, DuplicateKind.CONTACT]) {
        for (const page of ['first page', 'page 2']) {
          const em = agencyEm(db.orm.em, agencyId);
          let after: string | null = null;
          if (page === 'page 2') {
            after = (await duplicateCandidates(em, agencyId, kind, { first: 50 })).pageInfo.endCursor ?? null;
          }
          const times: number[] = [];
          let total = 0;
          let top = '';
          let perRequest = 0;
          for (let i = 0; i <= runs; i++) {
            const fresh = agencyEm(db.orm.em, agencyId);
            statements = 0;
            counting = true;
            const t0 = performance.now();
            const result = await duplicateCandidates(fresh, agencyId, kind, { first: 50, after });
            total = await result.totalCount();
            const ms = performance.now() - t0;
            counting = false;
            perRequest = statements;
            if (i > 0) times.push(ms);
            const node = result.edges[0]?.node;
            top = node ? `${node.score} ${node.reasons.join('+')}` : '-';
          }
          times.sort((a, b) => a - b);
          rows.push([
            label,
            kind,
            page,
            percentile(times, 50).toFixed(0),
            percentile(times, 95).toFixed(0),
            String(perRequest),
            String(total),
            top,
          ]);
        }
        const { text, params } = candidatesStatement(kind, agencyId, 51, 0);
        const plan = await conn.execute<Record<string, string>[]>(`explain (analyze, costs off) ${text}`, [...params]);
        const lines = plan.map((row) => Object.values(row)[0]);
        const scans = [
          ...new Set(lines.filter((l) => /Scan on|Scan using/.test(l)).map((l) => l.trim().replace(/\(.*$/, ''))),
        ];
        console.log(`\nEXPLAIN ${label} ${kind}: ${lines.find((l) => l.startsWith('Execution Time')) ?? ''}`);
        for (const scan of scans) console.log(`  ${scan}`);
        if (process.env.BENCH_VERBOSE) console.log(lines.join('\n'));
      }
    }
    const headers = ['data', 'kind', 'page', 'p50 ms', 'p95 ms', 'statements', 'pairs', 'top pair'];
    const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
    const line = (cells: string[]) =>
      cells.map((c, i) => (i >= 3 && i <= 6 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ');
    console.log(`\n${line(headers)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n${rows.map(line).join('\n')}`);
  } finally {
    await throwaway.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
