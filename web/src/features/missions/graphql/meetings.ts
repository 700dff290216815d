import { graphql } from '../../../gql';

export const MissionMeetingsQuery = graphql(`
  query MissionMeetings(
    $filter: InteractionFilter
    $orderBy: InteractionOrder
    $first: Int
    $after: String
    $last: Int
    $before: String
  ) {
    interactions(filter: $filter, orderBy: $orderBy, first: $first, after: $after, last: $last, before: $before) {
      totalCount
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
      nodes {
        id
        ...MissionMeetingsPanel_interaction
      }
    }
  }
`);
