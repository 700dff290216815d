import type { EntityManager } from '@mikro-orm/postgresql';
import { agencyEm } from '../../db/agency-scope.js';
import type { Context } from '../../graphql/context.js';
import { msg, render } from '../../shared/messages/index.js';
import { money } from '../../shared/money.js';
import { type Payload, refuse, runMutation } from '../../shared/mutation.js';
import { agencyQuery, crossAgencyQuery, sql } from '../../shared/sql.js';
import { UserErrorCode, userError } from '../../shared/user-error.js';
import { validateInput } from '../../shared/validation.js';
import { Agency } from '../agency/agency.entity.js';
import { localeOfCountry } from '../agency/agency.locale.js';
import { recordAudit } from '../audit/audit.service.js';
import { randomSecret, sha256 } from '../auth/tokens.js';
import { Company } from '../company/company.entity.js';
import { Contact } from '../contact/contact.entity.js';
import { Deal } from '../deal/deal.entity.js';
import { today } from '../exchange-rate/conversion.js';
import { longDate, moneyText } from '../mail/mail-templates.js';
import { absoluteLink, writeMail } from '../mail/outbox.js';
import { StageCategory } from '../pipeline/pipeline.enums.js';
import { Task } from '../task/task.entity.js';
import { User } from '../user/user.entity.js';
import { Locale } from '../user/user.enums.js';
import {
  type AnswerDealConfirmationInput,
  ConfirmationAnswer,
  PublicDealConfirmation,
  type RequestDealConfirmationInput,
} from './confirmation.types.js';
import { ConfirmationStatus, type ConfirmationStep, DealConfirmation } from './deal-confirmation.entity.js';

/** A link works this long; reminders go after these many days without an answer. */
export const CONFIRMATION_DAYS = 21;
export const REMINDER_DAYS = [7, 14];
/** The public page of a link, on the web app. */
export const CONFIRM_PATH = '/confirm/';

/** The contact's language: the first of theirs we write (fr, en, ru), else their company's country's. */
export function contactLocale(languages: string[], country: string): Locale {
  for (const language of languages) {
    const code = language.toLowerCase().slice(0, 2);
    if (code === 'fr' || code === 'en' || code === 'ru') return code as Locale;
  }
  return localeOfCountry(country);
}

const step = (status: ConfirmationStatus, by: string, note: string): ConfirmationStep => ({
  status,
  at: new Date(),
  by,
  note,
});

/** The mail of a confirmation (the request's or a reminder's), with its own link. */
export function writeConfirmationMail(
  em: EntityManager,
  confirmation: DealConfirmation,
  context: { deal: Deal; exporter: Company; agency: Agency; requester: User },
  token: string,
  template: 'dealConfirmation' | 'dealConfirmationReminder',
): void {
  const { locale } = confirmation;
  writeMail(em, {
    agencyId: context.agency.id,
    to: { address: confirmation.contactEmail, name: confirmation.contactName },
    locale,
    template,
    view: {
      contactName: confirmation.contactName,
      agencyName: context.agency.name,
      exporterName: context.exporter.name,
      dealTitle: context.deal.title,
      amount: moneyText(confirmation.recordedAmount, confirmation.recordedCurrency, locale),
      closedOn: confirmation.recordedClosedOn ? longDate(confirmation.recordedClosedOn, locale) : '—',
      expiresOn: longDate(confirmation.expiresAt, locale),
      requesterName: context.requester.fullName,
      link: absoluteLink(`${CONFIRM_PATH}${token}`),
    },
    createdBy: context.requester.id,
  });
}

/**
 * Asks the exporter's contact to confirm a won deal: a confirmation REQUESTED with a new link
 * (21 days), mailed in the contact's language; a confirmation still waiting for this deal is
 * replaced (EXPIRED, its links stop working).
 */
export async function requestDealConfirmation(
  em: EntityManager,
  ctx: Context,
  input: RequestDealConfirmationInput,
): Promise<{ confirmation: DealConfirmation; deal: Deal }> {
  const deal = await em.findOne(Deal, input.dealId, { populate: ['stage', 'exporter'] });
  if (!deal) refuse(UserErrorCode.NOT_FOUND, msg('noSuchDeal'), ['input', 'dealId']);
  if (deal.stage.category !== StageCategory.WON)
    refuse(UserErrorCode.INVALID, msg('confirmWonOnly'), ['input', 'dealId']);
  const exporter = deal.exporter as Company;
  let contact: Contact | null;
  if (input.contactId) {
    contact = await em.findOne(Contact, {
      id: input.contactId,
      company: exporter.id,
      mergedInto: null,
      email: { $ne: null },
    });
    if (!contact) refuse(UserErrorCode.INVALID, msg('confirmContactNotExporter'), ['input', 'contactId']);
  } else {
    contact = await em.findOne(
      Contact,
      { company: exporter.id, mergedInto: null, email: { $ne: null } },
      { orderBy: { createdAt: 'asc', id: 'asc' } },
    );
    if (!contact) refuse(UserErrorCode.INVALID, msg('confirmNoContact'), ['input', 'contactId']);
  }
  const requester = await em.findOneOrFail(User, ctx.viewer!.userId);
  const agency = await em.findOneOrFail(Agency, ctx.viewer!.agencyId);

  // The one waiting for this deal, if any, is replaced: written now, before the new one (one REQUESTED per deal).
  const replaced = await agencyQuery<{ id: string }>(
    em,
    (agencyId) => sql`update deal_confirmation set status = 'EXPIRED', updated_at = now(),
        history = history || ${JSON.stringify([step(ConfirmationStatus.EXPIRED, requester.fullName, 'replaced')])}::jsonb
      where agency_id = ${agencyId} and deal_id = ${deal.id} and status = 'REQUESTED' returning id`,
  );
  for (const { id } of replaced) {
    recordAudit(em, ctx, {
      action: 'replaceDealConfirmation',
      entity: 'DealConfirmation',
      entityId: id,
      before: { status: ConfirmationStatus.REQUESTED },
      after: { status: ConfirmationStatus.EXPIRED },
    });
  }

  const token = randomSecret();
  const confirmation = em.create(DealConfirmation, {
    agency: agency.id,
    deal,
    contact,
    contactEmail: contact.email!,
    contactName: contact.fullName,
    locale: contactLocale(contact.languages, exporter.country),
    requestedBy: requester,
    tokenHashes: [sha256(token)],
    expiresAt: new Date(Date.now() + CONFIRMATION_DAYS * 86_400_000),
    recordedAmount: deal.amount ?? null,
    recordedCurrency: deal.currency,
    recordedClosedOn: deal.closedOn ?? null,
    history: [step(ConfirmationStatus.REQUESTED, requester.fullName, 'requested')],
  });
  writeConfirmationMail(em, confirmation, { deal, exporter, agency, requester }, token, 'dealConfirmation');
  recordAudit(em, ctx, {
    action: 'requestDealConfirmation',
    entity: 'DealConfirmation',
    entityId: confirmation.id,
    after: {
      deal: deal.id,
      contact: contact.id,
      email: confirmation.contactEmail,
      locale: confirmation.locale,
      status: ConfirmationStatus.REQUESTED,
      expiresAt: confirmation.expiresAt,
    },
  });
  return { confirmation, deal };
}

interface LinkRow {
  id: string;
  agency_id: string;
  requested_by_id: string;
}

/** The confirmation a token opens, across agencies (its reader is anonymous): null when unknown, answered or expired. */
async function findOpen(rootEm: EntityManager, token: string, lock = false): Promise<LinkRow | null> {
  if (token.length === 0 || token.length > 200) return null;
  const rows = await crossAgencyQuery<LinkRow>(
    rootEm,
    sql`select c.id, c.agency_id, c.requested_by_id from deal_confirmation c
      where c.token_hashes @> array[${sha256(token)}]::text[] and c.status = 'REQUESTED' and c.expires_at > now()
      ${lock ? sql`for update of c` : sql``}`,
    'the link is found by its secret token before anyone, and so any agency, is known',
  );
  return rows[0] ?? null;
}

/** For the public page: the one deal, as recorded, in the contact's language; null when the link does not work. */
export async function describeConfirmation(
  rootEm: EntityManager,
  token: string,
): Promise<PublicDealConfirmation | null> {
  const link = await findOpen(rootEm, token);
  if (!link) return null;
  const em = agencyEm(rootEm, link.agency_id);
  const confirmation = await em.findOneOrFail(DealConfirmation, link.id, { populate: ['deal', 'deal.exporter'] });
  const agency = await em.findOneOrFail(Agency, link.agency_id);
  const deal = confirmation.deal as Deal;
  return Object.assign(new PublicDealConfirmation(), {
    locale: confirmation.locale,
    agencyName: agency.name,
    exporterName: (deal.exporter as Company).name,
    contactName: confirmation.contactName,
    dealTitle: deal.title,
    recordedValue: money(confirmation.recordedAmount, confirmation.recordedCurrency.trim()),
    recordedClosedOn: confirmation.recordedClosedOn ?? null,
    destinationCountry: deal.destinationCountry ?? null,
    expiresAt: confirmation.expiresAt,
  });
}

const STATUS_OF: Record<ConfirmationAnswer, ConfirmationStatus> = {
  [ConfirmationAnswer.RIGHT]: ConfirmationStatus.CONFIRMED,
  [ConfirmationAnswer.CORRECTED]: ConfirmationStatus.CORRECTED,
  [ConfirmationAnswer.DID_NOT_HAPPEN]: ConfirmationStatus.DISPUTED,
};

const ANSWER_WORD = {
  [ConfirmationStatus.CONFIRMED]: msg('confirmAnswerConfirmed'),
  [ConfirmationStatus.CORRECTED]: msg('confirmAnswerCorrected'),
  [ConfirmationStatus.DISPUTED]: msg('confirmAnswerDisputed'),
} as Record<ConfirmationStatus, ReturnType<typeof msg>>;

/**
 * The exporter's answer: once per confirmation (the row is locked and must still be REQUESTED and
 * not expired), in the confirmation's agency, by no user (the audit's actor is empty). Its
 * requester gets a task, in their language, to read it.
 */
export async function answerDealConfirmation(
  ctx: Context,
  input: AnswerDealConfirmationInput,
): Promise<Payload<Partial<{ status: ConfirmationStatus }>>> {
  const errors = await validateInput(input);
  if (errors.length > 0) return { userErrors: errors };
  const invalid = { userErrors: [userError(UserErrorCode.INVALID, msg('confirmLinkInvalid'), ['input', 'token'])] };
  const found = await findOpen(ctx.rootEm, input.token);
  if (!found) return invalid;
  const status = STATUS_OF[input.answer];
  const scoped: Context = {
    ...ctx,
    em: agencyEm(ctx.rootEm, found.agency_id),
    viewer: undefined,
  };
  return runMutation(scoped, undefined, async (em) => {
    const link = await findOpen(em, input.token, true);
    if (!link || link.id !== found.id) refuse(UserErrorCode.INVALID, msg('confirmLinkInvalid'), ['input', 'token']);
    const confirmation = await em.findOneOrFail(DealConfirmation, link.id, { populate: ['deal', 'deal.exporter'] });
    let amount = confirmation.recordedAmount ?? null;
    let currency: string | null = confirmation.recordedCurrency;
    let closedOn = confirmation.recordedClosedOn ?? null;
    if (status === ConfirmationStatus.CORRECTED) {
      const changed =
        (input.amount != null && input.amount !== amount) ||
        (input.currency != null && input.currency.toUpperCase() !== currency.trim()) ||
        (input.closedOn != null && input.closedOn !== closedOn);
      if (!changed) refuse(UserErrorCode.INVALID, msg('confirmCorrectionNeeded'), ['input', 'amount']);
      if (input.closedOn && input.closedOn > today())
        refuse(UserErrorCode.INVALID, msg('confirmSignedInFuture'), ['input', 'closedOn']);
      amount = input.amount ?? amount;
      currency = input.currency?.toUpperCase() ?? currency;
      closedOn = input.closedOn ?? closedOn;
    }
    if (status === ConfirmationStatus.DISPUTED) {
      amount = null;
      currency = null;
      closedOn = null;
    }
    const before = { status: confirmation.status };
    Object.assign(confirmation, {
      status,
      answeredAt: new Date(),
      confirmedAmount: amount,
      confirmedCurrency: currency,
      confirmedClosedOn: closedOn,
      helpRating: input.helpRating ?? null,
      additionality: input.additionality ?? null,
      caseStudyAllowed: input.caseStudyAllowed ?? null,
      comment: input.comment?.trim() || null,
      history: [...confirmation.history, step(status, 'exporter', 'answered')],
    });
    const requester = await em.findOneOrFail(User, link.requested_by_id);
    const deal = confirmation.deal as Deal;
    em.create(Task, {
      agency: link.agency_id,
      title: render(
        msg('confirmAnsweredTask', {
          exporter: (deal.exporter as Company).name,
          deal: deal.title,
          answer: render(ANSWER_WORD[status], requester.locale),
        }),
        requester.locale,
      ).slice(0, 300),
      dueOn: today(),
      assignee: requester,
      deal,
    });
    // No user answered: the audit's actor is empty, the answer is the exporter's.
    recordAudit(em, scoped, {
      agencyId: link.agency_id,
      action: 'answerDealConfirmation',
      entity: 'DealConfirmation',
      entityId: confirmation.id,
      before,
      after: {
        status,
        confirmedAmount: amount,
        confirmedCurrency: currency,
        confirmedClosedOn: closedOn,
        helpRating: confirmation.helpRating,
        additionality: confirmation.additionality,
        caseStudyAllowed: confirmation.caseStudyAllowed,
      },
    });
    return { status };
  });
}
