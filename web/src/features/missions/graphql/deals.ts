import { graphql } from '../../../gql';

export const MissionDealsQuery = graphql(`
  query MissionDeals($filter: DealFilter, $orderBy: DealOrder, $first: Int, $after: String, $last: Int, $before: String) {
    deals(filter: $filter, orderBy: $orderBy, first: $first, after: $after, last: $last, before: $before) {
      totalCount
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
      nodes {
        id
        ...MissionDealsPanel_deal
      }
    }
  }
`);
