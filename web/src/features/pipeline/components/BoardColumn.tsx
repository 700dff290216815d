import { useDroppable } from '@dnd-kit/core';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../../components/ui/Badge';
import { Button } from '../../../components/ui/Button';
import { classNames } from '../../../components/ui/classNames';
import { useFormat } from '../../../lib/i18n/useFormat';
import { STAGE_PAGE_SIZE } from '../../../lib/pagination/useListPage';
import { stageCategoryTone } from '../../../lib/status/tones';
import type { BoardColumnData, CardActions } from '../types';
import { DraggableDeal } from './DraggableDeal';

interface BoardColumnProps {
  column: BoardColumnData;
  index: number;
  activeId: string | null;
  actions: CardActions;
  onShowMore: (stageId: string) => Promise<string | undefined>;
}

/** One stage of the board: its header (count, total, missing rates), its cards and "Show more". */
export function BoardColumn({ column, index, activeId, actions, onShowMore }: BoardColumnProps) {
  const { t } = useTranslation('pipeline');
  const { formatMoneyWhole: formatMoney } = useFormat();
  const headingId = useId();
  const { stage } = column;
  const { setNodeRef, isOver } = useDroppable({ id: stage.id, disabled: !actions.editable });
  const draggingFromHere = activeId !== null && column.deals.some((deal) => deal.id === activeId);
  const listRef = useRef<HTMLOListElement>(null);
  // After "Show more", the focus goes to the first card it loaded (the button may be gone). The
  // effect runs after every render: the card may appear a render after the page arrived.
  const [focusDealId, setFocusDealId] = useState<string | null>(null);
  useEffect(() => {
    if (!focusDealId) return;
    const item = [...(listRef.current?.querySelectorAll<HTMLElement>('[data-deal-id]') ?? [])].find(
      (element) => element.dataset.dealId === focusDealId,
    );
    if (!item) return;
    setFocusDealId(null);
    // Unless the user went elsewhere meanwhile: then the focus stays where they put it.
    const focused = document.activeElement;
    if (focused && focused !== document.body && !item.closest('section')?.contains(focused)) return;
    item.querySelector<HTMLElement>('.deal-card__title')?.focus();
  });
  const nextPage = Math.min(column.hidden, STAGE_PAGE_SIZE);

  return (
    <section
      ref={setNodeRef}
      className={classNames(
        'board-column',
        `board-column--${stage.category.toLowerCase()}`,
        isOver && !draggingFromHere && 'board-column--over',
      )}
      aria-labelledby={headingId}
      data-stage-column={index}
    >
      <header className="board-column__header">
        <div className="board-column__heading">
          <h2 id={headingId} className="board-column__title">
            {stage.name}
          </h2>
          <span className="board-column__count">
            <span aria-hidden="true">{column.count}</span>
            <span className="ui-visually-hidden">{t('column.count', { count: column.count })}</span>
          </span>
          {stage.category !== 'OPEN' && (
            <Badge tone={stageCategoryTone[stage.category]}>{t(`category.${stage.category}`)}</Badge>
          )}
        </div>
        <p className="board-column__total">
          <span className="ui-visually-hidden">{t('column.total')} </span>
          {formatMoney(column.total.amount, column.total.currency)}
        </p>
        {column.currenciesWithoutRate.length > 0 && (
          <p className="board-column__warning">
            <Badge tone="warning">{t('column.rateMissingBadge')}</Badge>{' '}
            {t('column.rateMissing', { currencies: column.currenciesWithoutRate.join(', ') })}
          </p>
        )}
      </header>
      <div className="board-column__body">
        {column.deals.length === 0 ? (
          <p className="board-column__empty">{t('column.empty')}</p>
        ) : (
          <ol ref={listRef} className="board-column__list">
            {column.deals.map((deal) => (
              <DraggableDeal key={deal.id} deal={deal} columnIndex={index} actions={actions} />
            ))}
          </ol>
        )}
        {column.hidden > 0 && (
          <div className="board-column__more">
            {column.loadMoreFailed && (
              <p className="board-column__more-error" role="alert">
                {t('column.moreFailed')}
              </p>
            )}
            <Button
              variant="secondary"
              size="small"
              loading={column.loadingMore}
              aria-label={t('column.showMoreLabel', { count: nextPage, stage: stage.name })}
              onClick={() => {
                void onShowMore(stage.id).then((dealId) => {
                  if (dealId) setFocusDealId(dealId);
                });
              }}
            >
              {t('column.showMore', { count: nextPage })}
            </Button>
          </div>
        )}
      </div>
    </section>
  );
}
