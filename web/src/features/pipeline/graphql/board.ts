import { graphql } from '../../../gql';

/** The pipelines to switch between, and the currency the board totals are in. */
export const PipelineSwitcherQuery = graphql(`
  query PipelineSwitcher {
    agency {
      id
      baseCurrency
    }
    pipelines(first: 50, orderBy: { field: NAME, direction: ASC }) {
      nodes {
        id
        name
        isDefault
      }
    }
  }
`);

/** One column per non-retired stage, in order, with the deals matching the filters and their totals. */
export const PipelineBoardQuery = graphql(`
  query PipelineBoard($pipelineId: ID!, $filter: DealFilter) {
    pipeline(id: $pipelineId) {
      id
      name
      stages {
        id
        name
        category
        position
        deals(first: 100, filter: $filter) {
          totalCount
          currenciesWithoutRate
          totalAmount {
            amount
            currency
          }
          nodes {
            id
            title
            version
            amountInBaseCurrency {
              amount
              currency
            }
            ...DealCard_deal
          }
        }
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
        field
        message
        code
        existingId
      }
    }
  }
`);

/** After a CONFLICT: where the deal is now and who moved it last, to explain what happened. */
export const DealConflictQuery = graphql(`
  query DealConflict($id: ID!) {
    deal(id: $id) {
      id
      title
      version
      updatedAt
      stage {
        id
        name
      }
      stageHistory(first: 100) {
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
  query PipelineMissionOptions {
    missions(first: 100) {
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
