import { graphql } from '../../../gql';

// `viewer` selects exactly the fields of ViewerQuery, so the result can be written
// straight into the cache as that query's answer (the write is type-checked).
export const SignInMutation = graphql(`
  mutation SignIn($input: LoginInput!) {
    login(input: $input) {
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
      userErrors {
        field
        message
        code
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
