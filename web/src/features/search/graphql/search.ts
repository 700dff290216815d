import { graphql } from '../../../gql';

export const SearchPaletteQuery = graphql(`
  query SearchPalette($query: String!, $first: Int) {
    search(query: $query, first: $first) {
      edges {
        cursor
        node {
          kind
          matchedField
          snippet
          highlights {
            start
            length
          }
          node {
            __typename
            ... on Company {
              id
              name
              city
              country
            }
            ... on Contact {
              id
              fullName
              company {
                id
                name
              }
            }
            ... on Mission {
              id
              name
              city
            }
            ... on Deal {
              id
              title
            }
          }
        }
      }
    }
  }
`);
