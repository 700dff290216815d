import { type LoadCell, type LoadResult, SERVER_LABELS, type ServerKind } from './load-run.js';
import { MB } from './support.js';

/** `pnpm bench:load`'s report: the measures as a markdown table, the ratios issue 14 asks for, and an SVG chart. */

const int = (n: number) => Math.round(n).toLocaleString('en-US');
const ms = (n: number) => (n < 10 ? n.toFixed(1) : int(n));
const ratio = (n: number) => (Number.isFinite(n) ? `${n.toFixed(2)}×` : '–');
const mb = (bytes: number | undefined) => (bytes === undefined ? '–' : int(bytes / MB));
/** A latency of the measure; none when no request finished within it. */
const latency = (cell: LoadCell, value: number) => (cell.requests === 0 ? '–' : ms(value));

/** The measure of a page, server and number of clients, if there is one. */
function cellOf(result: LoadResult, page: string, server: ServerKind, connections: number): LoadCell | undefined {
  return result.cells.find((c) => c.page === page && c.server === server && c.connections === connections);
}

const connectionCounts = (result: LoadResult) =>
  [...new Set(result.cells.map((c) => c.connections))].sort((a, b) => a - b);

/** page × server × clients → req/s, p50, p99, errors, the server's peak RSS. */
export function loadTable(result: LoadResult): string {
  const lines = [
    '| page | server | clients | req/s | p50 ms | p99 ms | errors | server RSS MB |',
    '|---|---|---:|---:|---:|---:|---:|---:|',
  ];
  for (const page of result.pages) {
    for (const server of result.servers) {
      for (const c of result.cells.filter((x) => x.page === page && x.server === server)) {
        lines.push(
          `| ${page} | ${SERVER_LABELS[server]} | ${c.connections} | ${ms(c.requestsPerSecond)} | ${latency(c, c.p50)} | ${latency(c, c.p99)} | ${c.errors} | ${mb(c.rss)} |`,
        );
      }
    }
  }
  return lines.join('\n');
}

/**
 * Per page: our throughput / PostGraphile's at each number of clients (the goal: ≥ 1), and our
 * p50 / the floor's p50 at the fewest clients (the goal: ≤ 2); "–" for a server left out. Empty
 * when this server, or both others, were not measured.
 */
export function ratioTable(result: LoadResult): string {
  const others = result.servers.filter((s) => s === 'postgraphile' || s === 'floor');
  if (!result.servers.includes('ours') || others.length === 0) return '';
  const counts = connectionCounts(result);
  const fewest = counts[0];
  const lines = [
    `| page | ${counts.map((n) => `ours / PostGraphile req/s at ${n}`).join(' | ')} | ours / floor p50 at ${fewest} |`,
    `|---|${counts.map(() => '---:').join('|')}|---:|`,
  ];
  for (const page of result.pages) {
    const throughput = counts.map((n) => {
      const ours = cellOf(result, page, 'ours', n);
      const theirs = cellOf(result, page, 'postgraphile', n);
      return ratio(ours && theirs?.requests ? ours.requestsPerSecond / theirs.requestsPerSecond : Number.NaN);
    });
    const ours = cellOf(result, page, 'ours', fewest);
    const floor = cellOf(result, page, 'floor', fewest);
    lines.push(
      `| ${page} | ${throughput.join(' | ')} | ${ratio(ours?.requests && floor?.requests ? ours.p50 / floor.p50 : Number.NaN)} |`,
    );
  }
  return lines.join('\n');
}

const COLORS: Record<ServerKind, string> = {
  ours: '#d9534f',
  ours2: '#e89a3c',
  'ours-replica': '#b05fa8',
  postgraphile: '#5b7fbf',
  floor: '#7a9a5a',
};

const escapeXml = (text: string) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

/**
 * Horizontal bars of req/s: one block per page, one group per number of clients, one bar per
 * server. Each page has its own scale (its fastest bar is full width): pages differ by orders
 * of magnitude, servers on a page are what is compared.
 */
export function loadChart(result: LoadResult, title: string): string {
  const counts = connectionCounts(result);
  const bar = 14;
  const labelWidth = 190;
  const plotWidth = 460;
  const width = labelWidth + plotWidth + 90;
  const parts: string[] = [];
  let y = 30;
  parts.push(`<text x="10" y="20" font-size="14" font-weight="bold">${escapeXml(title)}</text>`);
  // Legend
  let x = labelWidth;
  for (const server of result.servers) {
    parts.push(`<rect x="${x}" y="${y}" width="12" height="12" fill="${COLORS[server]}"/>`);
    parts.push(`<text x="${x + 16}" y="${y + 11}" font-size="12">${escapeXml(SERVER_LABELS[server])}</text>`);
    x += 170;
  }
  y += 30;
  for (const page of result.pages) {
    const max = Math.max(1, ...result.cells.filter((c) => c.page === page).map((c) => c.requestsPerSecond));
    parts.push(`<text x="10" y="${y + 12}" font-size="13" font-weight="bold">${escapeXml(page)}</text>`);
    y += 20;
    for (const n of counts) {
      const groupTop = y;
      for (const server of result.servers) {
        const cell = cellOf(result, page, server, n);
        if (!cell) continue;
        const w = Math.max(1, (cell.requestsPerSecond / max) * plotWidth);
        parts.push(
          `<rect class="bar" x="${labelWidth}" y="${y}" width="${w.toFixed(1)}" height="${bar - 2}" fill="${COLORS[server]}"/>`,
        );
        parts.push(
          `<text x="${(labelWidth + w + 4).toFixed(1)}" y="${y + bar - 4}" font-size="11">${int(cell.requestsPerSecond)} req/s</text>`,
        );
        y += bar;
      }
      const middle = (groupTop + y) / 2 + 4;
      parts.push(
        `<text x="${labelWidth - 8}" y="${middle}" font-size="11" text-anchor="end">${n} client${n === 1 ? '' : 's'}</text>`,
      );
      y += 6;
    }
    y += 10;
  }
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${y}" viewBox="0 0 ${width} ${y}" font-family="sans-serif" role="img">`,
    // The chart's alternative text, for screen readers (and Biome's a11y rule).
    `<title>${escapeXml(title)}</title>`,
    `<rect width="100%" height="100%" fill="white"/>`,
    ...parts,
    '</svg>',
  ].join('\n');
}

export interface ReportSettings {
  /** e.g. "BENCH_SCALE=large, 10×S". */
  scale: string;
  seconds: number;
  warmupSeconds: number;
  /** The chart's file name, linked from the report; none: no link. */
  chartFile?: string;
  /** The query plans' file, linked from the report; none: no link. */
  plansFile?: string;
}

/** The whole report in markdown: where and what was measured, the table, the ratios, what was skipped. */
export function loadReport(result: LoadResult, settings: ReportSettings, machine: string): string {
  const counts = Object.entries(result.counts)
    .map(([table, n]) => `${table} ${int(n)}`)
    .join(', ');
  const bytes = result.pages
    .map(
      (page) =>
        `${page}: ${result.servers
          .map(
            (s) =>
              `${SERVER_LABELS[s]} ${int((result.answerBytes.find((b) => b.page === page && b.server === s)?.bytes ?? 0) / 1024)} KB`,
          )
          .join(', ')}`,
    )
    .map((line) => `- ${line}`);
  const ratios = ratioTable(result);
  return [
    `# pnpm bench:load (${settings.scale})`,
    '',
    `${machine}; ${result.database}.`,
    `Data: ${counts} (${int(result.generatedRows)} rows generated in ${(result.generationMs / 1000).toFixed(1)} s, vacuum and analyze included).`,
    `Each measure: ${settings.seconds} s of autocannon after ${settings.warmupSeconds} s of warm-up per page and server; the servers one at a time, each in its own process; the load generator runs on the same machine.`,
    '',
    loadTable(result),
    '',
    ...(ratios ? ["Ratios (goal: ≥ 1× PostGraphile's throughput, ≤ 2× the floor's p50):", '', ratios, ''] : []),
    ...result.skipped.map((s) => `Not measured: ${SERVER_LABELS[s.server]} (${s.reason}).`),
    ...(result.skipped.length > 0 ? [''] : []),
    `Resident memory right after start: ${result.servers.map((s) => `${SERVER_LABELS[s]} ${mb(result.idleRss[s])} MB`).join(', ')}.`,
    '',
    'Answer sizes:',
    '',
    ...bytes,
    ...(settings.chartFile ? ['', `![req/s per page, server and clients](${settings.chartFile})`] : []),
    ...(settings.plansFile ? ['', `Query plans of each page: [${settings.plansFile}](${settings.plansFile}).`] : []),
    ...(result.plans && 'skipped' in result.plans ? ['', `No query plans: ${result.plans.skipped}.`] : []),
    '',
  ].join('\n');
}
