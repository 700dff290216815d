import { graphql } from '../../../gql';

export const DuplicateCandidatesQuery = graphql(`
  query DuplicateCandidates($kind: DuplicateKind!, $first: Int, $after: String) {
    duplicateCandidates(kind: $kind, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
      nodes {
        id
        ...CandidateList_candidate
      }
    }
  }
`);

export const MergeCompaniesPreviewQuery = graphql(`
  query MergeCompaniesPreview($input: MergeCompaniesInput!) {
    mergeCompaniesPreview(input: $input) {
      keep {
        ...MergeDialog_company @unmask
      }
      merged {
        ...MergeDialog_company @unmask
      }
      result {
        name
        kind
        country
        city
        website
        brands
        accountManager {
          id
          fullName
        }
      }
      moves {
        ...MergePreview_move @unmask
      }
      conflicts {
        ...MergePreview_conflict @unmask
      }
      userErrors {
        ...MutationForm_userError @unmask
        existingId
      }
    }
  }
`);

/** @public A document graphql-codegen reads; queries spread it by name. */
export const MergeDialogCompanyFragment = graphql(`
  fragment MergeDialog_company on Company {
    id
    name
    kind
    country
    city
    website
    notes
    brands
    createdAt
    updatedAt
    accountManager {
      id
      fullName
    }
  }
`);

export const MergeContactsPreviewQuery = graphql(`
  query MergeContactsPreview($input: MergeContactsInput!) {
    mergeContactsPreview(input: $input) {
      keep {
        ...MergeDialog_contact @unmask
      }
      merged {
        ...MergeDialog_contact @unmask
      }
      result {
        fullName
        jobTitle
        email
        phone
        languages
      }
      moves {
        ...MergePreview_move @unmask
      }
      userErrors {
        ...MutationForm_userError @unmask
        existingId
      }
    }
  }
`);

/** @public A document graphql-codegen reads; queries spread it by name. */
export const MergeDialogContactFragment = graphql(`
  fragment MergeDialog_contact on Contact {
    id
    fullName
    jobTitle
    email
    phone
    languages
    createdAt
    updatedAt
    company {
      id
      name
    }
  }
`);

export const MergeCompaniesMutation = graphql(`
  mutation MergeCompanies($input: MergeCompaniesInput!) {
    mergeCompanies(input: $input) {
      company {
        id
        name
      }
      userErrors {
        ...MutationForm_userError @unmask
        existingId
      }
    }
  }
`);

export const MergeContactsMutation = graphql(`
  mutation MergeContacts($input: MergeContactsInput!) {
    mergeContacts(input: $input) {
      contact {
        id
        fullName
        company {
          id
          name
        }
      }
      userErrors {
        ...MutationForm_userError @unmask
        existingId
      }
    }
  }
`);
