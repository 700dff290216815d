/**
 * The documents the web client sends, fragments included, as printed from web/src/gql/graphql.ts
 * (the generated client documents) on 2026-11-25. Copied, not imported: the server build does not
 * compile the web client. When a screen's query changes, copy it again so the bench measures what
 * users wait for.
 */

/** web: ViewerQuery. */
export const Viewer = /* GraphQL */ `
query Viewer {
  viewer {
    id
    fullName
    email
    role
    locale
    agency {
      id
      name
      shortName
    }
  }
}
`;

/** web: PipelineSwitcherQuery. */
export const PipelineSwitcher = /* GraphQL */ `
query PipelineSwitcher {
  agency {
    id
    baseCurrency
  }
  pipelines(first: 50, orderBy: {field: NAME, direction: ASC}) {
    nodes {
      id
      name
      isDefault
    }
  }
}
`;

/** web: PipelineBoardQuery. */
export const PipelineBoard = /* GraphQL */ `
query PipelineBoard($pipelineId: ID!, $filter: DealFilter) {
  pipeline(id: $pipelineId) {
    id
    name
    stages {
      id
      name
      category
      position
      deals(first: 100, filter: $filter) {
        totalCount
        currenciesWithoutRate
        totalAmount {
          amount
          currency
        }
        nodes {
          id
          title
          version
          amountInBaseCurrency {
            amount
            currency
          }
          ...DealCard_deal
        }
      }
    }
  }
}

fragment DealCard_deal on Deal {
  id
  title
  currency
  expectedCloseOn
  exchangeRateMissing
  amount {
    amount
    currency
  }
  amountInBaseCurrency {
    amount
    currency
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
  stage {
    id
    category
  }
}
`;

/** web: CompaniesPageQuery. */
export const CompaniesPage = /* GraphQL */ `
query CompaniesPage($filter: CompanyFilter, $orderBy: CompanyOrder, $first: Int, $after: String, $last: Int, $before: String) {
  companies(
    filter: $filter
    orderBy: $orderBy
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
      ...CompaniesTable_company
    }
  }
}

fragment CompaniesTable_company on Company {
  id
  name
  kind
  country
  city
  createdAt
  sectors {
    id
    names {
      fr
      en
      ru
    }
  }
  accountManager {
    id
    fullName
  }
}
`;

/** web: CompanyPageQuery. */
export const CompanyPage = /* GraphQL */ `
query CompanyPage($id: ID!) {
  company(id: $id) {
    id
    name
    ...CompanyHeader_company
    ...CompanyForm_company
    ...CompanyAbout_company
    contacts(first: 50) {
      totalCount
      nodes {
        id
        ...ContactsPanel_contact
        ...ContactForm_contact
      }
    }
    interactions(first: 100) {
      totalCount
      nodes {
        id
        ...Timeline_interaction
      }
    }
    tasks(first: 50) {
      totalCount
      nodes {
        id
        ...Timeline_task
      }
    }
    missions(first: 20) {
      totalCount
      nodes {
        id
        ...MissionsPanel_mission
      }
    }
  }
  asExporter: deals(
    first: 50
    filter: {exporterIds: [$id]}
    orderBy: {field: UPDATED_AT, direction: DESC}
  ) {
    totalCount
    nodes {
      id
      ...DealsPanel_deal
      ...Timeline_deal
    }
  }
  asBuyer: deals(
    first: 50
    filter: {buyerIds: [$id]}
    orderBy: {field: UPDATED_AT, direction: DESC}
  ) {
    totalCount
    nodes {
      id
      ...DealsPanel_deal
      ...Timeline_deal
    }
  }
}

fragment CompanyHeader_company on Company {
  id
  name
  kind
  country
  city
  website
  accountManager {
    id
    fullName
  }
  sectors {
    id
    names {
      fr
      en
      ru
    }
  }
}

fragment CompanyForm_company on Company {
  id
  name
  kind
  country
  city
  website
  brands
  notes
  sectors {
    id
  }
  accountManager {
    id
    fullName
  }
}

fragment CompanyAbout_company on Company {
  id
  brands
  notes
  createdAt
}

fragment ContactsPanel_contact on Contact {
  id
  fullName
  jobTitle
  email
  phone
  languages
}

fragment ContactForm_contact on Contact {
  id
  fullName
  jobTitle
  email
  phone
  languages
  company {
    id
    name
  }
}

fragment Timeline_interaction on Interaction {
  id
  kind
  subject
  occurredAt
  status
  outcome
  author {
    id
    fullName
  }
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
  deal {
    id
    title
  }
}

fragment Timeline_task on Task {
  id
  title
  dueOn
  done
  doneAt
  createdAt
  assignee {
    id
    fullName
  }
}

fragment MissionsPanel_mission on Mission {
  id
  name
  status
  hostCountry
  city
  startsOn
  endsOn
}

fragment DealsPanel_deal on Deal {
  id
  title
  amount {
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
}

fragment Timeline_deal on Deal {
  id
  title
  stageHistory(first: 20) {
    nodes {
      id
      changedAt
      changedBy {
        id
        fullName
      }
      fromStage {
        id
        name
      }
      toStage {
        id
        name
        category
      }
    }
  }
}
`;

/** web: MissionPageQuery. */
export const MissionPage = /* GraphQL */ `
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

fragment MissionHeader_mission on Mission {
  id
  name
  kind
  status
  hostCountry
  city
  startsOn
  endsOn
  datesApproximate
  timeZone
  description
  lead {
    id
    fullName
  }
  budget {
    amount
    currency
  }
  organizer {
    id
    shortName
  }
  partners {
    id
    name
  }
}

fragment MissionForm_mission on Mission {
  id
  name
  kind
  status
  hostCountry
  city
  startsOn
  endsOn
  datesApproximate
  description
  lead {
    id
  }
  budget {
    amount
    currency
  }
}
`;

/** web: MissionAgendaQuery. */
export const MissionAgenda = /* GraphQL */ `
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

fragment AgendaMeeting_interaction on Interaction {
  id
  subject
  startsAt
  endsAt
  status
  outcome
  notes
  place
  counterpart {
    id
    name
    kind
  }
  contacts {
    id
    fullName
  }
}
`;

/** web: MissionOutcomeQuery. */
export const MissionOutcome = /* GraphQL */ `
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
`;

/** web: DashboardWorkQuery. */
export const DashboardWork = /* GraphQL */ `
query DashboardWork($viewerId: ID!, $weekFrom: DateTime!, $weekTo: DateTime!) {
  tasks(
    first: 20
    filter: {assigneeIds: [$viewerId], done: false}
    orderBy: {field: DUE_ON, direction: ASC}
  ) {
    totalCount
    nodes {
      id
      ...TaskItem_task
    }
  }
  interactions(
    first: 50
    filter: {kinds: [MEETING], authorIds: [$viewerId], occurredFrom: $weekFrom, occurredTo: $weekTo}
    orderBy: {field: OCCURRED_AT, direction: ASC}
  ) {
    totalCount
    nodes {
      id
      ...MeetingItem_interaction
    }
  }
}

fragment TaskItem_task on Task {
  id
  title
  dueOn
  done
  company {
    id
    name
  }
  mission {
    id
    name
  }
  deal {
    id
    title
  }
}

fragment MeetingItem_interaction on Interaction {
  id
  subject
  occurredAt
  startsAt
  endsAt
  status
  place
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
`;

/** web: DashboardAnalyticsQuery. */
export const DashboardAnalytics = /* GraphQL */ `
query DashboardAnalytics($from: Date!, $to: Date!) {
  byHalfYear: exportValue(
    groupBy: [HALF_YEAR]
    from: $from
    to: $to
    compareWithPrevious: true
  ) {
    baseCurrency
    total {
      dealsWon
      dealsWithoutRate
      currenciesWithoutRate
      value {
        amount
        currency
      }
    }
    rows {
      key
      label
      halfYear {
        label
        start
        end
      }
      current {
        dealsWon
        dealsWithoutRate
        currenciesWithoutRate
        value {
          amount
          currency
        }
      }
      previous {
        dealsWon
        value {
          amount
          currency
        }
      }
      growthPercent
    }
  }
  byMission: exportValue(groupBy: [MISSION], from: $from, to: $to) {
    baseCurrency
    rows {
      key
      label
      mission {
        id
        name
      }
      current {
        dealsWon
        dealsWithoutRate
        value {
          amount
          currency
        }
      }
    }
  }
  pipelines(first: 20) {
    nodes {
      id
      name
      isDefault
      stages {
        id
        category
        deals(first: 0) {
          totalCount
          currenciesWithoutRate
          totalAmount {
            amount
            currency
          }
        }
      }
    }
  }
}
`;

/** web: DashboardFunnelQuery. */
export const DashboardFunnel = /* GraphQL */ `
query DashboardFunnel($pipelineId: ID!, $from: Date!, $to: Date!) {
  pipelineFunnel(pipelineId: $pipelineId, from: $from, to: $to) {
    deals
    open
    won
    lost
    winRatePercent
    pipeline {
      id
      name
    }
    stages {
      stage {
        id
        name
        category
        retired
      }
      reached
      current
      conversionToNextPercent
      conversionToWonPercent
    }
  }
}
`;
