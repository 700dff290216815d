import { useDraggable } from '@dnd-kit/core';
import { CSS } from '@dnd-kit/utilities';
import type { PointerEvent as ReactPointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { classNames } from '../../../components/ui/classNames';
import type { BoardDeal, CardActions } from '../types';
import { DealCard } from './DealCard';
import { MoveToSelect } from './MoveToSelect';

interface DraggableDealProps {
  deal: BoardDeal;
  columnIndex: number;
  actions: CardActions;
}

/** A card of the board that the mouse, a long press or the keyboard (from its handle) can move. */
export function DraggableDeal({ deal, columnIndex, actions }: DraggableDealProps) {
  const { stages, editable, onOpen, onMove } = actions;
  const { t } = useTranslation('pipeline');
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, isDragging } = useDraggable({
    id: deal.id,
    disabled: !editable || deal.pending,
  });

  // The whole card follows the mouse or a long press; the keyboard starts from the handle only.
  const handlers = editable
    ? {
        ...listeners,
        onMouseDown: (event: ReactPointerEvent | React.MouseEvent) => {
          if ((event.target as HTMLElement).closest('select')) return;
          listeners?.onMouseDown?.(event);
        },
      }
    : {};

  return (
    <li
      ref={setNodeRef}
      className={classNames('board-column__item', editable && 'board-column__item--draggable')}
      style={{ transform: CSS.Translate.toString(transform) }}
      data-deal-card={columnIndex}
      data-deal-id={deal.id}
      {...handlers}
    >
      <DealCard
        deal={deal.card}
        state={isDragging ? 'dragging' : deal.pending ? 'pending' : 'idle'}
        onOpen={() => onOpen(deal.id)}
        handle={
          editable ? (
            <button
              type="button"
              ref={setActivatorNodeRef}
              className="deal-card__handle"
              {...attributes}
              aria-label={t('dnd.handle', { title: deal.title })}
            >
              <svg viewBox="0 0 20 20" aria-hidden="true" focusable="false">
                <path
                  fill="currentColor"
                  d="M7 4a1.5 1.5 0 1 1-3 0 1.5 1.5 0 0 1 3 0Zm0 6a1.5 1.5 0 1 1-3 0 1.5 1.5 0 0 1 3 0Zm-1.5 7.5a1.5 1.5 0 1 0 0-3 1.5 1.5 0 0 0 0 3ZM16 4a1.5 1.5 0 1 1-3 0 1.5 1.5 0 0 1 3 0Zm-1.5 7.5a1.5 1.5 0 1 0 0-3 1.5 1.5 0 0 0 0 3ZM16 16a1.5 1.5 0 1 1-3 0 1.5 1.5 0 0 1 3 0Z"
                />
              </svg>
            </button>
          ) : undefined
        }
        moveControl={
          editable ? (
            <MoveToSelect
              dealTitle={deal.title}
              currentStageId={deal.stageId}
              stages={stages}
              disabled={deal.pending}
              onMove={(stage) => onMove(deal, stage)}
            />
          ) : undefined
        }
      />
    </li>
  );
}
