import { graphql } from '../../gql';

/** The signed-in user as the whole shell knows them; null when there is no session. */
export const ViewerQuery = graphql(`
  query Viewer {
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
  }
`);
