import { graphql } from '../../../gql';

/** The pipelines to switch between, and the currency the board totals are in. */
export const PipelineSwitcherQuery = graphql(`
  query PipelineSwitcher($pipelines: Int!) {
    agency {
      id
      baseCurrency
    }
    pipelines(first: $pipelines, orderBy: { field: NAME, direction: ASC }) {
      nodes {
        id
        name
        isDefault
      }
    }
  }
`);

/**
 * One column per non-retired stage, in order, with the first STAGE_PAGE_SIZE deals matching the
 * filters (oldest first) and the totals of all of them; "Show more" pages on with
 * PipelineStageDealsQuery from `pageInfo.endCursor`.
 */
export const PipelineBoardQuery = graphql(`
  query PipelineBoard($pipelineId: ID!, $filter: DealFilter, $stagePageSize: Int!) {
    pipeline(id: $pipelineId) {
      id
      name
      stages {
        id
        name
        category
        position
        deals(first: $stagePageSize, filter: $filter) {
          totalCount
          pageInfo {
            endCursor
          }
          currenciesWithoutRate
          totalAmount {
            amount
            currency
          }
          nodes {
            id
            ...BoardExtraDeal_deal @unmask
          }
        }
      }
    }
  }
`);

/** A board node: its card's fragment and what the board reads itself (title, version, amount); "Show more" reads the same. */
export const BoardExtraDealFragment = graphql(`
  fragment BoardExtraDeal_deal on Deal {
    id
    title
    version
    amountInBaseCurrency {
      amount
      currency
    }
    ...DealCard_deal
  }
`);

/**
 * The next page of one column: the root list filtered to the stage (plus the board's filters), in
 * the order of the nested `PipelineStage.deals` (createdAt ascending, then id), so the board's
 * end cursor carries on where the column stopped.
 */
export const PipelineStageDealsQuery = graphql(`
  query PipelineStageDeals($filter: DealFilter!, $first: Int!, $after: String) {
    deals(first: $first, after: $after, filter: $filter, orderBy: { field: CREATED_AT, direction: ASC }) {
      pageInfo {
        endCursor
        hasNextPage
      }
      nodes {
        id
        ...BoardExtraDeal_deal
      }
    }
  }
`);

export const MoveDealMutation = graphql(`
  mutation MoveDeal($input: MoveDealInput!) {
    moveDeal(input: $input) {
      deal {
        id
        version
        closedOn
        lostReason
        updatedAt
        stage {
          id
          name
          category
        }
      }
      userErrors {
        ...MutationForm_userError @unmask
        existingId
      }
    }
  }
`);

/** After a CONFLICT: where the deal is now and who moved it last, to explain what happened. */
export const DealConflictQuery = graphql(`
  query DealConflict($id: ID!, $stageChanges: Int!) {
    deal(id: $id) {
      id
      title
      version
      updatedAt
      stage {
        id
        name
      }
      stageHistory(first: $stageChanges) {
        nodes {
          id
          changedAt
          changedBy {
            id
            fullName
          }
          toStage {
            id
            name
          }
        }
      }
    }
  }
`);

export const PipelineMissionOptionsQuery = graphql(`
  query PipelineMissionOptions($first: Int!) {
    missions(first: $first) {
      nodes {
        id
        name
        startsOn
      }
    }
  }
`);

export const PipelineCompanyNameQuery = graphql(`
  query PipelineCompanyName($id: ID!) {
    company(id: $id) {
      id
      name
    }
  }
`);
