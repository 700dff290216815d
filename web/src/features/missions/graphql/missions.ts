import { graphql } from '../../../gql';

export const MissionsListQuery = graphql(`
  query MissionsList(
    $filter: MissionFilter
    $orderBy: MissionOrder
    $first: Int
    $after: String
    $last: Int
    $before: String
  ) {
    missions(filter: $filter, orderBy: $orderBy, first: $first, after: $after, last: $last, before: $before) {
      totalCount
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
      nodes {
        id
        ...MissionsTable_mission
      }
    }
  }
`);

/**
 * @public A document graphql-codegen reads: what says which mission it is (name, kind, status,
 * place and dates), spread unmasked by every fragment that shows or edits a mission.
 */
export const MissionFactsFragment = graphql(`
  fragment MissionFacts_mission on Mission {
    id
    name
    kind
    status
    hostCountry
    city
    startsOn
    endsOn
    datesApproximate
  }
`);

export const MissionFormFieldsFragment = graphql(`
  fragment MissionForm_mission on Mission {
    ...MissionFacts_mission @unmask
    description
    lead {
      id
    }
    budget {
      amount
      currency
    }
  }
`);

export const CreateMissionMutation = graphql(`
  mutation CreateMission($input: CreateMissionInput!) {
    createMission(input: $input) {
      mission {
        id
        name
      }
      userErrors {
        ...MutationForm_userError @unmask
        existingId
      }
    }
  }
`);

export const UpdateMissionMutation = graphql(`
  mutation UpdateMission($input: UpdateMissionInput!) {
    updateMission(input: $input) {
      mission {
        id
        ...MissionHeader_mission
        ...MissionForm_mission
      }
      userErrors {
        ...MutationForm_userError @unmask
        existingId
      }
    }
  }
`);
