import { readFileSync } from 'node:fs';

/** The demo accounts' password (server/src/db/seed; support/browser.ts types it into the sign-in form). */
export const DEMO_PASSWORD = 'demo-password';

/**
 * Shapes of secrets whatever their value: an API token (`crm_` and 43 characters), the session
 * cookie, an Authorization header, and any 43-character base64url run, the shape of a session,
 * invitation or reset token.
 */
const SECRET_SHAPES: [string, RegExp][] = [
  ['an API token', /crm_[A-Za-z0-9_-]{20,}/],
  ['a session cookie', /crm_session=/i],
  ['an Authorization header', /Bearer\s/i],
  ['a session or link token', /(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])/],
  ['GraphQL variables', /"variables"/],
];

/**
 * What is wrong with the server's logs of the whole run: stdout must be JSON lines only, and no
 * log may hold a password, token, cookie or link (the known `values`, or anything shaped like one).
 */
export function serverLogProblems(stdoutFile: string, stderrFile: string, values: string[]): string[] {
  const problems: string[] = [];
  const stdout = readFileSync(stdoutFile, 'utf8');
  const lines = stdout.split('\n').filter((line) => line !== '');
  if (lines.length === 0) problems.push('the server logged nothing on stdout');
  let withoutId = 0;
  for (const line of lines) {
    try {
      const parsed = JSON.parse(line) as { msg?: string; requestId?: string };
      if (parsed.msg === 'request' && !parsed.requestId) withoutId++;
    } catch {
      problems.push(`not a JSON line: ${line.slice(0, 200)}`);
    }
  }
  if (withoutId > 0) problems.push(`${withoutId} access lines without a requestId`);
  const all = `${stdout}\n${readFileSync(stderrFile, 'utf8')}`;
  for (const value of [DEMO_PASSWORD, ...values]) {
    if (all.includes(value)) problems.push(`the logs hold a secret value (${value.slice(0, 4)}…)`);
  }
  for (const [name, shape] of SECRET_SHAPES) {
    const found = shape.exec(all);
    if (found) problems.push(`the logs hold ${name}: …${all.slice(Math.max(0, found.index - 80), found.index)}`);
  }
  return problems;
}
