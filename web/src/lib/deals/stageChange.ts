import { graphql } from '../../gql';

/**
 * @public A document graphql-codegen reads: one move of a deal between stages, as the deal's
 * history (pipeline drawer) and the company timeline show it; both spread it unmasked.
 */
export const StageChangeFragment = graphql(`
  fragment StageChange_change on DealStageChange {
    id
    changedAt
    changedBy {
      id
      fullName
    }
    fromStage {
      id
      name
    }
    toStage {
      id
      name
      category
    }
  }
`);
