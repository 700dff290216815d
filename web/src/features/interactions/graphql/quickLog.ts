import { graphql } from '../../../gql';

/** The page the launcher was opened on: a company (exporter or counterpart) or a mission. */
export const QuickLogContextQuery = graphql(`
  query QuickLogContext($companyId: ID!, $missionId: ID!, $withCompany: Boolean!, $withMission: Boolean!) {
    company(id: $companyId) @include(if: $withCompany) {
      id
      name
      kind
    }
    mission(id: $missionId) @include(if: $withMission) {
      id
      name
    }
  }
`);

export const LogInteractionMutation = graphql(`
  mutation QuickLogInteraction($input: LogInteractionInput!) {
    logInteraction(input: $input) {
      interaction {
        id
        kind
        subject
        occurredAt
        startsAt
        endsAt
        status
      }
      userErrors {
        ...MutationForm_userError @unmask
        existingId
      }
    }
  }
`);
