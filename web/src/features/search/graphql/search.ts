import { graphql } from '../../../gql';

export const SearchPaletteQuery = graphql(`
  query SearchPalette($query: String!, $first: Int) {
    search(query: $query, first: $first) {
      edges {
        ...SearchDialog_edge @unmask
      }
    }
  }
`);
