import { graphql } from '../../../gql';

/** The exporter's contacts the request can go to (the dialog offers those with an e-mail address). */
export const ConfirmationContactsQuery = graphql(`
  query ConfirmationContacts($companyIds: [ID!], $first: Int!) {
    contacts(first: $first, filter: { companyIds: $companyIds }, orderBy: { field: FULL_NAME, direction: ASC }) {
      nodes {
        id
        fullName
        email
        jobTitle
      }
    }
  }
`);

// The deal comes back with its section's fragment: the drawer shows the new request at once.
export const RequestDealConfirmationMutation = graphql(`
  mutation RequestDealConfirmation($input: RequestDealConfirmationInput!) {
    requestDealConfirmation(input: $input) {
      confirmation {
        id
        status
      }
      deal {
        id
        ...DealConfirmationSection_deal
      }
      userErrors {
        ...MutationForm_userError @unmask
      }
    }
  }
`);
