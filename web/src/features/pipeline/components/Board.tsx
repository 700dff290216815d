import type { FragmentType } from '@apollo/client';
import {
  type Announcements,
  type CollisionDetection,
  DndContext,
  type DragEndEvent,
  DragOverlay,
  type KeyboardCoordinateGetter,
  KeyboardSensor,
  MouseSensor,
  pointerWithin,
  rectIntersection,
  TouchSensor,
  useDraggable,
  useDroppable,
  useSensor,
  useSensors,
} from '@dnd-kit/core';
import { CSS } from '@dnd-kit/utilities';
import {
  type PointerEvent as ReactPointerEvent,
  useCallback,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
} from 'react';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../../components/ui/Badge';
import { Button } from '../../../components/ui/Button';
import { classNames } from '../../../components/ui/classNames';
import { useFormat } from '../../../lib/i18n/useFormat';
import { STAGE_PAGE_SIZE } from '../graphql/board';
import type { MoneyValue, MovableDeal, StageRef } from '../types';
import { DealCard, type DealCardFragment } from './DealCard';
import { MoveToSelect } from './MoveToSelect';

export interface BoardDeal extends MovableDeal {
  card: FragmentType<typeof DealCardFragment>;
  /** Moved here on the screen, not yet confirmed by the server. */
  pending: boolean;
}

export interface BoardColumnData {
  stage: StageRef;
  deals: BoardDeal[];
  count: number;
  total: MoneyValue;
  currenciesWithoutRate: readonly string[];
  /** Deals of the column beyond the loaded pages (the board's and those of "Show more"). */
  hidden: number;
  /** "Show more" is loading the next page. */
  loadingMore: boolean;
  /** The last "Show more" failed. */
  loadMoreFailed: boolean;
}

export interface BoardProps {
  columns: readonly BoardColumnData[];
  editable: boolean;
  onOpen: (dealId: string) => void;
  onMove: (deal: MovableDeal, toStage: StageRef) => void;
  /** Loads the column's next page; resolves to the first new deal's id, to move the focus there. */
  onShowMore: (stageId: string) => Promise<string | undefined>;
}

export function Board({ columns, editable, onOpen, onMove, onShowMore }: BoardProps) {
  const { t } = useTranslation('pipeline');
  const [activeId, setActiveId] = useState<string | null>(null);

  const stages = useMemo(() => columns.map((column) => column.stage), [columns]);
  const lookup = useMemo(() => {
    const deals = new Map<string, { deal: BoardDeal; stage: StageRef }>();
    for (const column of columns) for (const deal of column.deals) deals.set(deal.id, { deal, stage: column.stage });
    return { deals, stages: new Map(columns.map((column) => [column.stage.id, column.stage])) };
  }, [columns]);
  const lookupRef = useRef(lookup);
  lookupRef.current = lookup;
  const orderRef = useRef<string[]>([]);
  orderRef.current = stages.map((stage) => stage.id);
  // The column the arrow keys chose: with the keyboard the target is explicit, not a matter of geometry.
  const keyboardTarget = useRef<string | null>(null);

  // A pointer inside a column wins; then the keyboard's column; then the dragged card's rectangle.
  const collisionDetection = useCallback<CollisionDetection>((args) => {
    if (args.pointerCoordinates) {
      const within = pointerWithin(args);
      if (within.length > 0) return within;
    } else if (keyboardTarget.current) {
      const target = args.droppableContainers.find((container) => container.id === keyboardTarget.current);
      if (target) return [{ id: target.id, data: { droppableContainer: target, value: 0 } }];
    }
    return rectIntersection(args);
  }, []);

  // Left and right arrows jump to the centre of the previous or next column; up and down do nothing.
  const coordinateGetter = useCallback<KeyboardCoordinateGetter>((event, { active, context, currentCoordinates }) => {
    const { over, droppableRects, collisionRect } = context;
    if (!active || !collisionRect) return undefined;
    if (event.code === 'ArrowUp' || event.code === 'ArrowDown') {
      event.preventDefault();
      return currentCoordinates;
    }
    if (event.code !== 'ArrowRight' && event.code !== 'ArrowLeft') return undefined;
    event.preventDefault();
    const order = orderRef.current;
    const from = (over?.id as string | undefined) ?? lookupRef.current.deals.get(String(active))?.stage.id;
    const index = from ? order.indexOf(from) : -1;
    const next = Math.min(Math.max(index + (event.code === 'ArrowRight' ? 1 : -1), 0), order.length - 1);
    const rect = droppableRects.get(order[next]);
    if (!rect) return undefined;
    keyboardTarget.current = order[next];
    const top = Math.min(
      Math.max(currentCoordinates.y, rect.top),
      rect.top + Math.max(rect.height - collisionRect.height, 0),
    );
    return { x: rect.left + (rect.width - collisionRect.width) / 2, y: top };
  }, []);

  const sensors = useSensors(
    useSensor(MouseSensor, { activationConstraint: { distance: 6 } }),
    // A long press picks a card up on touch screens, so a swipe still scrolls the board.
    useSensor(TouchSensor, { activationConstraint: { delay: 250, tolerance: 8 } }),
    useSensor(KeyboardSensor, { coordinateGetter }),
  );

  const describe = (id: string | number) => lookupRef.current.deals.get(String(id));
  const stageName = (id: string | number | undefined) =>
    id ? lookupRef.current.stages.get(String(id))?.name : undefined;

  const announcements: Announcements = {
    onDragStart: ({ active }) => {
      const found = describe(active.id);
      return found ? t('dnd.start', { title: found.deal.title, stage: found.stage.name }) : undefined;
    },
    onDragOver: ({ active, over }) => {
      const found = describe(active.id);
      if (!found) return undefined;
      const name = stageName(over?.id);
      return name
        ? t('dnd.over', { title: found.deal.title, stage: name })
        : t('dnd.outside', { title: found.deal.title });
    },
    onDragEnd: ({ active, over }) => {
      const found = describe(active.id);
      if (!found) return undefined;
      const name = stageName(over?.id);
      if (!name || over?.id === found.stage.id)
        return t('dnd.dropSame', { title: found.deal.title, stage: found.stage.name });
      return t('dnd.drop', { title: found.deal.title, stage: name });
    },
    onDragCancel: ({ active }) => {
      const found = describe(active.id);
      return found ? t('dnd.cancel', { title: found.deal.title, stage: found.stage.name }) : undefined;
    },
  };

  function onDragEnd(event: DragEndEvent) {
    setActiveId(null);
    keyboardTarget.current = null;
    const found = describe(event.active.id);
    const target = event.over ? lookupRef.current.stages.get(String(event.over.id)) : undefined;
    if (!found || !target || target.id === found.stage.id) return;
    onMove(found.deal, target);
  }

  const active = activeId ? lookup.deals.get(activeId) : undefined;

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={collisionDetection}
      accessibility={{ announcements, screenReaderInstructions: { draggable: t('dnd.instructions') } }}
      onDragStart={(event) => {
        keyboardTarget.current = null;
        setActiveId(String(event.active.id));
      }}
      onDragEnd={onDragEnd}
      onDragCancel={() => {
        keyboardTarget.current = null;
        setActiveId(null);
      }}
    >
      <section className="board" aria-label={t('board.label')}>
        <div className="board__columns">
          {columns.map((column, index) => (
            <BoardColumn
              key={column.stage.id}
              column={column}
              index={index}
              stages={stages}
              editable={editable}
              activeId={activeId}
              onOpen={onOpen}
              onMove={onMove}
              onShowMore={onShowMore}
            />
          ))}
        </div>
      </section>
      <DragOverlay dropAnimation={null}>
        {active ? <DealCard deal={active.deal.card} state="overlay" /> : null}
      </DragOverlay>
    </DndContext>
  );
}

const CATEGORY_TONE = { OPEN: 'neutral', WON: 'success', LOST: 'danger' } as const;

interface BoardColumnProps {
  column: BoardColumnData;
  index: number;
  stages: readonly StageRef[];
  editable: boolean;
  activeId: string | null;
  onOpen: (dealId: string) => void;
  onMove: (deal: MovableDeal, toStage: StageRef) => void;
  onShowMore: (stageId: string) => Promise<string | undefined>;
}

function BoardColumn({ column, index, stages, editable, activeId, onOpen, onMove, onShowMore }: BoardColumnProps) {
  const { t } = useTranslation('pipeline');
  const { formatMoneyWhole: formatMoney } = useFormat();
  const headingId = useId();
  const { stage } = column;
  const { setNodeRef, isOver } = useDroppable({ id: stage.id, disabled: !editable });
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
            <Badge tone={CATEGORY_TONE[stage.category]}>{t(`category.${stage.category}`)}</Badge>
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
              <DraggableDeal
                key={deal.id}
                deal={deal}
                columnIndex={index}
                stages={stages}
                editable={editable}
                onOpen={onOpen}
                onMove={onMove}
              />
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

interface DraggableDealProps {
  deal: BoardDeal;
  columnIndex: number;
  stages: readonly StageRef[];
  editable: boolean;
  onOpen: (dealId: string) => void;
  onMove: (deal: MovableDeal, toStage: StageRef) => void;
}

function DraggableDeal({ deal, columnIndex, stages, editable, onOpen, onMove }: DraggableDealProps) {
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
