import { DndContext, DragOverlay } from '@dnd-kit/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useBoardDrag } from '../hooks/useBoardDrag';
import type { BoardColumnData, MovableDeal, StageRef } from '../types';
import { BoardColumn } from './BoardColumn';
import { DealCard } from './DealCard';

export interface BoardProps {
  columns: readonly BoardColumnData[];
  editable: boolean;
  onOpen: (dealId: string) => void;
  onMove: (deal: MovableDeal, toStage: StageRef) => void;
  /** Loads the column's next page; resolves to the first new deal's id, to move the focus there. */
  onShowMore: (stageId: string) => Promise<string | undefined>;
}

/** The pipeline as columns of cards; moving a card to another column moves the deal to that stage. */
export function Board({ columns, editable, onOpen, onMove, onShowMore }: BoardProps) {
  const { t } = useTranslation('pipeline');
  const stages = useMemo(() => columns.map((column) => column.stage), [columns]);
  const actions = useMemo(() => ({ stages, editable, onOpen, onMove }), [stages, editable, onOpen, onMove]);
  const { activeId, active, contextProps } = useBoardDrag(columns, onMove);

  return (
    <DndContext {...contextProps}>
      <section className="board" aria-label={t('board.label')}>
        <div className="board__columns">
          {columns.map((column, index) => (
            <BoardColumn
              key={column.stage.id}
              column={column}
              index={index}
              activeId={activeId}
              actions={actions}
              onShowMore={onShowMore}
            />
          ))}
        </div>
      </section>
      <DragOverlay dropAnimation={null}>{active ? <DealCard deal={active.card} state="overlay" /> : null}</DragOverlay>
    </DndContext>
  );
}
