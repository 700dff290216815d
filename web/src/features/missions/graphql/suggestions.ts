import { graphql } from '../../../gql';

/** The counterparts an exporter should meet at a mission, best first, with the parts of their score. */
export const MissionSuggestionsQuery = graphql(`
  query MissionSuggestions($missionId: ID!, $exporterId: ID!, $first: Int!) {
    mission(id: $missionId) {
      id
      suggestedMeetings(exporterId: $exporterId, first: $first) {
        counterpart {
          id
          name
          kind
          city
          country
        }
        score
        reasons {
          kind
          points
          count
          sectors {
            id
            code
            names {
              fr
              en
              ru
            }
          }
        }
      }
    }
  }
`);

export const PlanSuggestedMeetingMutation = graphql(`
  mutation PlanSuggestedMeeting($input: MeetingSuggestionInput!) {
    planSuggestedMeeting(input: $input) {
      interaction {
        id
        startsAt
        endsAt
        subject
        status
        counterpart {
          id
          name
        }
      }
      userErrors {
        ...MutationForm_userError @unmask
      }
    }
  }
`);

export const DismissMeetingSuggestionMutation = graphql(`
  mutation DismissMeetingSuggestion($input: MeetingSuggestionInput!) {
    dismissMeetingSuggestion(input: $input) {
      dismissed
      userErrors {
        ...MutationForm_userError @unmask
      }
    }
  }
`);
