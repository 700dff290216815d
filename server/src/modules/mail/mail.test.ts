import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../log/logger.js';
import { type SmtpSink, startMailingTestServer } from '../../test/smtp-sink.js';
import type { TestServer } from '../../test/test-server.js';
import { MailDispatcher } from './mail-dispatcher.js';

/**
 * Outgoing mail through a real SMTP server on loopback: written in the transaction of the change,
 * sent after it in the reader's language with a text and an HTML part, tried again after a
 * refusal, never sent for a change that failed, and sent once by two dispatchers at once.
 */
let smtp: SmtpSink;
let server: TestServer;
let admin: string;

const INVITE = `mutation($input: InviteUserInput!) {
  inviteUser(input: $input) { user { id } link { path } userErrors { code } }
}`;
interface OutgoingMail {
  toAddress: string;
  textBody: string;
}
type Invited = { inviteUser: { link: { path: string }; userErrors: { code: string }[] } };
type SenderSet = { setAgencyMailFrom: unknown };

const OUTGOING = `{ outgoingMail(first: 50) { edges { node {
  toAddress subject template locale status attempts lastError links textBody sentAt } } } }`;

async function rows<T>(query: string, params: unknown[] = []): Promise<T[]> {
  return server.db.orm.em.getConnection().execute<T[]>(query, params);
}

/** MIME parts are encoded (quoted-printable or base64): decoded by nodemailer's own parser would be another library; the subject header is checked through its encoded-word. */
function decodedSubject(raw: string): string {
  const header = /^Subject: (.*(?:\r\n[ \t].*)*)/m.exec(raw)?.[1] ?? '';
  return header
    .replace(/\r\n[ \t]/g, ' ')
    .replace(/=\?UTF-8\?([BQ])\?([^?]*)\?=\s*/gi, (_, kind: string, text: string) =>
      kind.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64').toString('utf8')
        : Buffer.from(
            text
              .replace(/_/g, ' ')
              .replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))),
            'latin1',
          ).toString('utf8'),
    )
    .trim();
}

beforeAll(async () => {
  ({ smtp, server } = await startMailingTestServer());
  admin = await server.login('admin@mosprom.demo');
}, 120_000);

afterAll(async () => {
  await server?.close();
  await smtp?.close();
});

describe('outgoing mail', () => {
  it('sends an invitation in the invitee’s language, with a text and an HTML part and the link', async () => {
    const invited = await server.gql<Invited>(
      INVITE,
      { input: { email: 'olga.ivanova@mosprom.demo', fullName: 'Ольга Иванова', role: 'ANALYST', locale: 'ru' } },
      { cookie: admin },
    );
    const path = invited.data?.inviteUser.link.path;
    await server.app.mail.tick();
    const mail = smtp.received.find((m) => m.to.includes('olga.ivanova@mosprom.demo'));
    expect(mail).toBeDefined();
    expect(decodedSubject(mail!.raw)).toMatch(/^Приглашение в CRM /);
    expect(mail!.from).toBe('crm@test.example');
    expect(mail!.raw).toMatch(/Content-Type: text\/plain; charset=utf-8/i);
    expect(mail!.raw).toMatch(/Content-Type: text\/html; charset=utf-8/i);
    const answer = await server.gql<{ outgoingMail: { edges: { node: OutgoingMail }[] } }>(
      OUTGOING,
      {},
      { cookie: admin },
    );
    const listed = answer.data?.outgoingMail.edges.map((edge) => edge.node) ?? [];
    expect(listed[0]).toMatchObject({
      toAddress: 'olga.ivanova@mosprom.demo',
      template: 'invitation',
      locale: 'ru',
      status: 'SENT',
      attempts: 1,
      lastError: null,
      links: [`https://crm.example.org${path}`],
    });
    expect(listed[0].textBody).toContain(`https://crm.example.org${path}`);
    expect(listed[0].textBody).toContain('Здравствуйте, Ольга Иванова!');
  });

  it('tries again after a refused delivery, then sends it', async () => {
    smtp.refuseNext(1);
    const before = smtp.received.length;
    await server.gql(
      INVITE,
      { input: { email: 'refused.once@mosprom.demo', fullName: 'Refused Once', role: 'ANALYST', locale: 'en' } },
      { cookie: admin },
    );
    await server.app.mail.tick();
    const [pending] = await rows<{ status: string; attempts: number; last_error: string }>(
      `select status, attempts, last_error from outbox_mail where to_address = 'refused.once@mosprom.demo'`,
    );
    expect(pending).toMatchObject({ status: 'PENDING', attempts: 1 });
    expect(pending.last_error).toMatch(/451/);
    expect(smtp.received.length).toBe(before);
    // Tried again once its delay (here 1 s, doubling each time) has passed.
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    await server.app.mail.tick();
    const [sent] = await rows<{ status: string; attempts: number }>(
      `select status, attempts from outbox_mail where to_address = 'refused.once@mosprom.demo'`,
    );
    expect(sent).toEqual({ status: 'SENT', attempts: 2 });
    expect(smtp.received.filter((m) => m.to.includes('refused.once@mosprom.demo'))).toHaveLength(1);
  });

  it('writes no mail for a change that failed', async () => {
    const taken = await server.gql<Invited>(
      INVITE,
      { input: { email: 'manager@mosprom.demo', fullName: 'Twice', role: 'ANALYST' } },
      { cookie: admin },
    );
    expect(taken.data?.inviteUser.userErrors).toEqual([{ code: 'DUPLICATE' }]);
    const [{ n }] = await rows<{ n: number }>(
      `select count(*)::int as n from outbox_mail where to_address = 'manager@mosprom.demo'`,
    );
    expect(n).toBe(0);
  });

  it('sends each mail once when two dispatchers work at once', async () => {
    // Ten invitations, written while nothing sends (the test server's dispatcher only sends when ticked).
    const before = smtp.received.length;
    for (let i = 0; i < 10; i++) {
      await server.gql(
        INVITE,
        { input: { email: `batch.${i}@mosprom.demo`, fullName: `Batch ${i}`, role: 'ANALYST' } },
        { cookie: admin },
      );
    }
    const second = new MailDispatcher({
      rootEm: server.db.orm.em,
      smtpUrl: smtp.url,
      from: 'Export CRM <crm@test.example>',
      pollMs: 0,
      retrySeconds: 1,
      log: createLogger({ level: 'silent' }),
    });
    await Promise.all([server.app.mail.tick(), second.tick()]);
    await second.close();
    const batch = smtp.received.slice(before).flatMap((m) => m.to.filter((to) => to.startsWith('batch.')));
    expect(batch.sort()).toEqual(Array.from({ length: 10 }, (_, i) => `batch.${i}@mosprom.demo`).sort());
    const statuses = await rows<{ status: string; attempts: number }>(
      `select distinct status, attempts from outbox_mail where to_address like 'batch.%'`,
    );
    expect(statuses).toEqual([{ status: 'SENT', attempts: 1 }]);
  });

  it('sends from the agency’s own address once its admin sets one, and refuses one that is not an address', async () => {
    const SET = `mutation($input: SetAgencyMailFromInput!) {
      setAgencyMailFrom(input: $input) { agency { mailFrom } userErrors { code field } } }`;
    const bad = await server.gql<SenderSet>(
      SET,
      { input: { mailFrom: 'Mosprom <not an address>' } },
      { cookie: admin },
    );
    expect(bad.data?.setAgencyMailFrom).toEqual({
      agency: null,
      userErrors: [{ code: 'INVALID', field: ['input', 'mailFrom'] }],
    });
    const set = await server.gql<SenderSet>(
      SET,
      { input: { mailFrom: 'Centre Mosprom <crm@mosprom.example>' } },
      { cookie: admin },
    );
    expect(set.data?.setAgencyMailFrom).toEqual({
      agency: { mailFrom: 'Centre Mosprom <crm@mosprom.example>' },
      userErrors: [],
    });
    await server.gql(
      INVITE,
      { input: { email: 'own.sender@mosprom.demo', fullName: 'Own Sender', role: 'ANALYST' } },
      { cookie: admin },
    );
    await server.app.mail.tick();
    const mail = smtp.received.find((m) => m.to.includes('own.sender@mosprom.demo'));
    expect(mail?.from).toBe('crm@mosprom.example');
    expect(mail?.raw).toMatch(/^From: Centre Mosprom <crm@mosprom\.example>/m);
  });
});
