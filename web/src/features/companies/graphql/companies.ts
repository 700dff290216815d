import { graphql } from '../../../gql';

export const CompaniesPageQuery = graphql(`
  query CompaniesPage(
    $filter: CompanyFilter
    $orderBy: CompanyOrder
    $first: Int
    $after: String
    $last: Int
    $before: String
  ) {
    companies(filter: $filter, orderBy: $orderBy, first: $first, after: $after, last: $last, before: $before) {
      totalCount
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
      nodes {
        id
        ...CompaniesTable_company
      }
    }
  }
`);

export const CompanySectorsQuery = graphql(`
  query CompanySectors($first: Int!) {
    sectors(first: $first, orderBy: { field: CODE, direction: ASC }) {
      nodes {
        id
        code
        names {
          fr
          en
          ru
        }
      }
    }
  }
`);

export const CreateCompanyMutation = graphql(`
  mutation CreateCompany($input: CreateCompanyInput!) {
    createCompany(input: $input) {
      company {
        id
        name
        ...CompanyForm_company
      }
      userErrors {
        ...MutationForm_userError @unmask
        existingId
      }
    }
  }
`);

export const UpdateCompanyMutation = graphql(`
  mutation UpdateCompany($input: UpdateCompanyInput!) {
    updateCompany(input: $input) {
      company {
        id
        name
        ...CompanyForm_company
        ...CompanyHeader_company
        ...CompaniesTable_company
      }
      userErrors {
        ...MutationForm_userError @unmask
        existingId
      }
    }
  }
`);
