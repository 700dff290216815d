import { graphql } from '../../../gql';

export const CompanyPageQuery = graphql(`
  query CompanyPage($id: ID!) {
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
      contacts(first: 50) {
        totalCount
        nodes {
          id
          ...ContactsPanel_contact
          ...ContactForm_contact
        }
      }
      interactions(first: 100) {
        totalCount
        nodes {
          id
          ...Timeline_interaction
        }
      }
      tasks(first: 50) {
        totalCount
        nodes {
          id
          ...Timeline_task
        }
      }
      missions(first: 20) {
        totalCount
        nodes {
          id
          ...MissionsPanel_mission
        }
      }
    }
    asExporter: deals(first: 50, filter: { exporterIds: [$id] }, orderBy: { field: UPDATED_AT, direction: DESC }) {
      totalCount
      nodes {
        id
        ...DealsPanel_deal
        ...Timeline_deal
      }
    }
    asBuyer: deals(first: 50, filter: { buyerIds: [$id] }, orderBy: { field: UPDATED_AT, direction: DESC }) {
      totalCount
      nodes {
        id
        ...DealsPanel_deal
        ...Timeline_deal
      }
    }
  }
`);
