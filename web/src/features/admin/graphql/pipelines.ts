import { graphql } from '../../../gql';

export const AdminPipelinesQuery = graphql(`
  query AdminPipelines($first: Int!) {
    pipelines(first: $first, orderBy: { field: NAME, direction: ASC }) {
      totalCount
      nodes {
        id
        ...StagesEditor_pipeline
      }
    }
  }
`);

export const StagesEditorFragment = graphql(`
  fragment StagesEditor_pipeline on Pipeline {
    id
    name
    isDefault
    stages(includeRetired: true) {
      id
      name
      category
      probability
      retired
      position
    }
  }
`);

export const UpdatePipelineStagesMutation = graphql(`
  mutation UpdatePipelineStages($input: UpdatePipelineStagesInput!) {
    updatePipelineStages(input: $input) {
      pipeline {
        id
        ...StagesEditor_pipeline
      }
      userErrors {
        ...MutationForm_userError @unmask
      }
    }
  }
`);

export const CreatePipelineMutation = graphql(`
  mutation CreatePipeline($input: CreatePipelineInput!) {
    createPipeline(input: $input) {
      pipeline {
        id
        ...StagesEditor_pipeline
      }
      userErrors {
        ...MutationForm_userError @unmask
      }
    }
  }
`);
