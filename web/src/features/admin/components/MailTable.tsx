import type { FragmentType } from '@apollo/client';
import { useFragment } from '@apollo/client/react';
import { Fragment, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../../components/ui/Badge';
import { classNames } from '../../../components/ui/classNames';
import { graphql } from '../../../gql';
import type { MailTable_MailFragment } from '../../../gql/graphql';
import { fragmentRows } from '../../../lib/apollo/fragmentRows';
import { useFormat } from '../../../lib/i18n/useFormat';
import { mailStatusTone } from '../../../lib/status/tones';

export const MailTableFragment = graphql(`
  fragment MailTable_mail on OutboxMail {
    id
    createdAt
    toAddress
    toName
    template
    locale
    subject
    textBody
    links
    status
    attempts
    lastError
    sentAt
  }
`);

/** The templates the server writes mail with; another is shown by its code. */
const TEMPLATES = ['invitation', 'passwordReset', 'dealConfirmation', 'dealConfirmationReminder'] as const;
type Template = (typeof TEMPLATES)[number];
const isTemplate = (template: string): template is Template => TEMPLATES.some((known) => known === template);

export interface MailTableProps {
  mails: readonly FragmentType<typeof MailTableFragment>[];
  busy?: boolean;
  empty: ReactNode;
}

const COLUMNS = 9;

/** The outgoing mail, newest first; a mail's subject opens its text and links below it. */
export function MailTable({ mails, busy, empty }: MailTableProps) {
  const { t } = useTranslation('admin');
  const { t: tc } = useTranslation();
  const { formatDate, formatNumber } = useFormat();
  const { data } = useFragment({ fragment: MailTableFragment, from: [...mails] });
  const rows = fragmentRows<MailTable_MailFragment>(data);
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());

  function toggle(id: string) {
    setOpen((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }

  const when = (value: string) => (
    <time dateTime={value}>{formatDate(value, { dateStyle: 'medium', timeStyle: 'short' })}</time>
  );
  const secondary = 'ui-table__cell--secondary';

  return (
    <div className={classNames('ui-table-wrap', busy && 'ui-table-wrap--busy')} aria-busy={busy || undefined}>
      <table className="ui-table mail-table">
        <caption className="ui-visually-hidden">{t('mail.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('mail.columns.createdAt')}</th>
            <th scope="col">{t('mail.columns.to')}</th>
            <th scope="col">{t('mail.columns.subject')}</th>
            <th scope="col" className={secondary}>
              {t('mail.columns.template')}
            </th>
            <th scope="col" className={secondary}>
              {t('mail.columns.language')}
            </th>
            <th scope="col">{t('mail.columns.status')}</th>
            <th scope="col" className={classNames('ui-table__cell--end', secondary)}>
              {t('mail.columns.attempts')}
            </th>
            <th scope="col">{t('mail.columns.lastError')}</th>
            <th scope="col" className="ui-table__cell--end">
              <span className="ui-visually-hidden">{t('mail.columns.details')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={COLUMNS}>{empty}</td>
            </tr>
          ) : (
            rows.map((mail) => {
              const expanded = open.has(mail.id);
              const detailsId = `mail-${mail.id}`;
              return (
                <Fragment key={mail.id}>
                  <tr className={classNames(expanded && 'mail-table__row--open')}>
                    <td className="mail-table__time">{when(mail.createdAt)}</td>
                    <td>
                      {mail.toName && <span className="mail-table__name">{mail.toName} </span>}
                      <span className="admin-muted mail-table__address">{mail.toAddress}</span>
                    </td>
                    <td className="mail-table__subject">{mail.subject}</td>
                    <td className={secondary}>
                      {isTemplate(mail.template) ? t(`mail.templates.${mail.template}`) : mail.template}
                    </td>
                    <td className={secondary}>{tc(`language.${mail.locale}`)}</td>
                    <td>
                      <Badge tone={mailStatusTone[mail.status]}>{t(`mail.status.${mail.status}`)}</Badge>
                    </td>
                    <td className={classNames('ui-table__cell--end', secondary)}>{formatNumber(mail.attempts)}</td>
                    <td className="mail-table__error">
                      {mail.lastError ? (
                        <span title={mail.lastError}>{mail.lastError}</span>
                      ) : (
                        <span className="admin-muted">{tc('common.unknown')}</span>
                      )}
                    </td>
                    <td className="ui-table__cell--end">
                      <button
                        type="button"
                        className="ui-button ui-button--ghost ui-button--small"
                        aria-expanded={expanded}
                        aria-controls={expanded ? detailsId : undefined}
                        aria-label={t(expanded ? 'mail.hide' : 'mail.show', { subject: mail.subject })}
                        onClick={() => toggle(mail.id)}
                      >
                        {expanded ? t('mail.hideShort') : t('mail.showShort')}
                      </button>
                    </td>
                  </tr>
                  {expanded && (
                    <tr id={detailsId} className="mail-table__details">
                      <td colSpan={COLUMNS}>
                        <div className="mail-details">
                          <p className="ui-note">
                            {mail.sentAt ? (
                              <>
                                {t('mail.sentAt')} {when(mail.sentAt)}
                              </>
                            ) : (
                              t(`mail.notSent.${mail.status}`)
                            )}
                          </p>
                          {mail.lastError && (
                            <p className="mail-details__error">
                              {t('mail.columns.lastError')}: {mail.lastError}
                            </p>
                          )}
                          <section aria-label={t('mail.links', { subject: mail.subject })}>
                            <h3 className="mail-details__title">{t('mail.linksTitle')}</h3>
                            {mail.links.length === 0 ? (
                              <p className="ui-note">{t('mail.noLinks')}</p>
                            ) : (
                              <ul className="ui-plain-list mail-details__links">
                                {mail.links.map((link) => (
                                  <li key={link}>
                                    <a href={link} target="_blank" rel="noopener noreferrer">
                                      {link}
                                    </a>
                                  </li>
                                ))}
                              </ul>
                            )}
                          </section>
                          <section aria-label={t('mail.body', { subject: mail.subject })}>
                            <h3 className="mail-details__title">{t('mail.bodyTitle')}</h3>
                            <pre className="mail-details__body">{mail.textBody}</pre>
                          </section>
                        </div>
                      </td>
                    </tr>
                  )}
                </Fragment>
              );
            })
          )}
        </tbody>
      </table>
    </div>
  );
}
