import type { FragmentType } from '@apollo/client';
import type { PipelineBoardQuery as BoardData } from '../../gql/graphql';
import { addDecimal } from '../../lib/money/decimal';
import type { BoardColumnData, BoardDeal } from './components/Board';
import type { DealCardFragment } from './components/DealCard';
import type { PendingMove } from './hooks/useDealMoves';

type BoardStage = NonNullable<BoardData['pipeline']>['stages'][number];
type BoardNode = BoardStage['deals']['nodes'][number];

function toDeal(node: BoardNode, stageId: string, pending: boolean): BoardDeal {
  return {
    id: node.id,
    title: node.title,
    version: node.version,
    stageId,
    amountInBaseCurrency: node.amountInBaseCurrency,
    card: node as FragmentType<typeof DealCardFragment>,
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

/**
 * The server's columns with the moves still on their way applied: a moved card leaves its
 * column and heads the new one, and both columns' counts and totals follow.
 */
export function buildColumns(stages: readonly BoardStage[], pending: Record<string, PendingMove>): BoardColumnData[] {
  const nodes = new Map<string, BoardNode>();
  for (const stage of stages) for (const node of stage.deals.nodes) nodes.set(node.id, node);

  return stages.map((stage) => {
    const here = stage.deals.nodes;
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
    };
  });
}
