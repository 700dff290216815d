import { graphql } from '../../../gql';

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
        ...MissionTaskItem_task
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
        ...MutationForm_userError @unmask
        existingId
      }
    }
  }
`);
