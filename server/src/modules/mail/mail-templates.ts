import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Mustache from 'mustache';
import { repoRoot } from '../../config.js';
import type { Locale } from '../user/user.enums.js';

/**
 * The mail templates are files (server/mail-templates/<name>.<locale>.txt and .html, beside a
 * shared layout.html), written by people, in Mustache: `{{value}}`. A .txt file starts with its
 * headers (`Subject:`, `Button:`, the label of the HTML part's link button), a blank line, then the
 * plain-text part; the .html file is the body of the HTML part, in the layout. Values are escaped
 * in the HTML part and left as they are in the text part.
 */
export type MailTemplate = 'invitation' | 'passwordReset' | 'dealConfirmation' | 'dealConfirmationReminder';

export const MAIL_TEMPLATES: MailTemplate[] = [
  'invitation',
  'passwordReset',
  'dealConfirmation',
  'dealConfirmationReminder',
];

export const TEMPLATE_DIR = join(repoRoot, 'server/mail-templates');

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

const files = new Map<string, string>();

function file(name: string): string {
  let text = files.get(name);
  if (text === undefined) {
    text = readFileSync(join(TEMPLATE_DIR, name), 'utf8');
    files.set(name, text);
  }
  return text;
}

const asIs = { escape: (value: unknown) => String(value) };
/** HTML escaping of what HTML needs (Mustache's own also escapes `/` and `=`, which garbles links). */
const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const html = { escape: (value: unknown) => String(value).replace(/[&<>"']/g, (char) => HTML_ENTITIES[char]) };

/** The mail of `template` in `locale`, with `view`'s values (every value a string). */
export function renderMail(template: MailTemplate, locale: Locale, view: Record<string, string>): RenderedMail {
  const source = file(`${template}.${locale}.txt`);
  const split = source.indexOf('\n\n');
  const headers = new Map(
    source
      .slice(0, split)
      .split('\n')
      .map((line) => [line.slice(0, line.indexOf(':')).trim(), line.slice(line.indexOf(':') + 1).trim()]),
  );
  const subject = headers.get('Subject');
  if (!subject) throw new Error(`${template}.${locale}.txt has no Subject: header`);
  const values = { ...view, linkLabel: Mustache.render(headers.get('Button') ?? '', view, {}, asIs) };
  const renderedSubject = Mustache.render(subject, values, {}, asIs).replace(/\s+/g, ' ').slice(0, 300);
  const content = Mustache.render(file(`${template}.${locale}.html`), values, {}, html);
  return {
    subject: renderedSubject,
    text: Mustache.render(source.slice(split + 2), values, {}, asIs),
    html: Mustache.render(file('layout.html'), { locale, subject: renderedSubject, content }, {}, html),
  };
}

/** A day (YYYY-MM-DD) or an instant, as people of that language write a date. */
export function longDate(value: string | Date, locale: Locale): string {
  const date = typeof value === 'string' ? new Date(`${value}T00:00:00Z`) : value;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

/** An amount in a currency, as people of that language write it. */
export function moneyText(amount: string | null | undefined, currency: string, locale: Locale): string {
  if (amount == null) return '—';
  return new Intl.NumberFormat(locale, { style: 'currency', currency: currency.trim() }).format(Number(amount));
}
