import 'reflect-metadata';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { loadConfig } from './config.js';
import { crossAgencyEm } from './db/agency-scope.js';
import { backupTo, restoreInto } from './db/backup.js';
import { migrate, openDatabase } from './db/database.js';
import { AgencyKind } from './modules/agency/agency.enums.js';
import { createAgencyWithAdmin, validateAgencySetup } from './modules/agency/agency.service.js';
import { evaluateSuggestions, evaluationReport } from './modules/matchmaking/evaluate-suggestions.js';

const USAGE = `Usage: pnpm crm <command> [options]

Commands:
  create-admin    Create an agency with its default pipeline and its first ADMIN user.
  backup <file>   Write a backup of the embedded database (CRM_DATA_DIR) to <file> (.tar.gz),
                  from the running server if one runs, else from the folder.
  restore <file>  Restore a backup into CRM_DATA_DIR, which must be empty and not in use.
                  On PostgreSQL (DATABASE_URL), use pg_dump and pg_restore instead.
  evaluate-suggestions [--max-pairs <n>]
                  Replay past missions: meeting suggestions computed with only what was known
                  before each, against the meetings that turned out well (precision@5,
                  recall@10, lift over a sector-only ranking; docs/matchmaking.md). With
                  --max-pairs, at most n (mission, exporter) pairs, evenly spread over time.

Options of create-admin (all required):
  --agency-name <name>   Full name of the agency, e.g. "Association marocaine des exportateurs"
  --short-name <name>    Short name, e.g. ASMEX
  --kind <kind>          ${Object.values(AgencyKind).join(' | ')}
  --country <code>       ISO 3166-1 alpha-2 code, e.g. MA; it sets the agency's language (French
                         for MA, Russian for RU, ...; else English): its default pipeline and
                         its admin's interface are in it
  --currency <code>      ISO 4217 code of the base currency, e.g. MAD
  --email <email>        The admin's e-mail (their sign-in)
  --full-name <name>     The admin's full name

The password (at least 10 characters) comes from the CRM_ADMIN_PASSWORD environment variable,
or else is read as one line from standard input.
The database is DATABASE_URL when set, otherwise the embedded one in CRM_DATA_DIR (.data).

  -h, --help             Show this help.
`;

class CliError extends Error {}

const options = {
  'agency-name': { type: 'string' },
  'short-name': { type: 'string' },
  kind: { type: 'string' },
  country: { type: 'string' },
  currency: { type: 'string' },
  email: { type: 'string' },
  'full-name': { type: 'string' },
  'max-pairs': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

function parse(argv: string[]) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new CliError(`${(error as Error).message} (see --help)`);
  }
}

function need(values: Record<string, unknown>, name: keyof typeof options): string {
  const value = values[name];
  if (typeof value !== 'string' || value.trim() === '') throw new CliError(`Missing --${name} (see --help)`);
  return value;
}

/** One line from standard input; a prompt on stderr when a person is typing. */
async function readPassword(): Promise<string> {
  const fromEnv = process.env.CRM_ADMIN_PASSWORD;
  if (fromEnv) return fromEnv;
  if (process.stdin.isTTY) process.stderr.write('Password for the admin (at least 10 characters): ');
  const rl = createInterface({ input: process.stdin, terminal: false });
  try {
    for await (const line of rl) return line.replace(/\r$/, '');
  } finally {
    rl.close();
  }
  throw new CliError('No password: set CRM_ADMIN_PASSWORD or type it on standard input');
}

async function createAdmin(values: Record<string, unknown>): Promise<void> {
  const input = validateAgencySetup({
    name: need(values, 'agency-name'),
    shortName: need(values, 'short-name'),
    kind: need(values, 'kind'),
    country: need(values, 'country'),
    baseCurrency: need(values, 'currency'),
    adminEmail: need(values, 'email'),
    adminFullName: need(values, 'full-name'),
    adminPassword: await readPassword(),
  });
  const db = await openDatabase(loadConfig());
  try {
    await migrate(db.orm);
    const { agency, admin } = await createAgencyWithAdmin(crossAgencyEm(db.orm.em), input);
    console.log(`Created agency "${agency.shortName}" (${agency.id}) with admin ${admin.email} (${admin.id}).`);
  } finally {
    await db.close();
  }
}

async function evaluateCommand(values: Record<string, unknown>): Promise<void> {
  const raw = values['max-pairs'];
  const maxPairs = raw === undefined ? undefined : Number(raw);
  if (maxPairs !== undefined && (!Number.isInteger(maxPairs) || maxPairs < 1)) {
    throw new CliError(`--max-pairs must be a positive integer, got "${String(raw)}"`);
  }
  const db = await openDatabase(loadConfig());
  try {
    await migrate(db.orm);
    console.log(evaluationReport(await evaluateSuggestions(db.orm.em, { maxPairs })));
  } finally {
    await db.close();
  }
}

async function backupCommand(command: 'backup' | 'restore', args: string[]): Promise<void> {
  const [file, ...extra] = args;
  if (!file || extra.length > 0) throw new CliError(`Usage: pnpm crm ${command} <file> (see --help)`);
  const config = loadConfig();
  if (config.databaseUrl) {
    throw new CliError(
      `DATABASE_URL is set: back up PostgreSQL with pg_dump, restore with pg_restore (README, "Backups")`,
    );
  }
  // pnpm runs the script in the repository root: a relative path is the caller's (INIT_CWD).
  const target = resolve(process.env.INIT_CWD ?? process.cwd(), file);
  if (command === 'backup') {
    const { bytes, fromServer } = await backupTo(config.dataDir, target);
    const source = fromServer ? 'from the running server' : 'from the data folder';
    console.log(`Backed up ${config.dataDir} ${source} to ${target} (${bytes} bytes).`);
    return;
  }
  await restoreInto(config.dataDir, target);
  console.log(`Restored ${target} into ${config.dataDir}.`);
}

async function main(argv: string[]): Promise<void> {
  const { values, positionals } = parse(argv);
  const [command, ...rest] = positionals;
  if (values.help || command === 'help') {
    process.stdout.write(USAGE);
    return;
  }
  if (!command) throw new CliError('No command given (see --help)');
  if (command === 'backup' || command === 'restore') return backupCommand(command, rest);
  if (rest.length > 0) throw new CliError(`Unexpected argument "${rest[0]}" (see --help)`);
  if (command === 'evaluate-suggestions') return evaluateCommand(values);
  if (command !== 'create-admin') throw new CliError(`Unknown command "${command}" (see --help)`);
  await createAdmin(values);
}

try {
  await main(process.argv.slice(2));
} catch (error) {
  // Refused input (CliError, AgencySetupError) and failures alike: one line, no stack trace.
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`error: ${message.split('\n')[0]}\n`);
  process.exitCode = 1;
}
