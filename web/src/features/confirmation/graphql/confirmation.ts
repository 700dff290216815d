import { graphql } from '../../../gql';

/** The public page of a confirmation link (no sign-in): the one deal as the agency recorded it; null when the link no longer works. */
export const DealConfirmationRequestQuery = graphql(`
  query DealConfirmationRequest($token: String!) {
    dealConfirmationRequest(token: $token) {
      locale
      agencyName
      exporterName
      contactName
      dealTitle
      recordedValue {
        amount
        currency
      }
      recordedClosedOn
      destinationCountry
      expiresAt
    }
  }
`);

export const AnswerDealConfirmationMutation = graphql(`
  mutation AnswerDealConfirmation($input: AnswerDealConfirmationInput!) {
    answerDealConfirmation(input: $input) {
      status
      userErrors {
        ...MutationForm_userError @unmask
      }
    }
  }
`);
