import type { FragmentType } from '@apollo/client';
import type { StageCategory } from '../../gql/graphql';
import type { DealCardFragment } from './components/DealCard';

export interface StageRef {
  id: string;
  name: string;
  category: StageCategory;
}

export interface MoneyValue {
  amount: string;
  currency: string;
}

/** What a move needs to know about a deal: the version it was read at and where it is. */
export interface MovableDeal {
  id: string;
  title: string;
  version: number;
  stageId: string;
  amountInBaseCurrency: MoneyValue | null;
}

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

/** What every card of the board may do: move to one of the stages (when editable), open. */
export interface CardActions {
  stages: readonly StageRef[];
  editable: boolean;
  onOpen: (dealId: string) => void;
  onMove: (deal: MovableDeal, toStage: StageRef) => void;
}
