import { graphql } from '../../../gql';

export const InvitationQuery = graphql(`
  query Invitation($token: String!) {
    invitation(token: $token) {
      email
      fullName
      expiresAt
      purpose
      agencyName
      locale
    }
  }
`);

// `user` selects exactly the fields of ViewerQuery, so it can be written into the cache as
// that query's answer once the server has signed the new user in.
export const AcceptInvitationMutation = graphql(`
  mutation AcceptInvitation($input: AcceptInvitationInput!) {
    acceptInvitation(input: $input) {
      user {
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
      userErrors {
        field
        message
        code
      }
    }
  }
`);
