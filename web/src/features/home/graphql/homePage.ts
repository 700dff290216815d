import { graphql } from '../../../gql';

export const HomePageQuery = graphql(`
  query HomePage {
    viewer {
      id
      fullName
      ...ViewerProfile_user
    }
  }
`);
