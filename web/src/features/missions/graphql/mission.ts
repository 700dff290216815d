import { graphql } from '../../../gql';

export const MissionPageQuery = graphql(`
  query MissionPage($id: ID!, $participants: Int!) {
    mission(id: $id) {
      id
      name
      status
      timeZone
      startsOn
      endsOn
      ...MissionHeader_mission
      ...MissionForm_mission
      participants(first: $participants) {
        totalCount
        nodes {
          id
          ...DelegationPanel_participant
          ...AgendaPanel_participant
        }
      }
    }
  }
`);

export const AddMissionParticipantMutation = graphql(`
  mutation AddMissionParticipant($input: AddMissionParticipantInput!) {
    addMissionParticipant(input: $input) {
      participant {
        id
        status
      }
      userErrors {
        ...MutationForm_userError @unmask
        existingId
      }
    }
  }
`);

export const UpdateMissionParticipantMutation = graphql(`
  mutation UpdateMissionParticipant($input: UpdateMissionParticipantInput!) {
    updateMissionParticipant(input: $input) {
      participant {
        id
        status
        notes
      }
      userErrors {
        ...MutationForm_userError @unmask
        existingId
      }
    }
  }
`);
