import { graphql } from '../../../gql';

/** Deals of the pipeline created, edited or moved by anyone of the agency (the server's events). */
export const DealChangedSubscription = graphql(`
  subscription DealChanged($pipelineId: ID!) {
    dealChanged(pipelineId: $pipelineId) {
      dealId
      version
      change
      by {
        id
        fullName
      }
    }
  }
`);
