import type { FragmentType } from '@apollo/client';
import { useFragment } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Badge } from '../../../components/ui/Badge';
import { Button } from '../../../components/ui/Button';
import { graphql } from '../../../gql';
import { useFormat } from '../../../lib/i18n/useFormat';
import { isAdmin } from '../../../lib/session/roles';
import { useViewer } from '../../../lib/session/useViewer';
import { confirmationStatusTone } from '../../../lib/status/tones';
import { DAY } from './DealCard';

export const DealConfirmationSectionFragment = graphql(`
  fragment DealConfirmationSection_deal on Deal {
    id
    stage {
      id
      category
    }
    confirmation {
      id
      status
      contactName
      contactEmail
      locale
      requestedBy {
        id
        fullName
      }
      createdAt
      expiresAt
      remindersSent
      recordedValue {
        amount
        currency
      }
      recordedClosedOn
      answeredAt
      confirmedValue {
        amount
        currency
      }
      confirmedClosedOn
      helpRating
      additionality
      caseStudyAllowed
      comment
      history {
        status
        at
        by
        note
      }
      contact {
        id
        fullName
      }
    }
  }
`);

/** The notes the server writes in a confirmation's history; another note is shown as written. */
const NOTES = ['requested', 'reminded', 'answered', 'expired', 'replaced'] as const;
type Note = (typeof NOTES)[number];
const isNote = (note: string | null): note is Note => NOTES.some((known) => known === note);

export interface DealConfirmationSectionProps {
  deal: FragmentType<typeof DealConfirmationSectionFragment>;
  /** The viewer may ask the exporter (ADMIN, ACCOUNT_MANAGER). */
  editable: boolean;
  /** Opens the dialog that asks the exporter; `again` when a request was made before. */
  onAsk: (again: boolean) => void;
}

/**
 * The exporter's confirmation of a won deal: where the latest request stands, the figures as
 * recorded and as the exporter gave them, their answers and the request's history.
 */
export function DealConfirmationSection({ deal, editable, onAsk }: DealConfirmationSectionProps) {
  const { t } = useTranslation('pipeline');
  const { t: tc } = useTranslation();
  const { formatDate, formatMoney, formatNumber } = useFormat();
  const { viewer } = useViewer();
  const { data, complete } = useFragment({ fragment: DealConfirmationSectionFragment, from: deal });
  if (!complete) return null;
  const confirmation = data.confirmation;
  const won = data.stage.category === 'WON';
  if (!won && !confirmation) return null;

  const dateTime = (value: string) => (
    <time dateTime={value}>{formatDate(value, { dateStyle: 'medium', timeStyle: 'short' })}</time>
  );
  const money = (value: { amount: string; currency: string } | null) =>
    value ? formatMoney(value.amount, value.currency) : tc('common.unknown');
  const day = (value: string | null) => (value ? formatDate(value, DAY) : tc('common.unknown'));
  const who = (by: string) =>
    by === 'exporter' ? t('confirmation.by.exporter') : by === 'system' ? t('confirmation.by.system') : by;

  const answered = confirmation?.status === 'CONFIRMED' || confirmation?.status === 'CORRECTED';
  const corrected = confirmation?.status === 'CORRECTED';
  const valueChanged =
    corrected &&
    (confirmation.confirmedValue?.amount !== confirmation.recordedValue?.amount ||
      confirmation.confirmedValue?.currency !== confirmation.recordedValue?.currency);
  const dayChanged = corrected && confirmation.confirmedClosedOn !== confirmation.recordedClosedOn;
  const changed = <Badge tone="warning">{t('confirmation.changed')}</Badge>;

  return (
    <section className="drawer-section deal-confirmation" aria-labelledby="deal-drawer-confirmation">
      <div className="deal-confirmation__head">
        <h3 id="deal-drawer-confirmation" className="drawer-section__title">
          {t('confirmation.title')}
        </h3>
        {confirmation && (
          <Badge tone={confirmationStatusTone[confirmation.status]}>
            {t(`confirmation.status.${confirmation.status}`)}
          </Badge>
        )}
      </div>

      {!confirmation ? (
        <p className="ui-note">{t('confirmation.none')}</p>
      ) : (
        <>
          <p className="ui-note">{t(`confirmation.statusHelp.${confirmation.status}`)}</p>
          <dl className="deal-drawer__facts">
            <div>
              <dt>{t('confirmation.requestedBy')}</dt>
              <dd>
                {confirmation.requestedBy.fullName} · {dateTime(confirmation.createdAt)}
              </dd>
            </div>
            <div>
              <dt>{t('confirmation.contact')}</dt>
              <dd>
                {confirmation.contactName}
                <br />
                <a href={`mailto:${confirmation.contactEmail}`}>{confirmation.contactEmail}</a>
                <span className="deal-confirmation__language"> · {tc(`language.${confirmation.locale}`)}</span>
              </dd>
            </div>
            <div>
              <dt>{t('confirmation.expires')}</dt>
              <dd>{dateTime(confirmation.expiresAt)}</dd>
            </div>
            <div>
              <dt>{t('confirmation.reminders')}</dt>
              <dd>{formatNumber(confirmation.remindersSent)}</dd>
            </div>
            {confirmation.answeredAt && (
              <div>
                <dt>{t('confirmation.answeredAt')}</dt>
                <dd>{dateTime(confirmation.answeredAt)}</dd>
              </div>
            )}
          </dl>

          <table className="deal-confirmation__figures">
            <caption className="ui-visually-hidden">{t('confirmation.figures')}</caption>
            <thead>
              <tr>
                <td />
                <th scope="col">{t('confirmation.value')}</th>
                <th scope="col">{t('confirmation.signedOn')}</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">{t('confirmation.recorded')}</th>
                <td>{money(confirmation.recordedValue)}</td>
                <td>{day(confirmation.recordedClosedOn)}</td>
              </tr>
              <tr>
                <th scope="row">{t('confirmation.confirmed')}</th>
                {answered ? (
                  <>
                    <td>
                      {money(confirmation.confirmedValue)} {valueChanged && changed}
                    </td>
                    <td>
                      {day(confirmation.confirmedClosedOn)} {dayChanged && changed}
                    </td>
                  </>
                ) : (
                  <td colSpan={2} className="deal-confirmation__pending">
                    {confirmation.status === 'DISPUTED'
                      ? t('confirmation.disputed')
                      : confirmation.status === 'REQUESTED'
                        ? t('confirmation.notYet')
                        : t('confirmation.noAnswer')}
                  </td>
                )}
              </tr>
            </tbody>
          </table>

          {confirmation.answeredAt && (
            <dl className="deal-drawer__facts">
              <div>
                <dt>{t('confirmation.helpRating')}</dt>
                <dd>
                  {confirmation.helpRating
                    ? t('confirmation.rating', { rating: confirmation.helpRating })
                    : t('confirmation.notSaid')}
                </dd>
              </div>
              <div>
                <dt>{t('confirmation.additionality')}</dt>
                <dd>
                  {confirmation.additionality
                    ? t(`confirmation.additionalityAnswer.${confirmation.additionality}`)
                    : t('confirmation.notSaid')}
                </dd>
              </div>
              <div>
                <dt>{t('confirmation.caseStudy')}</dt>
                <dd>
                  {confirmation.caseStudyAllowed == null
                    ? t('confirmation.notSaid')
                    : confirmation.caseStudyAllowed
                      ? t('confirmation.caseStudyYes')
                      : t('confirmation.caseStudyNo')}
                </dd>
              </div>
              <div className="deal-drawer__wide">
                <dt>{t('confirmation.comment')}</dt>
                <dd>
                  {confirmation.comment ? (
                    <q className="deal-confirmation__comment">{confirmation.comment}</q>
                  ) : (
                    t('confirmation.noComment')
                  )}
                </dd>
              </div>
            </dl>
          )}

          {confirmation.history.length > 0 && (
            <div className="ui-stack ui-stack--tight">
              <h4 className="deal-confirmation__subtitle">{t('confirmation.history')}</h4>
              <ol className="ui-stack ui-stack--tight ui-plain-list stage-history">
                {[...confirmation.history].reverse().map((step) => (
                  <li key={`${step.at}-${step.status}-${step.note ?? ''}`} className="stage-history__item">
                    <span
                      className={`stage-history__dot deal-confirmation__dot--${step.status.toLowerCase()}`}
                      aria-hidden="true"
                    />
                    <div>
                      <p className="stage-history__move">
                        {t(`confirmation.status.${step.status}`)}
                        {step.note && ` · ${isNote(step.note) ? t(`confirmation.notes.${step.note}`) : step.note}`}
                      </p>
                      <p className="stage-history__meta">
                        {who(step.by)} · {dateTime(step.at)}
                      </p>
                    </div>
                  </li>
                ))}
              </ol>
            </div>
          )}

          {confirmation.status === 'REQUESTED' && isAdmin(viewer?.role) && (
            <p className="ui-note">
              {t('confirmation.mailHint')} <Link to="/admin/mail">{t('confirmation.mailLink')}</Link>.
            </p>
          )}
        </>
      )}

      {editable && won && (
        <div>
          <Button variant="secondary" size="small" onClick={() => onAsk(confirmation !== null)}>
            {confirmation ? t('confirmation.askAgain') : t('confirmation.ask')}
          </Button>
        </div>
      )}
    </section>
  );
}
