import { graphql } from '../../gql';

/**
 * @public A document graphql-codegen reads: what every view of a deal shows of it (the board's
 * cards, the edit form, a mission's and a company's deals): its title, amount and the two
 * companies. Each feature's own fragment spreads it unmasked and adds what only it shows (its
 * `useFragment` then names its own fragment: `fragmentName`).
 */
export const DealSummaryFragment = graphql(`
  fragment DealSummary_deal on Deal {
    id
    title
    amount {
      amount
      currency
    }
    exporter {
      id
      name
    }
    buyer {
      id
      name
    }
  }
`);

/**
 * @public The deal's value in the agency's base currency and who owns it, as the board's cards and
 * a mission's deals show them (spread unmasked).
 */
export const DealValueFragment = graphql(`
  fragment DealValue_deal on Deal {
    exchangeRateMissing
    amountInBaseCurrency {
      amount
      currency
    }
    owner {
      id
      fullName
    }
  }
`);
