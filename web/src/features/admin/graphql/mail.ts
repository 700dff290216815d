import { graphql } from '../../../gql';

export const OutgoingMailQuery = graphql(`
  query OutgoingMail($filter: OutboxMailFilter, $first: Int, $after: String, $last: Int, $before: String) {
    outgoingMail(filter: $filter, first: $first, after: $after, last: $last, before: $before) {
      totalCount
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
      nodes {
        id
        ...MailTable_mail
      }
    }
  }
`);

export const AgencyMailFromQuery = graphql(`
  query AgencyMailFrom {
    agency {
      id
      mailFrom
    }
  }
`);

export const SetAgencyMailFromMutation = graphql(`
  mutation SetAgencyMailFrom($input: SetAgencyMailFromInput!) {
    setAgencyMailFrom(input: $input) {
      agency {
        id
        mailFrom
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);
