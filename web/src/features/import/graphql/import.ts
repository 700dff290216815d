import { graphql } from '../../../gql';

export const ImportFileQuery = graphql(`
  query ImportFile($id: ID!, $kind: ImportKind!) {
    importFile(id: $id, kind: $kind) {
      id
      fileName
      fileSize
      format
      encoding
      separator
      sheet
      rowCount
      columns {
        index
        header
        field
        samples
      }
      fields {
        field
        label
        required
      }
    }
  }
`);

export const PreviewImportQuery = graphql(`
  query PreviewImport($input: ImportInput!, $actions: [ImportRowAction!], $first: Int!, $offset: Int!) {
    previewImport(input: $input) {
      preview {
        counts {
          ...PreviewStep_counts @unmask
        }
        issues {
          field
          message
        }
        duplicates: rows(actions: [POSSIBLE_DUPLICATE], first: 500) {
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
        field
        code
        message
      }
    }
  }
`);

/** @public A document graphql-codegen reads; queries spread it by name. */
export const PreviewStepCountsFragment = graphql(`
  fragment PreviewStep_counts on ImportCounts {
    total
    create
    update
    link
    unchanged
    skip
    error
    possibleDuplicate
  }
`);

/** @public A document graphql-codegen reads; queries spread it by name. */
export const PreviewStepRowFragment = graphql(`
  fragment PreviewStep_row on ImportRow {
    row
    action
    name
    target {
      id
      name
    }
    reasons
    changes
    decision
    errors {
      column
      header
      field
      message
    }
    candidates {
      id
      row
      name
      country
      city
      website
      email
      similarity
    }
  }
`);

export const ApplyImportMutation = graphql(`
  mutation ApplyImport($input: ImportInput!) {
    applyImport(input: $input) {
      batch {
        id
        fileName
        status
        createdAt
      }
      preview {
        counts {
          ...PreviewStep_counts @unmask
        }
      }
      userErrors {
        field
        code
        message
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
        field
        code
        message
      }
    }
  }
`);
