import { graphql } from '../../gql';

/**
 * What the shell knows of the signed-in user. Selected (unmasked) by ViewerQuery and by the
 * operations that sign someone in, so their answer is written into the cache as ViewerQuery's.
 */
/** @public A document graphql-codegen reads; queries spread it by name. */
export const ViewerFragment = graphql(`
  fragment Viewer_user on User {
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
`);

/** The signed-in user as the whole shell knows them; null when there is no session. */
export const ViewerQuery = graphql(`
  query Viewer {
    viewer {
      ...Viewer_user @unmask
    }
  }
`);
