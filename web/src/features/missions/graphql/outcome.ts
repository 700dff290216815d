import { graphql } from '../../../gql';

export const MissionOutcomeQuery = graphql(`
  query MissionOutcome($missionId: ID!, $confirmedOnly: Boolean!) {
    missionOutcome(missionId: $missionId, confirmedOnly: $confirmedOnly) {
      baseCurrency
      confirmedOnly
      delegationSize
      meetingsHeld
      counterpartsMet
      leads
      dealsWithoutRate
      currenciesWithoutRate
      medianDaysToSignature
      roi
      roiUnavailableReason
      budget {
        amount
        currency
      }
      budgetInBaseCurrency {
        amount
        currency
      }
      valueWon {
        amount
        currency
      }
      valueOpen {
        amount
        currency
      }
      meetingsByStatus {
        status
        count
      }
      dealsByCategory {
        category
        deals
        value {
          amount
          currency
        }
      }
      conversion {
        leads
        won
        meetingsHeld
        meetingsWithLead
        meetingToLeadPercent
        leadToWonPercent
      }
      cohorts {
        ...OutcomePanel_cohort @unmask
      }
      exporters {
        ...OutcomePanel_exporter @unmask
      }
      confirmation {
        ...OutcomeConfirmation_figures @unmask
      }
    }
  }
`);
