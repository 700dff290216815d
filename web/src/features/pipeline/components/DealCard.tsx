import type { FragmentType } from '@apollo/client';
import { useFragment } from '@apollo/client/react';
import { type ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../../components/ui/Badge';
import { classNames } from '../../../components/ui/classNames';
import { graphql } from '../../../gql';
import { useFormat } from '../../../lib/i18n/useFormat';
import { initials } from '../../../lib/text/initials';

export const DealCardFragment = graphql(`
  fragment DealCard_deal on Deal {
    ...DealSummary_deal @unmask
    ...DealValue_deal @unmask
    currency
    expectedCloseOn
    stage {
      id
      category
    }
  }
`);

export interface DealCardProps {
  deal: FragmentType<typeof DealCardFragment>;
  /** Opens the deal's drawer; the title is the card's main button. */
  onOpen?: () => void;
  /** The drag handle (editors only). */
  handle?: ReactNode;
  /** The "Move to…" control (editors only). */
  moveControl?: ReactNode;
  /** Faded while its copy is dragged, highlighted while a move is on its way to the server. */
  state?: 'idle' | 'dragging' | 'pending' | 'overlay';
}

/** Dates without a time (YYYY-MM-DD) are read as calendar days, not as instants. */
export const DAY = { dateStyle: 'medium', timeZone: 'UTC' } as const;

function isPast(day: string): boolean {
  return day < new Date().toISOString().slice(0, 10);
}

export function DealCard({ deal, onOpen, handle, moveControl, state = 'idle' }: DealCardProps) {
  const { t } = useTranslation('pipeline');
  const { formatDate, formatMoneyWhole: formatMoney } = useFormat();
  const titleId = useId();
  const { data, complete } = useFragment({ fragment: DealCardFragment, fragmentName: 'DealCard_deal', from: deal });
  if (!complete) return null;

  const converted =
    data.amount && data.amountInBaseCurrency && data.amountInBaseCurrency.currency !== data.amount.currency
      ? data.amountInBaseCurrency
      : null;
  const overdue = data.stage.category === 'OPEN' && data.expectedCloseOn !== null && isPast(data.expectedCloseOn);

  return (
    <article
      className={classNames('deal-card', `deal-card--${state}`)}
      aria-labelledby={titleId}
      aria-busy={state === 'pending' || undefined}
    >
      <div className="deal-card__top">
        {onOpen ? (
          <button type="button" id={titleId} className="deal-card__title" onClick={onOpen}>
            {data.title}
          </button>
        ) : (
          <span id={titleId} className="deal-card__title">
            {data.title}
          </span>
        )}
        {handle}
      </div>
      <p className="deal-card__parties">
        <span className="deal-card__company">{data.exporter.name}</span>
        <span aria-hidden="true" className="deal-card__arrow">
          →
        </span>
        <span className="ui-visually-hidden">{t('card.to')}</span>
        <span className="deal-card__company">{data.buyer?.name ?? t('card.noBuyer')}</span>
      </p>
      <div className="deal-card__money">
        {data.amount ? (
          <span className="deal-card__amount">{formatMoney(data.amount.amount, data.amount.currency)}</span>
        ) : (
          <span className="deal-card__no-amount">{t('card.noAmount')}</span>
        )}
        {converted && (
          <span className="deal-card__converted">≈ {formatMoney(converted.amount, converted.currency)}</span>
        )}
        {data.exchangeRateMissing && <Badge tone="warning">{t('card.rateMissing', { currency: data.currency })}</Badge>}
      </div>
      <div className="deal-card__footer">
        <span className="deal-card__owner" title={data.owner.fullName}>
          <span aria-hidden="true" className="deal-card__avatar">
            {initials(data.owner.fullName)}
          </span>
          <span className="ui-visually-hidden">{t('card.owner', { name: data.owner.fullName })}</span>
        </span>
        {data.expectedCloseOn && (
          <span className={classNames('deal-card__date', overdue && 'deal-card__date--overdue')}>
            <span className="ui-visually-hidden">{t('card.expectedClose')} </span>
            {formatDate(data.expectedCloseOn, DAY)}
            {overdue && <span className="ui-visually-hidden"> ({t('card.overdue')})</span>}
          </span>
        )}
        {moveControl && <span className="deal-card__move">{moveControl}</span>}
      </div>
    </article>
  );
}
