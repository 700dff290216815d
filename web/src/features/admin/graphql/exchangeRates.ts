import { graphql } from '../../../gql';

export const AdminExchangeRatesQuery = graphql(`
  query AdminExchangeRates(
    $filter: ExchangeRateFilter
    $orderBy: ExchangeRateOrder
    $first: Int
    $after: String
    $last: Int
    $before: String
  ) {
    agency {
      id
      baseCurrency
    }
    exchangeRates(filter: $filter, orderBy: $orderBy, first: $first, after: $after, last: $last, before: $before) {
      totalCount
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
      nodes {
        id
        ...ExchangeRatesTable_rate
      }
    }
  }
`);

export const SetExchangeRateMutation = graphql(`
  mutation SetExchangeRate($input: SetExchangeRateInput!) {
    setExchangeRate(input: $input) {
      exchangeRate {
        id
        ...ExchangeRatesTable_rate
      }
      userErrors {
        ...MutationForm_userError @unmask
      }
    }
  }
`);
