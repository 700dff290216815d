import { graphql } from '../../../gql';

/**
 * @public A document graphql-codegen reads: what says which mission it is (name, kind, status,
 * place and dates), spread unmasked by every fragment that shows or edits a mission.
 */
export const MissionFactsFragment = graphql(`
  fragment MissionFacts_mission on Mission {
    id
    name
    kind
    status
    hostCountry
    city
    startsOn
    endsOn
    datesApproximate
  }
`);
