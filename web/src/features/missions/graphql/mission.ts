import { graphql } from '../../../gql';

export const MissionPageQuery = graphql(`
  query MissionPage($id: ID!) {
    mission(id: $id) {
      id
      name
      status
      timeZone
      startsOn
      endsOn
      ...MissionHeader_mission
      ...MissionForm_mission
      participants(first: 100) {
        totalCount
        nodes {
          id
          status
          notes
          company {
            id
            name
            city
            country
          }
          meetings(first: 1) {
            totalCount
          }
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
        field
        message
        code
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
        field
        message
        code
        existingId
      }
    }
  }
`);

export const MissionAgendaQuery = graphql(`
  query MissionAgenda($id: ID!, $day: Date!) {
    mission(id: $id) {
      id
      agenda(day: $day) {
        id
        startsAt
        endsAt
        status
        subject
        exporter {
          id
          name
        }
        counterpart {
          id
          name
        }
        contacts {
          id
        }
        ...AgendaMeeting_interaction
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
        field
        message
        code
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
        field
        message
        code
        existingId
      }
    }
  }
`);

export const MissionMeetingsQuery = graphql(`
  query MissionMeetings(
    $filter: InteractionFilter
    $orderBy: InteractionOrder
    $first: Int
    $after: String
    $last: Int
    $before: String
  ) {
    interactions(filter: $filter, orderBy: $orderBy, first: $first, after: $after, last: $last, before: $before) {
      totalCount
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
      nodes {
        id
        kind
        subject
        occurredAt
        startsAt
        status
        outcome
        notes
        exporter {
          id
          name
        }
        counterpart {
          id
          name
        }
      }
    }
  }
`);

export const MissionDealsQuery = graphql(`
  query MissionDeals($filter: DealFilter, $orderBy: DealOrder, $first: Int, $after: String, $last: Int, $before: String) {
    deals(filter: $filter, orderBy: $orderBy, first: $first, after: $after, last: $last, before: $before) {
      totalCount
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
      nodes {
        id
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
        stage {
          id
          name
          category
        }
        exporter {
          id
          name
        }
        buyer {
          id
          name
        }
        owner {
          id
          fullName
        }
      }
    }
  }
`);

export const MissionTasksQuery = graphql(`
  query MissionTasks($filter: TaskFilter, $first: Int, $after: String, $last: Int, $before: String) {
    tasks(
      filter: $filter
      orderBy: { field: DUE_ON, direction: ASC }
      first: $first
      after: $after
      last: $last
      before: $before
    ) {
      totalCount
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
      nodes {
        id
        title
        dueOn
        done
        doneAt
        notes
        assignee {
          id
          fullName
        }
      }
    }
  }
`);

export const CreateMissionTaskMutation = graphql(`
  mutation CreateMissionTask($input: CreateTaskInput!) {
    createTask(input: $input) {
      task {
        id
        title
      }
      userErrors {
        field
        message
        code
        existingId
      }
    }
  }
`);

export const CompleteMissionTaskMutation = graphql(`
  mutation CompleteMissionTask($input: CompleteTaskInput!) {
    completeTask(input: $input) {
      task {
        id
        done
        doneAt
      }
      userErrors {
        field
        message
        code
        existingId
      }
    }
  }
`);

export const MissionOutcomeQuery = graphql(`
  query MissionOutcome($missionId: ID!) {
    missionOutcome(missionId: $missionId) {
      baseCurrency
      delegationSize
      meetingsHeld
      counterpartsMet
      leads
      dealsWithoutRate
      currenciesWithoutRate
      medianDaysToSignature
      roi
      roiUnavailableReason
      budget {
        amount
        currency
      }
      budgetInBaseCurrency {
        amount
        currency
      }
      valueWon {
        amount
        currency
      }
      valueOpen {
        amount
        currency
      }
      meetingsByStatus {
        status
        count
      }
      dealsByCategory {
        category
        deals
        value {
          amount
          currency
        }
      }
      conversion {
        leads
        won
        meetingsHeld
        meetingsWithLead
        meetingToLeadPercent
        leadToWonPercent
      }
      cohorts {
        months
        until
        elapsed
        dealsWon
        dealsWithoutRate
        valueWon {
          amount
          currency
        }
      }
      exporters {
        exporter {
          id
          name
        }
        participantStatus
        meetingsHeld
        leads
        won
        valueWon {
          amount
          currency
        }
        valueOpen {
          amount
          currency
        }
      }
    }
  }
`);

export const PrintAgendaQuery = graphql(`
  query PrintAgenda($missionId: ID!, $companyId: ID!) {
    mission(id: $missionId) {
      id
      name
      city
      hostCountry
      timeZone
      startsOn
      endsOn
      interactions(first: 100, filter: { exporterIds: [$companyId], kinds: [MEETING], statuses: [PLANNED, HELD, NO_SHOW] }) {
        totalCount
        nodes {
          id
          subject
          startsAt
          endsAt
          occurredAt
          status
          place
          counterpart {
            id
            name
            kind
            city
          }
          contacts {
            id
            fullName
            jobTitle
            phone
            company {
              id
            }
          }
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
  query MeetingContacts($companyIds: [ID!]) {
    contacts(first: 50, filter: { companyIds: $companyIds }, orderBy: { field: FULL_NAME, direction: ASC }) {
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
