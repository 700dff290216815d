import { graphql } from '../../../gql';

/** How far the viewer's preview or apply of the file has got (null when the answering process runs none). */
export const ImportProgressQuery = graphql(`
  query ImportProgress($fileId: ID!) {
    importProgress(fileId: $fileId) {
      phase
      done
      total
    }
  }
`);
