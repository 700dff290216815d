import { graphql } from '../../../gql';

export const MissionAgendaQuery = graphql(`
  query MissionAgenda($id: ID!, $day: Date!) {
    mission(id: $id) {
      id
      agenda(day: $day) {
        ...AgendaPanel_meeting @unmask
      }
    }
  }
`);

export const PlanMeetingMutation = graphql(`
  mutation PlanMeeting($input: LogInteractionInput!) {
    logInteraction(input: $input) {
      interaction {
        id
        startsAt
        status
      }
      userErrors {
        ...MutationForm_userError @unmask
        existingId
      }
    }
  }
`);

export const UpdateMeetingMutation = graphql(`
  mutation UpdateMeeting($input: UpdateInteractionInput!) {
    updateInteraction(input: $input) {
      interaction {
        id
        status
        outcome
        notes
        updatedAt
      }
      userErrors {
        ...MutationForm_userError @unmask
        existingId
      }
    }
  }
`);

export const PrintAgendaQuery = graphql(`
  query PrintAgenda($missionId: ID!, $companyId: ID!, $first: Int!) {
    mission(id: $missionId) {
      id
      name
      city
      hostCountry
      timeZone
      startsOn
      endsOn
      interactions(first: $first, filter: { exporterIds: [$companyId], kinds: [MEETING], statuses: [PLANNED, HELD, NO_SHOW] }) {
        totalCount
        nodes {
          ...PrintAgenda_meeting @unmask
        }
      }
    }
    company(id: $companyId) {
      id
      name
      city
      country
    }
  }
`);

export const MeetingContactsQuery = graphql(`
  query MeetingContacts($companyIds: [ID!], $first: Int!) {
    contacts(first: $first, filter: { companyIds: $companyIds }, orderBy: { field: FULL_NAME, direction: ASC }) {
      nodes {
        id
        fullName
        jobTitle
        company {
          id
          name
        }
      }
    }
  }
`);

/** Interactions logged in the mission by anyone of the agency (the server's events): the agenda reloads. */
export const InteractionLoggedSubscription = graphql(`
  subscription InteractionLogged($missionId: ID!) {
    interactionLogged(missionId: $missionId) {
      interactionId
      by {
        id
        fullName
      }
    }
  }
`);
