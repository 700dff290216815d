import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Locale } from '../user/user.enums.js';
import { longDate, MAIL_TEMPLATES, moneyText, renderMail, TEMPLATE_DIR } from './mail-templates.js';

/** Every value any template uses, with characters HTML must escape. */
const VIEW = {
  fullName: 'Anna <Petrova>',
  agencyName: 'Mosprom & Co',
  contactName: 'Иван Петров',
  exporterName: 'Nex-T LLC',
  dealTitle: 'Écrans "NexTouch"',
  amount: '1 250 000,00 MAD',
  closedOn: '17 février 2026',
  expiresAt: '12 décembre 2026',
  expiresOn: '26 décembre 2026',
  requesterName: 'Maria',
  link: 'https://crm.example.org/x/token?a=1&b=2',
};

describe('mail templates', () => {
  it('are files: one text and one HTML file per template and language, and nothing else', () => {
    const expected = MAIL_TEMPLATES.flatMap((template) =>
      Object.values(Locale).flatMap((locale) => [`${template}.${locale}.html`, `${template}.${locale}.txt`]),
    );
    expect(readdirSync(TEMPLATE_DIR).sort()).toEqual([...expected, 'layout.html'].sort());
  });

  it('render a subject, a text part with the link as is, and an HTML part with the values escaped', () => {
    for (const template of MAIL_TEMPLATES) {
      for (const locale of Object.values(Locale)) {
        const mail = renderMail(template, locale, VIEW);
        const what = `${template}.${locale}`;
        expect(mail.subject, what).not.toMatch(/\{\{|\}\}/);
        expect(mail.subject.length, what).toBeGreaterThan(5);
        expect(mail.text, what).toContain(VIEW.link);
        expect(mail.text, what).not.toMatch(/\{\{|\}\}|&amp;|&lt;/);
        expect(mail.html, what).toContain('href="https://crm.example.org/x/token?a=1&amp;b=2"');
        expect(mail.html, what).toContain(`<html lang="${locale}">`);
        expect(mail.html, what).not.toContain('<Petrova>');
        expect(mail.html, what).not.toMatch(/\{\{|\}\}/);
      }
    }
    expect(renderMail('dealConfirmation', Locale.ru, VIEW).subject).toBe(
      'Mosprom & Co просит подтвердить контракт: Écrans "NexTouch"',
    );
  });

  it('write dates and money as people of each language do', () => {
    expect(longDate('2026-02-17', Locale.fr)).toBe('17 février 2026');
    expect(longDate('2026-02-17', Locale.en)).toBe('February 17, 2026');
    expect(longDate('2026-02-17', Locale.ru)).toBe('17 февраля 2026 г.');
    expect(moneyText('1250000.00', 'MAD', Locale.en)).toMatch(/^MAD\s1,250,000\.00$/);
    expect(moneyText(null, 'EUR', Locale.fr)).toBe('—');
  });
});
