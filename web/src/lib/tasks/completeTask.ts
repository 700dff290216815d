import { graphql } from '../../gql';

/**
 * Marks a task done, wherever it is listed (the dashboard's tasks, a mission's tasks): the task's
 * new state, which the cache applies to every list showing it, and the refusals.
 */
export const CompleteTaskMutation = graphql(`
  mutation CompleteTask($input: CompleteTaskInput!) {
    completeTask(input: $input) {
      task {
        id
        done
        doneAt
      }
      userErrors {
        ...MutationForm_userError @unmask
      }
    }
  }
`);
