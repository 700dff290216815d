import { graphql } from '../../gql';

export const CompanyPickerSearchQuery = graphql(`
  query CompanyPickerSearch($filter: CompanyFilter, $first: Int!) {
    companies(first: $first, filter: $filter, orderBy: { field: NAME, direction: ASC }) {
      nodes {
        id
        name
        kind
        country
        city
      }
    }
  }
`);

export const UserSelectQuery = graphql(`
  query UserSelectUsers($active: Boolean, $first: Int!) {
    users(first: $first, filter: { active: $active }, orderBy: { field: FULL_NAME, direction: ASC }) {
      nodes {
        id
        fullName
        role
        active
      }
    }
  }
`);
