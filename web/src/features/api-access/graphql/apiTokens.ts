import { graphql } from '../../../gql';

export const ApiTokensQuery = graphql(`
  query ApiTokens {
    apiTokens {
      id
      ...ApiTokenRow_token @unmask
    }
  }
`);

/** @public A document graphql-codegen reads; queries spread it by name. */
export const ApiTokenRowFragment = graphql(`
  fragment ApiTokenRow_token on ApiToken {
    id
    name
    prefix
    createdAt
    expiresAt
    lastUsedAt
    revokedAt
  }
`);

export const CreateApiTokenMutation = graphql(`
  mutation CreateApiToken($input: CreateApiTokenInput!) {
    createApiToken(input: $input) {
      apiToken {
        id
        ...ApiTokenRow_token
      }
      secret
      userErrors {
        field
        message
        code
      }
    }
  }
`);

export const RevokeApiTokenMutation = graphql(`
  mutation RevokeApiToken($input: RevokeApiTokenInput!) {
    revokeApiToken(input: $input) {
      apiToken {
        id
        ...ApiTokenRow_token
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);
