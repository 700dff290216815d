/** The company timeline: interactions, deal stage changes and tasks merged into one list, most recent first. */

export interface TimelineInteraction {
  id: string;
  occurredAt: string;
}

export interface TimelineStageChange {
  id: string;
  changedAt: string;
}

export interface TimelineDeal<C extends TimelineStageChange = TimelineStageChange> {
  id: string;
  stageHistory: { nodes: readonly C[] };
}

export interface TimelineTask {
  id: string;
  createdAt: string;
  done: boolean;
  doneAt: string | null;
}

export type TimelineItem<I, D, C, T> =
  | { type: 'interaction'; key: string; at: string; interaction: I }
  | { type: 'stage'; key: string; at: string; deal: D; change: C }
  | { type: 'task'; key: string; at: string; task: T };

export type TimelineFilter = 'all' | 'interaction' | 'stage' | 'task';

/** A done task sits where it was done; an open one where it was created. */
export function taskInstant(task: TimelineTask): string {
  return task.done && task.doneAt ? task.doneAt : task.createdAt;
}

function time(value: string): number {
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? 0 : ms;
}

export function buildTimeline<
  I extends TimelineInteraction,
  C extends TimelineStageChange,
  D extends TimelineDeal<C>,
  T extends TimelineTask,
>(interactions: readonly I[], deals: readonly D[], tasks: readonly T[]): TimelineItem<I, D, C, T>[] {
  const items: TimelineItem<I, D, C, T>[] = [];
  for (const interaction of interactions) {
    items.push({ type: 'interaction', key: `i:${interaction.id}`, at: interaction.occurredAt, interaction });
  }
  const seenDeals = new Set<string>();
  for (const deal of deals) {
    // A company can be the exporter and the buyer of the same deal: show its moves once.
    if (seenDeals.has(deal.id)) continue;
    seenDeals.add(deal.id);
    for (const change of deal.stageHistory.nodes) {
      items.push({ type: 'stage', key: `s:${change.id}`, at: change.changedAt, deal, change });
    }
  }
  for (const task of tasks) {
    items.push({ type: 'task', key: `t:${task.id}`, at: taskInstant(task), task });
  }
  return items.sort((a, b) => time(b.at) - time(a.at) || (a.key < b.key ? 1 : a.key > b.key ? -1 : 0));
}
