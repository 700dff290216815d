import {
  type Announcements,
  type CollisionDetection,
  type DragEndEvent,
  type DragStartEvent,
  type KeyboardCoordinateGetter,
  KeyboardSensor,
  MouseSensor,
  pointerWithin,
  rectIntersection,
  TouchSensor,
  useSensor,
  useSensors,
} from '@dnd-kit/core';
import { useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoardColumnData, BoardDeal, MovableDeal, StageRef } from '../types';

/**
 * Moving cards between the board's columns: mouse, long press and keyboard (left and right
 * arrows jump a column, the target is the column chosen, not a matter of geometry), with the
 * screen reader told each step. Returns the props of the board's DndContext and the card held.
 */
export function useBoardDrag(
  columns: readonly BoardColumnData[],
  onMove: (deal: MovableDeal, toStage: StageRef) => void,
) {
  const { t } = useTranslation('pipeline');
  const [activeId, setActiveId] = useState<string | null>(null);

  const lookup = useMemo(() => {
    const deals = new Map<string, { deal: BoardDeal; stage: StageRef }>();
    for (const column of columns) for (const deal of column.deals) deals.set(deal.id, { deal, stage: column.stage });
    return { deals, stages: new Map(columns.map((column) => [column.stage.id, column.stage])) };
  }, [columns]);
  const lookupRef = useRef(lookup);
  lookupRef.current = lookup;
  const orderRef = useRef<string[]>([]);
  orderRef.current = columns.map((column) => column.stage.id);
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

  return {
    activeId,
    /** The card being moved, shown in the drag overlay. */
    active: activeId ? lookup.deals.get(activeId)?.deal : undefined,
    contextProps: {
      sensors,
      collisionDetection,
      accessibility: { announcements, screenReaderInstructions: { draggable: t('dnd.instructions') } },
      onDragStart: (event: DragStartEvent) => {
        keyboardTarget.current = null;
        setActiveId(String(event.active.id));
      },
      onDragEnd,
      onDragCancel: () => {
        keyboardTarget.current = null;
        setActiveId(null);
      },
    },
  };
}
