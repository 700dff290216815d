import { graphql } from '../../../gql';

export const AuditEventsQuery = graphql(`
  query AuditEvents(
    $filter: AuditEventFilter
    $orderBy: AuditEventOrder
    $first: Int
    $after: String
    $last: Int
    $before: String
  ) {
    auditEvents(filter: $filter, orderBy: $orderBy, first: $first, after: $after, last: $last, before: $before) {
      totalCount
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
      nodes {
        id
        ...AuditEventsTable_event
      }
    }
  }
`);
