import type { EntityManager } from '@mikro-orm/postgresql';
import { createTransport, type Transporter } from 'nodemailer';
import type { Logger } from '../../log/logger.js';
import { crossAgencyQuery, sql } from '../../shared/sql.js';
import { onMailWritten } from './outbox.js';

/**
 * Sends the outbox (outbox.ts) through SMTP (nodemailer), from every server process at once
 * without sending a mail twice: a round claims due mail with `for update skip locked` and marks it
 * SENDING until `CLAIM_MINUTES` from now, in a short transaction of its own; sends it outside any
 * transaction; then marks it SENT, or PENDING again after a growing delay, or FAILED after
 * MAX_ATTEMPTS. A process that dies while sending leaves its claim to lapse: that mail is tried
 * again (at least once, never lost). Without an SMTP server nothing is sent: mail waits in the
 * outbox, where admins read it.
 */
export const MAX_ATTEMPTS = 8;
const CLAIM_MINUTES = 5;
/** Mails per round and process. */
const BATCH = 20;

/** The delay before attempt n+1 (n ≥ 1): base, 2×base, 4×base … (1, 2, 4 … minutes by default), at most 2 hours. */
export function retryDelaySeconds(attempts: number, baseSeconds = 60): number {
  return Math.min(baseSeconds * 2 ** (attempts - 1), 7_200);
}

export interface MailDispatcherOptions {
  rootEm: EntityManager;
  smtpUrl: string | undefined;
  /** The sender of agencies that have set none. */
  from: string;
  pollMs: number;
  /** The first retry's delay (config.mail.retrySeconds). */
  retrySeconds: number;
  log: Logger;
  /** Other work done each round (confirmation reminders and expiry). */
  eachRound?: () => Promise<void>;
}

interface ClaimedMail {
  id: string;
  to_address: string;
  to_name: string | null;
  subject: string;
  text_body: string;
  html_body: string;
  attempts: number;
  mail_from: string | null;
}

export class MailDispatcher {
  private readonly transport: Transporter | undefined;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private scheduleToo = false;
  private closed = false;

  constructor(private readonly options: MailDispatcherOptions) {
    this.transport = options.smtpUrl ? createTransport(options.smtpUrl) : undefined;
  }

  /** Rounds every `pollMs` from now on, the first at once; with `pollMs` 0, only when nudged or ticked (tests). */
  start(): void {
    onMailWritten(() => this.nudge());
    if (this.options.pollMs > 0) {
      this.schedule();
      this.nudge(true);
    }
  }

  /** A round now (or right after the one running): sends what is due; `withSchedule` also runs `eachRound`. */
  nudge(withSchedule = false): void {
    if (this.closed) return;
    this.scheduleToo ||= withSchedule;
    if (this.running) {
      this.again = true;
      return;
    }
    const scheduled = this.scheduleToo;
    this.scheduleToo = false;
    this.running = this.round(scheduled).finally(() => {
      this.running = undefined;
      if (this.again) {
        this.again = false;
        this.nudge();
      }
    });
  }

  /** A whole round (the schedule, then sending), awaited (tests). */
  async tick(): Promise<void> {
    await this.idle();
    this.nudge(true);
    await this.idle();
  }

  /** Resolves when no round is running (tests). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    onMailWritten(undefined);
    await this.idle();
    this.transport?.close();
  }

  private schedule(): void {
    this.timer = setTimeout(() => {
      this.nudge(true);
      this.schedule();
    }, this.options.pollMs);
    this.timer.unref();
  }

  private async round(withSchedule: boolean): Promise<void> {
    try {
      if (withSchedule) await this.options.eachRound?.();
      if (!this.transport) return;
      for (let claimed = await this.claim(); claimed.length > 0; claimed = await this.claim()) {
        for (const mail of claimed) await this.send(mail);
        if (this.closed) return;
      }
    } catch (error) {
      this.options.log.warn({ err: error }, 'Outgoing mail: a round failed; the next one tries again');
    }
  }

  private claim(): Promise<ClaimedMail[]> {
    return crossAgencyQuery<ClaimedMail>(
      this.options.rootEm.fork(),
      sql`update outbox_mail o set status = 'SENDING', attempts = o.attempts + 1,
          next_attempt_at = now() + make_interval(mins => ${CLAIM_MINUTES}), updated_at = now()
        from (
          select m.id from outbox_mail m
          where m.status in ('PENDING', 'SENDING') and m.next_attempt_at <= now()
          order by m.next_attempt_at, m.id limit ${BATCH} for update skip locked
        ) due, agency a
        where o.id = due.id and a.id = o.agency_id
        returning o.id, o.to_address, o.to_name, o.subject, o.text_body, o.html_body, o.attempts, a.mail_from`,
      'the dispatcher sends every agency’s mail; each row carries its agency and is only updated by id',
    );
  }

  private async send(mail: ClaimedMail): Promise<void> {
    const em = this.options.rootEm.fork();
    try {
      await this.transport!.sendMail({
        from: mail.mail_from ?? this.options.from,
        to: mail.to_name ? { name: mail.to_name, address: mail.to_address } : mail.to_address,
        subject: mail.subject,
        text: mail.text_body,
        html: mail.html_body,
      });
      await crossAgencyQuery(
        em,
        sql`update outbox_mail set status = 'SENT', sent_at = now(), last_error = null, updated_at = now() where id = ${mail.id}`,
        'the dispatcher marks the mail it claimed by its id',
      );
    } catch (error) {
      const failed = mail.attempts >= MAX_ATTEMPTS;
      const message = String((error as Error).message ?? error).slice(0, 1_000);
      this.options.log.warn(
        { mailId: mail.id, attempts: mail.attempts, err: message },
        failed ? 'Outgoing mail: refused too many times, given up' : 'Outgoing mail: refused, tried again later',
      );
      await crossAgencyQuery(
        em,
        sql`update outbox_mail set status = ${failed ? 'FAILED' : 'PENDING'}, last_error = ${message},
            next_attempt_at = now() + make_interval(secs => ${retryDelaySeconds(mail.attempts, this.options.retrySeconds)}), updated_at = now()
          where id = ${mail.id}`,
        'the dispatcher marks the mail it claimed by its id',
      );
    }
  }
}
