import type { StageCategory } from '../../gql/graphql';

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
