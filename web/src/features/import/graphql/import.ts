import { graphql } from '../../../gql';

export const ImportFileQuery = graphql(`
  query ImportFile($id: ID!, $kind: ImportKind!) {
    importFile(id: $id, kind: $kind) {
      id
      columns {
        header
        field
      }
      ...MappingStep_file
    }
  }
`);

export const PreviewImportQuery = graphql(`
  query PreviewImport(
    $input: ImportInput!
    $actions: [ImportRowAction!]
    $first: Int!
    $offset: Int!
    $duplicates: Int!
  ) {
    previewImport(input: $input) {
      preview {
        counts {
          ...PreviewStep_counts @unmask
        }
        issues {
          field
          message
        }
        duplicates: rows(actions: [POSSIBLE_DUPLICATE], first: $duplicates) {
          totalCount
          nodes {
            values
            ...PreviewStep_row @unmask
          }
        }
        rows(actions: $actions, first: $first, offset: $offset) {
          totalCount
          nodes {
            ...PreviewStep_row @unmask
          }
        }
      }
      userErrors {
        ...MutationForm_userError @unmask
      }
    }
  }
`);

export const ApplyImportMutation = graphql(`
  mutation ApplyImport($input: ImportInput!) {
    applyImport(input: $input) {
      batch {
        id
        status
        createdAt
        ...ReportStep_batch @unmask
      }
      preview {
        counts {
          ...PreviewStep_counts @unmask
        }
      }
      userErrors {
        ...MutationForm_userError @unmask
      }
    }
  }
`);

export const UndoImportMutation = graphql(`
  mutation UndoImport($batchId: ID!) {
    undoImport(batchId: $batchId) {
      batch {
        id
        status
        undoneAt
      }
      userErrors {
        ...MutationForm_userError @unmask
      }
    }
  }
`);
