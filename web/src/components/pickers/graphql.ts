import { graphql } from '../../gql';

export const CompanyPickerSearchQuery = graphql(`
  query CompanyPickerSearch($filter: CompanyFilter) {
    companies(first: 8, filter: $filter, orderBy: { field: NAME, direction: ASC }) {
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
  query UserSelectUsers($active: Boolean) {
    users(first: 100, filter: { active: $active }, orderBy: { field: FULL_NAME, direction: ASC }) {
      nodes {
        id
        fullName
        role
        active
      }
    }
  }
`);
