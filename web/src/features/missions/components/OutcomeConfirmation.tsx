import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../components/ui/EmptyState';
import { Panel } from '../../../components/ui/Panel';
import { graphql } from '../../../gql';
import type { OutcomeConfirmation_FiguresFragment as Figures } from '../../../gql/graphql';
import { useMissionFormat } from '../hooks/useMissionFormat';
import { OutcomeKpi } from './OutcomeKpi';

/** @public A document graphql-codegen reads; MissionOutcomeQuery spreads it unmasked (figures have no id). */
export const OutcomeConfirmationFragment = graphql(`
  fragment OutcomeConfirmation_figures on ConfirmationFigures {
    wonDeals
    asked
    confirmed
    corrected
    disputed
    awaiting
    confirmationRatePercent
    recordedValue {
      amount
      currency
    }
    confirmedValue {
      amount
      currency
    }
    additionality {
      yes
      laterOrSmaller
      no
    }
    averageHelpRating
  }
`);

/**
 * The exporters' word on the mission's won deals: how many confirmed them, the value they
 * confirmed beside the value recorded, how they answered and whether the deals needed the agency.
 * Always over every won deal of the mission, whether the report counts only confirmed ones or not.
 */
export function OutcomeConfirmation({ figures }: { figures: Figures }) {
  const { t } = useTranslation('missions');
  const { t: tc } = useTranslation();
  const fmt = useMissionFormat();
  const f = figures;
  const money = (m: { amount: string; currency: string }) => fmt.formatMoney(m.amount, m.currency);
  const compact = (m: { amount: string; currency: string }) => fmt.formatMoneyCompact(m.amount, m.currency);
  const percent =
    f.confirmationRatePercent === null
      ? tc('common.unknown')
      : fmt.formatNumber(f.confirmationRatePercent / 100, { style: 'percent', maximumFractionDigits: 1 });
  const answeredAdditionality = f.additionality.yes + f.additionality.laterOrSmaller + f.additionality.no;
  const additionality: { key: string; label: string; count: number }[] = [
    { key: 'yes', label: t('outcome.confirmation.additionality.yes'), count: f.additionality.yes },
    {
      key: 'laterOrSmaller',
      label: t('outcome.confirmation.additionality.laterOrSmaller'),
      count: f.additionality.laterOrSmaller,
    },
    { key: 'no', label: t('outcome.confirmation.additionality.no'), count: f.additionality.no },
  ];
  const share = (count: number): ReactNode =>
    answeredAdditionality > 0 &&
    ` (${fmt.formatNumber(count / answeredAdditionality, { style: 'percent', maximumFractionDigits: 0 })})`;

  return (
    <Panel title={t('outcome.confirmation.title')}>
      {f.wonDeals === 0 ? (
        <EmptyState title={t('outcome.confirmation.emptyTitle')}>{t('outcome.confirmation.emptyText')}</EmptyState>
      ) : (
        <div className="outcome-confirmation">
          <p className="outcome-confirmation__rate">
            {t('outcome.confirmation.rate', { count: f.wonDeals, confirmed: f.confirmed, percent })}
          </p>
          <div className="outcome-confirmation__bar" aria-hidden="true">
            <span style={{ width: `${Math.min(100, f.confirmationRatePercent ?? 0)}%` }} />
          </div>
          <dl className="outcome-kpis">
            <OutcomeKpi
              label={t('outcome.confirmation.recordedValue')}
              value={compact(f.recordedValue)}
              hint={t('outcome.confirmation.recordedHint', { count: f.wonDeals, value: money(f.recordedValue) })}
            />
            <OutcomeKpi
              label={t('outcome.confirmation.confirmedValue')}
              value={compact(f.confirmedValue)}
              hint={t('outcome.confirmation.confirmedHint', { count: f.confirmed, value: money(f.confirmedValue) })}
            />
            <OutcomeKpi
              label={t('outcome.confirmation.corrected')}
              value={fmt.formatNumber(f.corrected)}
              hint={t('outcome.confirmation.correctedHint')}
            />
            <OutcomeKpi
              label={t('outcome.confirmation.disputed')}
              value={fmt.formatNumber(f.disputed)}
              hint={t('outcome.confirmation.disputedHint')}
            />
            <OutcomeKpi
              label={t('outcome.confirmation.awaiting')}
              value={fmt.formatNumber(f.awaiting)}
              hint={t('outcome.confirmation.notAsked', { count: f.wonDeals - f.asked })}
            />
            <OutcomeKpi
              label={t('outcome.confirmation.helpRating')}
              value={
                f.averageHelpRating === null
                  ? tc('common.unknown')
                  : t('outcome.confirmation.rating', {
                      rating: fmt.formatNumber(f.averageHelpRating, { maximumFractionDigits: 1 }),
                    })
              }
              hint={
                f.averageHelpRating === null
                  ? t('outcome.confirmation.noRating')
                  : t('outcome.confirmation.helpRatingHint')
              }
            />
          </dl>
          <h3 className="outcome-confirmation__subtitle">{t('outcome.confirmation.additionality.title')}</h3>
          {answeredAdditionality === 0 ? (
            <p className="missions-muted">{t('outcome.confirmation.additionality.none')}</p>
          ) : (
            <dl className="outcome-additionality">
              {additionality.map((answer) => (
                <div key={answer.key} className="outcome-additionality__item">
                  <dt>{answer.label}</dt>
                  <dd>
                    {t('outcome.confirmation.additionality.deals', { count: answer.count })}
                    {share(answer.count)}
                  </dd>
                </div>
              ))}
            </dl>
          )}
        </div>
      )}
    </Panel>
  );
}
