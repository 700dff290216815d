import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import { loadConfig } from '../config.js';
import { type App, createApp } from '../http/app.js';
import { createLogger } from '../log/logger.js';
import { newId } from '../shared/ids.js';
import { normalizeName } from '../shared/normalize.js';
import { createBenchAgency, login, MB, sampleMemory, statementLog } from './support.js';
import { openThrowawayDatabase } from './throwaway-db.js';

/**
 * `pnpm bench:import`: a 10,000-row CSV previewed and applied through the HTTP app, in an agency
 * that already holds 10,000 companies. The file: 8,900 new companies, 500 already in the CRM
 * (same name and country, a new city: updates), 400 look-alikes (possible duplicates, decided
 * "create anyway"), 200 rows with an unknown country. Reports the time, the SQL statements and
 * the process's peak RSS of each step. Env: BENCH_IMPORT_ROWS (default 10000), DATABASE_URL.
 */
const statements = statementLog();

const CONSONANTS = [
  'b',
  'c',
  'd',
  'f',
  'g',
  'h',
  'j',
  'k',
  'l',
  'm',
  'n',
  'p',
  'r',
  's',
  't',
  'v',
  'z',
  'ch',
  'sh',
  'kh',
  'tr',
  'br',
];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ou', 'ai', 'é'];
const CODAS = ['', 'n', 'r', 'l', 's', 'm', 't', 'k', 'x', 'd'];
const TRADES = [
  'Export',
  'Industrie',
  'Textiles',
  'Agro',
  'Conserves',
  'Céramique',
  'Technologies',
  'Pêche',
  'Logistique',
  'Cosmétiques',
  'Mobilier',
  'Énergie',
  'Pharma',
  'Emballages',
  'Métaux',
  'Cuirs',
  'Épices',
  'Huilerie',
  'Marbres',
  'Плюс',
  'Трейд',
  'Групп',
];

/** Deterministic invented names (two words of 2 to 3 syllables, or one and a trade): few resemble each other. */
function names(count: number, seed: number): string[] {
  let state = seed;
  const next = () => {
    state = (state * 48271) % 2147483647; // Park–Miller: exact in doubles
    return state;
  };
  const word = () => {
    let text = '';
    for (let k = 2 + (next() % 2); k > 0; k--) {
      text += CONSONANTS[next() % CONSONANTS.length] + VOWELS[next() % VOWELS.length] + CODAS[next() % CODAS.length];
    }
    return `${text[0].toUpperCase()}${text.slice(1)}`;
  };
  const out = new Set<string>();
  while (out.size < count) out.add(next() % 3 ? `${word()} ${word()}` : `${word()} ${TRADES[next() % TRADES.length]}`);
  return [...out];
}

interface PreviewAnswer {
  previewImport: { preview: { counts: Record<string, number>; rows: { nodes: { row: number }[] } } };
}

interface ApplyAnswer {
  applyImport: { batch: { id: string; counts: Record<string, number> }; userErrors: { message: string }[] };
}

async function post<T>(url: string, cookie: string, query: string, variables: Record<string, unknown>): Promise<T> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data!;
}

async function measure<T>(label: string, work: () => Promise<T>): Promise<T> {
  const memory = sampleMemory();
  statements.start();
  const started = performance.now();
  const result = await work();
  const seconds = (performance.now() - started) / 1000;
  const { before, peak } = memory.stop();
  const count = statements.stop().length;
  console.log(
    `${label.padEnd(28)} ${seconds.toFixed(2).padStart(6)} s  ${String(count).padStart(4)} statements  peak RSS ${(peak / MB).toFixed(0)} MB (+${((peak - before) / MB).toFixed(0)})`,
  );
  return result;
}

async function main(): Promise<void> {
  const rows = Number(process.env.BENCH_IMPORT_ROWS ?? 10_000);
  const throwaway = await openThrowawayDatabase(process.env.DATABASE_URL || undefined, statements.onQuery);
  const { db } = throwaway;
  let app: App | undefined;
  try {
    const agencyId = (await createBenchAgency(db, 'Bench Import Agency')).agency.id;
    const existing = names(10_000, 7);
    const records = existing.map((name, i) => ({
      id: newId(),
      name,
      normalized_name: normalizeName(name),
      country: i % 2 ? 'MA' : 'RU',
    }));
    const connection = db.orm.em.getConnection();
    for (let i = 0; i < records.length; i += 1_000) {
      await connection.execute(
        `insert into company (id, agency_id, name, normalized_name, kind, country)
         select r.id, ?, r.name, r.normalized_name, 'EXPORTER', r.country
         from jsonb_to_recordset(?::jsonb) as r(id uuid, name text, normalized_name text, country text)`,
        [agencyId, JSON.stringify(records.slice(i, i + 1_000))],
      );
    }

    const taken = new Set(existing);
    const fresh = names(rows + 1_000, 99).filter((name) => !taken.has(name));
    const lines = [['Raison sociale', 'Pays', 'Ville', 'Site web', 'Marques'].join(';')];
    const scale = rows / 10_000;
    const updates = Math.round(500 * scale);
    const lookAlikes = Math.round(400 * scale);
    const errors = Math.round(200 * scale);
    for (let i = 0; i < rows; i++) {
      if (i < updates) lines.push([records[i].name, records[i].country, 'Tanger', '', ''].join(';'));
      else if (i < updates + lookAlikes)
        lines.push([`${records[i].name} Group`, records[i].country, '', '', ''].join(';'));
      else if (i < updates + lookAlikes + errors) lines.push([fresh[i], 'Atlantide', '', '', ''].join(';'));
      else
        lines.push([fresh[i], 'MA', 'Casablanca', i % 2 ? `https://www.site-${i}.ma` : '', 'Atlas, Sahara'].join(';'));
    }
    const csv = `${lines.join('\r\n')}\r\n`;

    const config = { ...loadConfig({}), production: true };
    app = await createApp(config, db, createLogger({ level: 'error' }));
    const url = await app.listen(0, '127.0.0.1');
    const cookie = await login(url);

    console.log(
      `${throwaway.description}: ${rows} rows (${(csv.length / MB).toFixed(2)} MB CSV), 10,000 companies in the agency`,
    );
    const fileId = await measure('upload (POST /import/files)', async () => {
      const response = await fetch(`${url}/import/files`, {
        method: 'POST',
        headers: { cookie, 'x-file-name': 'bench.csv', 'content-type': 'text/csv' },
        body: csv,
      });
      return ((await response.json()) as { fileId: string }).fileId;
    });
    const mapping = ['name', 'country', 'city', 'website', 'brands'];
    const preview = `query($input: ImportInput!) { previewImport(input: $input) { preview {
      counts { total create update link unchanged skip error possibleDuplicate }
      rows(actions: [POSSIBLE_DUPLICATE], first: 500) { nodes { row } } }
      userErrors { message } } }`;
    const input = { fileId, kind: 'COMPANIES', mapping, decisions: [] as unknown[] };
    const first = await measure('preview (first, parses)', () => post<PreviewAnswer>(url, cookie, preview, { input }));
    await measure('preview (again, cached file)', () => post<PreviewAnswer>(url, cookie, preview, { input }));
    const result = first.previewImport.preview;
    console.log('  counts:', JSON.stringify(result.counts));
    const decisions: { row: number; action: string }[] = [];
    for (let offset = 0; offset < result.counts.possibleDuplicate; offset += 500) {
      const page = await post<PreviewAnswer>(
        url,
        cookie,
        `query($input: ImportInput!, $offset: Int!) { previewImport(input: $input) { preview {
          rows(actions: [POSSIBLE_DUPLICATE], first: 500, offset: $offset) { nodes { row } } } } }`,
        { input, offset },
      );
      for (const node of page.previewImport.preview.rows.nodes) decisions.push({ row: node.row, action: 'CREATE' });
    }
    const applied = await measure('apply (one transaction)', () =>
      post<ApplyAnswer>(
        url,
        cookie,
        `mutation($input: ImportInput!) { applyImport(input: $input) { batch { id counts } userErrors { message } } }`,
        { input: { ...input, decisions } },
      ),
    );
    if (applied.applyImport.userErrors.length > 0) throw new Error(JSON.stringify(applied.applyImport.userErrors));
    console.log('  applied:', JSON.stringify(applied.applyImport.batch.counts));
    await measure('undo', () =>
      post<unknown>(url, cookie, 'mutation($id: ID!) { undoImport(batchId: $id) { userErrors { message } } }', {
        id: applied.applyImport.batch.id,
      }),
    );
  } finally {
    await app?.close();
    await throwaway.destroy();
  }
}

await main();
