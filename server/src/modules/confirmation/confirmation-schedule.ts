import type { EntityManager } from '@mikro-orm/postgresql';
import { agencyEm, crossAgencyEm } from '../../db/agency-scope.js';
import { agencyQuery, crossAgencyQuery, sql } from '../../shared/sql.js';
import { Agency } from '../agency/agency.entity.js';
import { recordAudit } from '../audit/audit.service.js';
import { randomSecret, sha256 } from '../auth/tokens.js';
import type { Company } from '../company/company.entity.js';
import type { Deal } from '../deal/deal.entity.js';
import type { User } from '../user/user.entity.js';
import { REMINDER_DAYS, writeConfirmationMail } from './confirmation.service.js';
import { ConfirmationStatus, DealConfirmation } from './deal-confirmation.entity.js';

/**
 * What happens to confirmations with time, run by the mail dispatcher's rounds in every server
 * process (modules/mail/mail-dispatcher.ts): a reminder with a new link after 7 and after 14 days
 * without an answer, and EXPIRED at 21 days. Each change is a conditional update that one process
 * alone can win, so two processes never send the same reminder.
 */
const WHY = 'the schedule looks at every agency’s confirmations; each change is then made in its own agency';
/** Confirmations handled per round. */
const BATCH = 50;

const systemStep = (status: ConfirmationStatus, note: string) =>
  JSON.stringify([{ status, at: new Date(), by: 'system', note }]);

export async function expireConfirmations(rootEm: EntityManager): Promise<number> {
  // Across agencies: the audit rows of every agency's expired confirmations are written in one transaction.
  return crossAgencyEm(rootEm).transactional(async (em) => {
    const expired = await crossAgencyQuery<{ id: string; agency_id: string }>(
      em,
      sql`update deal_confirmation set status = 'EXPIRED', updated_at = now(),
          history = history || ${systemStep(ConfirmationStatus.EXPIRED, 'expired')}::jsonb
        where status = 'REQUESTED' and expires_at <= now() returning id, agency_id`,
      WHY,
    );
    for (const row of expired) {
      recordAudit(
        em,
        {},
        {
          agencyId: row.agency_id,
          action: 'expireDealConfirmation',
          entity: 'DealConfirmation',
          entityId: row.id,
          before: { status: ConfirmationStatus.REQUESTED },
          after: { status: ConfirmationStatus.EXPIRED },
        },
      );
    }
    return expired.length;
  });
}

export async function sendReminders(rootEm: EntityManager): Promise<number> {
  const due = await crossAgencyQuery<{ id: string; agency_id: string; reminders_sent: number }>(
    rootEm.fork(),
    sql`select c.id, c.agency_id, c.reminders_sent from deal_confirmation c
      where c.status = 'REQUESTED' and c.expires_at > now() and c.reminders_sent < ${REMINDER_DAYS.length}
        and c.created_at + make_interval(days => (${`{${REMINDER_DAYS.join(',')}}`}::int[])[c.reminders_sent + 1]) <= now()
      order by c.created_at limit ${BATCH}`,
    WHY,
  );
  let sent = 0;
  for (const row of due) {
    const em = agencyEm(rootEm.fork(), row.agency_id);
    sent += await em.transactional(async (tx) => {
      const token = randomSecret();
      const claimed = await agencyQuery<{ id: string }>(
        tx,
        (agencyId) => sql`update deal_confirmation set reminders_sent = reminders_sent + 1, updated_at = now(),
            token_hashes = token_hashes || array[${sha256(token)}]::text[],
            history = history || ${systemStep(ConfirmationStatus.REQUESTED, 'reminded')}::jsonb
          where agency_id = ${agencyId} and id = ${row.id} and status = 'REQUESTED' and reminders_sent = ${row.reminders_sent}
          returning id`,
      );
      if (claimed.length === 0) return 0;
      const confirmation = await tx.findOneOrFail(DealConfirmation, row.id, {
        populate: ['deal', 'deal.exporter', 'requestedBy'],
      });
      const deal = confirmation.deal as Deal;
      writeConfirmationMail(
        tx,
        confirmation,
        {
          deal,
          exporter: deal.exporter as Company,
          agency: await tx.findOneOrFail(Agency, row.agency_id),
          requester: confirmation.requestedBy as User,
        },
        token,
        'dealConfirmationReminder',
      );
      return 1;
    });
  }
  return sent;
}

/** One round: reminders first (a confirmation about to expire gets none), then expiry. */
export async function runConfirmationSchedule(rootEm: EntityManager): Promise<void> {
  await sendReminders(rootEm);
  await expireConfirmations(rootEm);
}
