import { graphql } from '../../../gql';

// `viewer` selects the viewer's fragment (Viewer_user) as ViewerQuery does, so the result can be written
// straight into the cache as that query's answer (the write is type-checked).
export const SignInMutation = graphql(`
  mutation SignIn($input: LoginInput!) {
    login(input: $input) {
      viewer {
        ...Viewer_user @unmask
      }
      userErrors {
        ...MutationForm_userError @unmask
      }
    }
  }
`);

export const SignOutMutation = graphql(`
  mutation SignOut {
    logout {
      ok
    }
  }
`);
