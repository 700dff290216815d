import type { EntityManager } from '@mikro-orm/postgresql';
import { onCommit } from '../../shared/mutation.js';
import { Agency } from '../agency/agency.entity.js';
import type { Locale } from '../user/user.enums.js';
import { type MailTemplate, renderMail } from './mail-templates.js';
import { OutboxMail } from './outbox-mail.entity.js';

export interface MailToWrite {
  agencyId: string;
  to: { address: string; name?: string | null };
  locale: Locale;
  template: MailTemplate;
  /** The template's values; `link` (absolute) is also listed in the mail's links. */
  view: Record<string, string>;
  createdBy?: string | null;
}

/** Absolute links start with the web app's public address (config.mail.publicUrl). */
let publicUrl = 'http://localhost:4000';

export function setPublicUrl(url: string): void {
  publicUrl = url.replace(/\/+$/, '');
}

/** An app path (`/confirm/…`) as the absolute link a mail carries. */
export function absoluteLink(path: string): string {
  return `${publicUrl}${path}`;
}

/** Wakes the dispatcher of this process after a commit that wrote mail (mail-dispatcher.ts). */
let wake: (() => void) | undefined;

export function onMailWritten(listener: (() => void) | undefined): void {
  wake = listener;
}

/**
 * Writes a mail to the outbox, in the caller's transaction (`em` is the mutation's): it is sent
 * after the commit, never for a change rolled back. Rendered now, in its reader's language.
 */
export function writeMail(em: EntityManager, mail: MailToWrite): OutboxMail {
  const rendered = renderMail(mail.template, mail.locale, mail.view);
  const row = em.create(OutboxMail, {
    agency: em.getReference(Agency, mail.agencyId),
    toAddress: mail.to.address,
    toName: mail.to.name ?? null,
    template: mail.template,
    locale: mail.locale,
    subject: rendered.subject,
    textBody: rendered.text,
    htmlBody: rendered.html,
    links: mail.view.link ? [mail.view.link] : [],
    createdBy: mail.createdBy ?? null,
  });
  // After the commit, the dispatcher looks at once rather than at its next round.
  onCommit(em, () => wake?.());
  return row;
}
