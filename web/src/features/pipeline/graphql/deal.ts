import { graphql } from '../../../gql';

export const DealDrawerQuery = graphql(`
  query DealDrawer($id: ID!, $stageChanges: Int!, $meetings: Int!) {
    deal(id: $id) {
      id
      title
      version
      closedOn
      lostReason
      exchangeRateMissing
      amount {
        amount
        currency
      }
      amountInBaseCurrency {
        amount
        currency
      }
      stage {
        id
        name
        category
      }
      pipeline {
        id
        name
        stages {
          id
          name
          category
        }
      }
      owner {
        id
        fullName
      }
      expectedCloseOn
      exporter {
        id
        name
      }
      buyer {
        id
        name
      }
      ...DealEditForm_deal
      ...StageHistory_deal
      ...DealMeetings_deal
      ...DealConfirmationSection_deal
    }
  }
`);

export const UpdateDealMutation = graphql(`
  mutation UpdateDeal($input: UpdateDealInput!) {
    updateDeal(input: $input) {
      deal {
        id
        version
        title
        exchangeRateMissing
        amount {
          amount
          currency
        }
        amountInBaseCurrency {
          amount
          currency
        }
        ...DealEditForm_deal
        ...DealCard_deal
      }
      userErrors {
        ...MutationForm_userError @unmask
        existingId
      }
    }
  }
`);

export const CreateDealMutation = graphql(`
  mutation CreateDeal($input: CreateDealInput!) {
    createDeal(input: $input) {
      deal {
        id
        title
        version
        stage {
          id
          name
        }
      }
      userErrors {
        ...MutationForm_userError @unmask
        existingId
      }
    }
  }
`);

/** The meeting a new deal comes from: its parties, mission and subject prefill the form. */
export const MeetingForDealQuery = graphql(`
  query MeetingForDeal($id: ID!) {
    interaction(id: $id) {
      id
      subject
      occurredAt
      exporter {
        id
        name
      }
      counterpart {
        id
        name
      }
      mission {
        id
        name
      }
    }
  }
`);
