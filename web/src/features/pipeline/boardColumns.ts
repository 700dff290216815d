import type { FragmentType } from '@apollo/client';
import type { PipelineBoardQuery as BoardData } from '../../gql/graphql';
import { addDecimal } from '../../lib/money/decimal';
import type { DealCardFragment } from './components/DealCard';
import type { PendingMove } from './hooks/useDealMoves';
import type { StageExtra } from './hooks/useStagePages';
import type { BoardColumnData, BoardDeal, MoneyValue } from './types';

type BoardStage = NonNullable<BoardData['pipeline']>['stages'][number];

/** A deal of a column, from the board's first page or from "Show more": the card reads the rest. */
export interface ColumnNode {
  id: string;
  title: string;
  version: number;
  amountInBaseCurrency?: MoneyValue | null;
}
type BoardNode = ColumnNode;

function toDeal(node: BoardNode, stageId: string, pending: boolean): BoardDeal {
  return {
    id: node.id,
    title: node.title,
    version: node.version,
    stageId,
    amountInBaseCurrency: node.amountInBaseCurrency ?? null,
    card: node as unknown as FragmentType<typeof DealCardFragment>,
    pending,
  };
}

function adjust(total: string, currency: string, nodes: readonly BoardNode[], sign: 1 | -1): string {
  let sum = total;
  for (const node of nodes) {
    const value = node.amountInBaseCurrency;
    if (value && value.currency === currency) sum = addDecimal(sum, value.amount, sign) ?? sum;
  }
  return sum;
}

/** The column's deals: the board's first page, then those "Show more" loaded (once each). */
function columnNodes(stage: BoardStage, extra: StageExtra | undefined): readonly BoardNode[] {
  if (!extra || extra.nodes.length === 0) return stage.deals.nodes;
  const first = new Set(stage.deals.nodes.map((node) => node.id));
  return [...stage.deals.nodes, ...extra.nodes.filter((node) => !first.has(node.id))];
}

/**
 * The server's columns, with the deals "Show more" loaded after each first page, and the moves
 * still on their way applied: a moved card leaves its column and heads the new one, and both
 * columns' counts and totals follow.
 */
export function buildColumns(
  stages: readonly BoardStage[],
  pending: Record<string, PendingMove>,
  extra: Record<string, StageExtra> = {},
): BoardColumnData[] {
  const loaded = new Map(stages.map((stage) => [stage.id, columnNodes(stage, extra[stage.id])]));
  const nodes = new Map<string, BoardNode>();
  for (const here of loaded.values()) for (const node of here) nodes.set(node.id, node);

  return stages.map((stage) => {
    const here = loaded.get(stage.id) ?? [];
    const isAway = (node: BoardNode) => pending[node.id] !== undefined && pending[node.id].toStage.id !== stage.id;
    const leaving = here.filter(isAway);
    const arriving = Object.values(pending)
      .filter((move) => move.toStage.id === stage.id && !here.some((node) => node.id === move.deal.id))
      .map((move) => nodes.get(move.deal.id))
      .filter((node): node is BoardNode => node !== undefined);
    const total = stage.deals.totalAmount;
    const amount = adjust(adjust(total.amount, total.currency, leaving, -1), total.currency, arriving, 1);
    return {
      stage: { id: stage.id, name: stage.name, category: stage.category },
      deals: [
        ...arriving.map((node) => toDeal(node, stage.id, true)),
        ...here.filter((node) => !isAway(node)).map((node) => toDeal(node, stage.id, pending[node.id] !== undefined)),
      ],
      count: stage.deals.totalCount - leaving.length + arriving.length,
      total: { amount, currency: total.currency },
      currenciesWithoutRate: stage.deals.currenciesWithoutRate,
      hidden: Math.max(stage.deals.totalCount - here.length, 0),
      loadingMore: extra[stage.id]?.loading ?? false,
      loadMoreFailed: extra[stage.id]?.failed ?? false,
    };
  });
}
