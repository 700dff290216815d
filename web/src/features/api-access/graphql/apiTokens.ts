import { graphql } from '../../../gql';

export const ApiTokensQuery = graphql(`
  query ApiTokens {
    apiTokens {
      id
      ...ApiTokensPage_token @unmask
    }
  }
`);

export const CreateApiTokenMutation = graphql(`
  mutation CreateApiToken($input: CreateApiTokenInput!) {
    createApiToken(input: $input) {
      apiToken {
        id
        ...ApiTokensPage_token
      }
      secret
      userErrors {
        ...MutationForm_userError @unmask
      }
    }
  }
`);

export const RevokeApiTokenMutation = graphql(`
  mutation RevokeApiToken($input: RevokeApiTokenInput!) {
    revokeApiToken(input: $input) {
      apiToken {
        id
        ...ApiTokensPage_token
      }
      userErrors {
        ...MutationForm_userError @unmask
      }
    }
  }
`);
