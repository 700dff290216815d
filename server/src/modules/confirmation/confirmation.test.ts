import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../../test/sign-in.js';
import { type SmtpSink, startMailingTestServer } from '../../test/smtp-sink.js';
import type { TestServer } from '../../test/test-server.js';

/**
 * Issue 16: the exporter confirms a won deal through a one-time link, in their language, on a
 * public page; reports count confirmed value; the link works once, expires, is reminded, and the
 * page says nothing beyond its one deal. On the demo data (Mosprom's Casablanca 2025 mission).
 */
let smtp: SmtpSink;
let server: TestServer;
let admin: string;
let manager: string;
let analyst: string;
let asmex: string;

interface Refusal {
  code: string;
  field: string[] | null;
  message: string;
}
interface Amount {
  amount: string;
  currency?: string;
}
interface Confirmation {
  id: string;
  status: string;
  contactEmail: string;
  contactName: string;
  history: { status: string; by: string; note: string }[];
}
type Requested = {
  requestDealConfirmation: {
    confirmation: Confirmation;
    deal: { id: string; confirmation: { id: string; status: string } | null };
    userErrors: Refusal[];
  };
};
type PublicPage = { dealConfirmationRequest: { locale: string; dealTitle: string } | null };
type Answered = { answerDealConfirmation: { status: string | null; userErrors: Refusal[] } };
type DealRead = { deal: { confirmation: Confirmation & { confirmedValue: Amount | null } } };
type Report = {
  all: {
    confirmation: { wonDeals: number; confirmationRatePercent: number | null };
    exporters: { exporter: { name: string } }[];
  };
  confirmed: unknown;
};
type ByBuyer = {
  exportValue: { confirmation: { confirmedValue: Amount } };
  confirmedOnly: { total: unknown };
};

const REQUEST = `mutation($input: RequestDealConfirmationInput!) {
  requestDealConfirmation(input: $input) {
    confirmation { id status locale contactName contactEmail remindersSent recordedValue { amount currency } recordedClosedOn
      requestedBy { email } history { status by note } }
    deal { id confirmation { id status } }
    userErrors { code field message }
  } }`;
const PUBLIC = `query($token: String!) { dealConfirmationRequest(token: $token) {
  locale agencyName exporterName contactName dealTitle recordedValue { amount currency } recordedClosedOn destinationCountry expiresAt } }`;
const ANSWER = `mutation($input: AnswerDealConfirmationInput!) {
  answerDealConfirmation(input: $input) { status userErrors { code field message } } }`;
const DEAL = `query($id: ID!) { deal(id: $id) { confirmation {
  status answeredAt confirmedValue { amount currency } confirmedClosedOn recordedValue { amount currency }
  helpRating additionality caseStudyAllowed comment history { status by note } } } }`;

async function rows<T>(query: string, params: unknown[] = []): Promise<T[]> {
  return server.db.orm.em.getConnection().execute<T[]>(query, params);
}

interface DealRow {
  id: string;
  version: number;
  won_stage: string;
}

/** A Casablanca 2025 deal of Mosprom by title, with its pipeline's WON stage. */
async function casablancaDeal(title: string): Promise<DealRow> {
  const [deal] = await rows<DealRow>(
    `select d.id, d.version,
       (select s.id from pipeline_stage s where s.pipeline_id = d.pipeline_id and s.category = 'WON' order by s.position limit 1) as won_stage
     from deal d where d.title = ?`,
    [title],
  );
  return deal;
}

async function win(deal: DealRow, cookie = manager): Promise<void> {
  const moved = await server.gql<{ moveDeal: unknown }>(
    'mutation($input: MoveDealInput!) { moveDeal(input: $input) { deal { stage { category } } userErrors { code } } }',
    { input: { dealId: deal.id, toStageId: deal.won_stage, version: deal.version } },
    { cookie },
  );
  expect(moved.data?.moveDeal).toEqual({ deal: { stage: { category: 'WON' } }, userErrors: [] });
}

/** The token of the last mail's link to `address` (the outbox keeps each mail's links). */
async function lastLinkTo(address: string): Promise<string> {
  const [mail] = await rows<{ links: string[] }>(
    'select links from outbox_mail where to_address = ? order by created_at desc, id desc limit 1',
    [address],
  );
  const link = mail.links[0];
  expect(link).toMatch(/^https:\/\/crm\.example\.org\/confirm\/[A-Za-z0-9_-]{20,}$/);
  return link.slice(link.lastIndexOf('/') + 1);
}

const counts = async () =>
  (
    await rows<{ confirmations: number; mails: number }>(
      'select (select count(*)::int from deal_confirmation) as confirmations, (select count(*)::int from outbox_mail) as mails',
    )
  )[0];

beforeAll(async () => {
  ({ smtp, server } = await startMailingTestServer());
  ({ admin, manager, analyst, asmex } = await signIn(server, 'admin', 'manager', 'analyst', 'asmex'));
}, 120_000);

afterAll(async () => {
  await server?.close();
  await smtp?.close();
});

describe('exporter confirmation of a won deal', () => {
  it('Casablanca: won, asked in Russian, corrected on the public page, counted confirmed; the link then refuses', async () => {
    const deal = await casablancaDeal('Écrans interactifs pour salles de consultation');
    await win(deal);
    const requested = (await server.gql<Requested>(REQUEST, { input: { dealId: deal.id } }, { cookie: manager })).data!
      .requestDealConfirmation;
    expect(requested.userErrors).toEqual([]);
    expect(requested.confirmation).toMatchObject({
      status: 'REQUESTED',
      locale: 'ru',
      remindersSent: 0,
      recordedValue: { amount: '1250000.00', currency: 'MAD' },
      requestedBy: { email: 'manager@mosprom.demo' },
      history: [{ status: 'REQUESTED', note: 'requested' }],
    });
    expect(requested.deal.confirmation).toEqual({ id: requested.confirmation.id, status: 'REQUESTED' });
    const address = requested.confirmation.contactEmail as string;

    // The mail reaches the SMTP server, in Russian.
    await server.app.mail.tick();
    const mail = smtp.received.find((m) => m.to.includes(address));
    expect(mail).toBeDefined();
    expect(mail!.raw).toMatch(/^Subject: =\?UTF-8\?/m);
    const [outbox] = await rows<{ subject: string; status: string; text_body: string; locale: string }>(
      'select subject, status, text_body, locale from outbox_mail where to_address = ?',
      [address],
    );
    expect(outbox).toMatchObject({ status: 'SENT', locale: 'ru' });
    expect(outbox.subject).toMatch(/просит подтвердить контракт: Écrans interactifs pour salles de consultation$/);
    expect(outbox.text_body).toContain(`Здравствуйте, ${requested.confirmation.contactName}!`);
    const token = await lastLinkTo(address);

    // The public page, signed out: the deal as recorded, in the contact's language.
    const page = (await server.gql<PublicPage>(PUBLIC, { token })).data?.dealConfirmationRequest;
    expect(page).toMatchObject({
      locale: 'ru',
      exporterName: 'Nex-T LLC',
      dealTitle: 'Écrans interactifs pour salles de consultation',
      recordedValue: { amount: '1250000.00', currency: 'MAD' },
    });

    // The contact corrects the value.
    const answered = await server.gql<Answered>(ANSWER, {
      input: {
        token,
        answer: 'CORRECTED',
        amount: '1400000.00',
        helpRating: 4,
        additionality: 'LATER_OR_SMALLER',
        caseStudyAllowed: true,
        comment: 'Подписали на 150 тысяч больше.',
      },
    });
    expect(answered.data?.answerDealConfirmation).toEqual({ status: 'CORRECTED', userErrors: [] });
    const seen = (await server.gql<DealRead>(DEAL, { id: deal.id }, { cookie: manager })).data!.deal.confirmation;
    expect(seen).toMatchObject({
      status: 'CORRECTED',
      confirmedValue: { amount: '1400000.00', currency: 'MAD' },
      recordedValue: { amount: '1250000.00', currency: 'MAD' },
      helpRating: 4,
      additionality: 'LATER_OR_SMALLER',
      caseStudyAllowed: true,
      comment: 'Подписали на 150 тысяч больше.',
      history: [
        { status: 'REQUESTED', note: 'requested' },
        { status: 'CORRECTED', by: 'exporter', note: 'answered' },
      ],
    });

    // The account manager is told: a task, in their language (French).
    const [task] = await rows<{ title: string; email: string }>(
      `select t.title, u.email from task t join "user" u on u.id = t.assignee_id where t.deal_id = ? order by t.created_at desc limit 1`,
      [deal.id],
    );
    expect(task).toEqual({
      email: 'manager@mosprom.demo',
      title:
        'Nex-T LLC a corrigé « Écrans interactifs pour salles de consultation » : voir la confirmation de l’affaire',
    });

    // The mission report: the corrected value, confirmed; that deal at 100 %.
    const [{ mission_id: missionId }] = await rows<{ mission_id: string }>(
      'select source_mission_id as mission_id from deal where id = ?',
      [deal.id],
    );
    const [{ value }] = await rows<{ value: string }>(
      `select round(1400000.00 * (select er.rate from exchange_rate er join deal d on d.agency_id = er.agency_id
         where d.id = ? and er.currency = 'MAD' and er.valid_on <= d.closed_on order by er.valid_on desc limit 1), 2)::text as value`,
      [deal.id],
    );
    const reportAnswer = await server.gql<Report>(
      `query($id: ID!) {
          all: missionOutcome(missionId: $id) { valueWon { amount } confirmedOnly
            confirmation { wonDeals confirmed corrected disputed awaiting confirmationRatePercent confirmedValue { amount currency }
              additionality { yes laterOrSmaller no } averageHelpRating }
            exporters { exporter { name } won wonConfirmed confirmedValueWon { amount } confirmationRatePercent } }
          confirmed: missionOutcome(missionId: $id, confirmedOnly: true) { leads valueWon { amount currency } confirmedOnly }
        }`,
      { id: missionId },
      { cookie: analyst },
    );
    expect(reportAnswer.errors).toBeUndefined();
    const report = reportAnswer.data!;
    expect(report.confirmed).toEqual({ leads: 1, valueWon: { amount: value, currency: 'RUB' }, confirmedOnly: true });
    expect(report.all.confirmation).toMatchObject({
      confirmed: 1,
      corrected: 1,
      disputed: 0,
      awaiting: 0,
      confirmedValue: { amount: value, currency: 'RUB' },
      additionality: { yes: 0, laterOrSmaller: 1, no: 0 },
      averageHelpRating: 4,
    });
    expect(report.all.confirmation.confirmationRatePercent).toBe(
      Math.round((10_000 * 1) / report.all.confirmation.wonDeals) / 100,
    );
    const nexT = report.all.exporters.find((row) => row.exporter.name === 'Nex-T LLC');
    expect(nexT).toMatchObject({ wonConfirmed: 1, confirmedValueWon: { amount: value } });
    // That deal alone (exportValue filtered to its buyer): 100 % confirmed, at the corrected value.
    const [{ buyer_id: buyerId }] = await rows<{ buyer_id: string }>('select buyer_id from deal where id = ?', [
      deal.id,
    ]);
    const byBuyer = (
      await server.gql<ByBuyer>(
        `query($buyer: ID!) {
          exportValue(groupBy: [], from: "2000-01-01", to: "2099-12-31", filter: { buyerIds: [$buyer] }) {
            total { dealsWon } confirmation { wonDeals confirmed confirmationRatePercent recordedValue { amount } confirmedValue { amount } } }
          confirmedOnly: exportValue(groupBy: [], from: "2000-01-01", to: "2099-12-31", filter: { buyerIds: [$buyer] }, confirmedOnly: true) {
            total { dealsWon value { amount } } }
        }`,
        { buyer: buyerId },
        { cookie: analyst },
      )
    ).data!;
    expect(byBuyer.exportValue.confirmation).toMatchObject({ wonDeals: 1, confirmed: 1, confirmationRatePercent: 100 });
    expect(byBuyer.exportValue.confirmation.confirmedValue.amount).toBe(value);
    expect(byBuyer.confirmedOnly.total).toEqual({ dealsWon: 1, value: { amount: value } });

    // The same link refuses a second answer, and shows nothing any more.
    const again = await server.gql<Answered>(ANSWER, { input: { token, answer: 'RIGHT' } });
    expect(again.data?.answerDealConfirmation).toEqual({
      status: null,
      userErrors: [{ code: 'INVALID', field: ['input', 'token'], message: expect.stringMatching(/no longer works/) }],
    });
    expect((await server.gql<PublicPage>(PUBLIC, { token })).data?.dealConfirmationRequest).toBeNull();
    const audit = await rows<{ action: string; actor_id: string | null }>(
      `select action, actor_id from audit_event where entity = 'DealConfirmation' and entity_id = ? order by at`,
      [requested.confirmation.id],
    );
    expect(audit.map((event) => [event.action, event.actor_id === null])).toEqual([
      ['requestDealConfirmation', false],
      ['answerDealConfirmation', true],
    ]);
  });

  it('refuses what cannot be confirmed, and writes nothing', async () => {
    const open = await casablancaDeal("Écrans interactifs NexTouch pour le nouveau bâtiment de l'université");
    const [otherContact] = await rows<{ id: string }>(
      `select c.id from contact c join company co on co.id = c.company_id where co.name = 'Fish World' and c.email is not null limit 1`,
    );
    const won = await casablancaDeal('Distribution des écrans NexTouch au Maroc');
    const before = await counts();
    const refusals: [string, Record<string, unknown>, string][] = [
      [manager, { dealId: open.id }, 'INVALID'],
      [manager, { dealId: won.id, contactId: otherContact.id }, 'INVALID'],
      [asmex, { dealId: won.id }, 'NOT_FOUND'],
      [manager, { dealId: '0190a5b4-0000-7000-8000-000000000000' }, 'NOT_FOUND'],
    ];
    for (const [cookie, input, code] of refusals) {
      const answer = await server.gql<Requested>(REQUEST, { input }, { cookie });
      expect(
        answer.data?.requestDealConfirmation.userErrors.map((e) => e.code),
        JSON.stringify(input),
      ).toEqual([code]);
    }
    const forbidden = await server.gql<Requested>(REQUEST, { input: { dealId: won.id } }, { cookie: analyst });
    expect(forbidden.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await counts()).toEqual(before);
    // A public answer without a valid link, or a correction that corrects nothing, changes nothing either.
    const bad = await server.gql<Answered>(ANSWER, { input: { token: 'x'.repeat(43), answer: 'RIGHT' } });
    expect(bad.data?.answerDealConfirmation.userErrors[0].code).toBe('INVALID');
    expect(await counts()).toEqual(before);
  });

  it('reminds after 7 and 14 days with a new link (each works), replaces a request asked again, and expires at 21 days', async () => {
    const deal = await casablancaDeal('Distribution des écrans NexTouch au Maroc');
    const first = (await server.gql<Requested>(REQUEST, { input: { dealId: deal.id } }, { cookie: admin })).data!
      .requestDealConfirmation.confirmation;
    const address = first.contactEmail as string;
    const firstToken = await lastLinkTo(address);
    const sent = () =>
      rows<{ n: number }>('select count(*)::int as n from outbox_mail where to_address = ?', [address]);
    const mailsBefore = (await sent())[0].n;

    await server.app.mail.tick();
    expect((await sent())[0].n).toBe(mailsBefore);
    await rows(`update deal_confirmation set created_at = now() - interval '8 days' where id = ?`, [first.id]);
    await server.app.mail.tick();
    await server.app.mail.tick();
    expect((await sent())[0].n).toBe(mailsBefore + 1);
    const [reminder] = await rows<{ template: string; subject: string }>(
      'select template, subject from outbox_mail where to_address = ? order by created_at desc, id desc limit 1',
      [address],
    );
    expect(reminder).toEqual({ template: 'dealConfirmationReminder', subject: expect.stringMatching(/^Напоминание/) });
    const secondToken = await lastLinkTo(address);
    expect(secondToken).not.toBe(firstToken);
    for (const token of [firstToken, secondToken]) {
      expect((await server.gql<PublicPage>(PUBLIC, { token })).data?.dealConfirmationRequest?.dealTitle).toBe(
        'Distribution des écrans NexTouch au Maroc',
      );
    }
    await rows(`update deal_confirmation set created_at = now() - interval '15 days' where id = ?`, [first.id]);
    await server.app.mail.tick();
    await rows(`update deal_confirmation set created_at = now() - interval '20 days' where id = ?`, [first.id]);
    await server.app.mail.tick();
    expect((await sent())[0].n).toBe(mailsBefore + 2);
    const [{ reminders_sent: reminders }] = await rows<{ reminders_sent: number }>(
      'select reminders_sent from deal_confirmation where id = ?',
      [first.id],
    );
    expect(reminders).toBe(2);

    // Asked again: the waiting request is replaced, its links stop working.
    const again = (await server.gql<Requested>(REQUEST, { input: { dealId: deal.id } }, { cookie: manager })).data!
      .requestDealConfirmation;
    expect(again.userErrors).toEqual([]);
    const second = again.confirmation;
    expect((await server.gql<PublicPage>(PUBLIC, { token: firstToken })).data?.dealConfirmationRequest).toBeNull();
    const [replaced] = await rows<{ status: string; history: { note: string }[] }>(
      'select status, history from deal_confirmation where id = ?',
      [first.id],
    );
    expect(replaced.status).toBe('EXPIRED');
    expect(replaced.history.at(-1)?.note).toBe('replaced');

    // 21 days without an answer: expired, the link dead, the answer refused.
    const token = await lastLinkTo(address);
    await rows(`update deal_confirmation set expires_at = now() - interval '1 second' where id = ?`, [second.id]);
    expect((await server.gql<PublicPage>(PUBLIC, { token })).data?.dealConfirmationRequest).toBeNull();
    expect(
      (await server.gql<Answered>(ANSWER, { input: { token, answer: 'RIGHT' } })).data?.answerDealConfirmation
        .userErrors[0].code,
    ).toBe('INVALID');
    await server.app.mail.tick();
    const seen = (await server.gql<DealRead>(DEAL, { id: deal.id }, { cookie: manager })).data!.deal.confirmation;
    expect(seen.status).toBe('EXPIRED');
    expect(seen.history.at(-1)).toEqual({ status: 'EXPIRED', by: 'system', note: 'expired' });
  });

  it('limits the public page per address', async () => {
    let limited: { errors?: { extensions?: Record<string, unknown> }[] } | undefined;
    for (let i = 0; i < 40 && !limited; i++) {
      const answer = await server.gql<PublicPage>(PUBLIC, { token: `unknown-${i}` });
      if (answer.errors) limited = answer;
      else expect(answer.data?.dealConfirmationRequest).toBeNull();
    }
    expect(limited?.errors?.[0].extensions).toMatchObject({
      code: 'RATE_LIMITED',
      retryAfterSeconds: expect.toSatisfy((seconds: unknown) => typeof seconds === 'number' && seconds > 0),
    });
  });
});
