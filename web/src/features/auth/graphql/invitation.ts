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

// `user` selects the viewer's fragment (Viewer_user) as ViewerQuery does, so it can be written into the cache as
// that query's answer once the server has signed the new user in.
export const AcceptInvitationMutation = graphql(`
  mutation AcceptInvitation($input: AcceptInvitationInput!) {
    acceptInvitation(input: $input) {
      user {
        ...Viewer_user @unmask
      }
      userErrors {
        ...MutationForm_userError @unmask
      }
    }
  }
`);
