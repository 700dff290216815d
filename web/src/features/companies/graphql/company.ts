import { graphql } from '../../../gql';

export const CompanyPageQuery = graphql(`
  query CompanyPage($id: ID!, $panelRows: Int!, $interactionRows: Int!, $missionRows: Int!, $stageChanges: Int!) {
    company(id: $id) {
      id
      name
      mergedInto {
        id
        name
      }
      ...CompanyHeader_company
      ...CompanyForm_company
      ...CompanyAbout_company
      contacts(first: $panelRows) {
        totalCount
        nodes {
          id
          ...ContactsPanel_contact
          ...ContactForm_contact
        }
      }
      interactions(first: $interactionRows) {
        totalCount
        nodes {
          id
          ...Timeline_interaction
        }
      }
      tasks(first: $panelRows) {
        totalCount
        nodes {
          id
          ...Timeline_task
        }
      }
      missions(first: $missionRows) {
        totalCount
        nodes {
          id
          ...MissionsPanel_mission
        }
      }
    }
    asExporter: deals(first: $panelRows, filter: { exporterIds: [$id] }, orderBy: { field: UPDATED_AT, direction: DESC }) {
      totalCount
      nodes {
        id
        ...DealsPanel_deal
        ...Timeline_deal
      }
    }
    asBuyer: deals(first: $panelRows, filter: { buyerIds: [$id] }, orderBy: { field: UPDATED_AT, direction: DESC }) {
      totalCount
      nodes {
        id
        ...DealsPanel_deal
        ...Timeline_deal
      }
    }
  }
`);
