import { graphql } from '../../../gql';

/** The viewer's own work: open tasks by due date and this week's meetings. */
export const DashboardWorkQuery = graphql(`
  query DashboardWork($viewerId: ID!, $weekFrom: DateTime!, $weekTo: DateTime!, $tasks: Int!, $meetings: Int!) {
    tasks(
      first: $tasks
      filter: { assigneeIds: [$viewerId], done: false }
      orderBy: { field: DUE_ON, direction: ASC }
    ) {
      totalCount
      nodes {
        id
        ...TaskItem_task
      }
    }
    interactions(
      first: $meetings
      filter: { kinds: [MEETING], authorIds: [$viewerId], occurredFrom: $weekFrom, occurredTo: $weekTo }
      orderBy: { field: OCCURRED_AT, direction: ASC }
    ) {
      totalCount
      nodes {
        id
        ...MeetingItem_interaction
      }
    }
  }
`);

/**
 * The agency's figures: value won by half-year (with the same dates a year earlier) and the
 * exporters' confirmations of the window's won deals, value won by mission, and the open value of
 * every pipeline (stage totals, no deal rows). With confirmedOnly, the value won counts only the
 * deals their exporters confirmed, at the confirmed value and day.
 */
export const DashboardAnalyticsQuery = graphql(`
  query DashboardAnalytics($from: Date!, $to: Date!, $pipelines: Int!, $confirmedOnly: Boolean!) {
    byHalfYear: exportValue(
      groupBy: [HALF_YEAR]
      from: $from
      to: $to
      compareWithPrevious: true
      confirmedOnly: $confirmedOnly
    ) {
      ...DashboardHalfYears_report @unmask
    }
    byMission: exportValue(groupBy: [MISSION], from: $from, to: $to, confirmedOnly: $confirmedOnly) {
      ...DashboardMissions_report @unmask
    }
    pipelines(first: $pipelines) {
      nodes {
        id
        name
        isDefault
        ...DashboardOpenValue_pipeline @unmask
      }
    }
  }
`);

/** The default pipeline's funnel for the deals created in the dashboard's window. */
export const DashboardFunnelQuery = graphql(`
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
`);
