import 'reflect-metadata';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { loadConfig } from './config.js';
import { crossAgencyEm } from './db/agency-scope.js';
import { migrate, openDatabase } from './db/database.js';
import { AgencyKind } from './modules/agency/agency.enums.js';
import { createAgencyWithAdmin, validateAgencySetup } from './modules/agency/agency.service.js';

const USAGE = `Usage: pnpm crm <command> [options]

Commands:
  create-admin    Create an agency with its default pipeline and its first ADMIN user.

Options of create-admin (all required):
  --agency-name <name>   Full name of the agency, e.g. "Association marocaine des exportateurs"
  --short-name <name>    Short name, e.g. ASMEX
  --kind <kind>          ${Object.values(AgencyKind).join(' | ')}
  --country <code>       ISO 3166-1 alpha-2 code, e.g. MA
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

async function main(argv: string[]): Promise<void> {
  const { values, positionals } = parse(argv);
  const [command, ...rest] = positionals;
  if (values.help || command === 'help') {
    process.stdout.write(USAGE);
    return;
  }
  if (!command) throw new CliError('No command given (see --help)');
  if (rest.length > 0) throw new CliError(`Unexpected argument "${rest[0]}" (see --help)`);
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
