import { graphql } from '../../../gql';

export const ContactsPageQuery = graphql(`
  query ContactsPage(
    $filter: ContactFilter
    $orderBy: ContactOrder
    $first: Int
    $after: String
    $last: Int
    $before: String
  ) {
    contacts(filter: $filter, orderBy: $orderBy, first: $first, after: $after, last: $last, before: $before) {
      totalCount
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
      nodes {
        id
        ...ContactsTable_contact
        ...ContactForm_contact
      }
    }
  }
`);

export const CreateContactMutation = graphql(`
  mutation CreateContact($input: CreateContactInput!) {
    createContact(input: $input) {
      contact {
        id
        ...ContactForm_contact
        ...ContactsPanel_contact
      }
      userErrors {
        ...MutationForm_userError @unmask
        existingId
      }
    }
  }
`);

export const UpdateContactMutation = graphql(`
  mutation UpdateContact($input: UpdateContactInput!) {
    updateContact(input: $input) {
      contact {
        id
        ...ContactForm_contact
        ...ContactsPanel_contact
        ...ContactsTable_contact
      }
      userErrors {
        ...MutationForm_userError @unmask
        existingId
      }
    }
  }
`);
