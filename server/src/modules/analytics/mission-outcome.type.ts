import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar } from '../../graphql/scalars.js';
import { loadRef } from '../../shared/load.js';
import { Money } from '../../shared/money.js';
import { Company } from '../company/company.entity.js';
import { CompanyKind } from '../company/company.enums.js';
import { MeetingStatus } from '../interaction/interaction.enums.js';
import { Mission } from '../mission/mission.entity.js';
import { ParticipantStatus } from '../mission/mission.enums.js';
import { StageCategory } from '../pipeline/pipeline.enums.js';
import { ConfirmationFigures } from './confirmation-figures.js';

export enum RoiUnavailableReason {
  NO_BUDGET = 'NO_BUDGET',
  ZERO_BUDGET = 'ZERO_BUDGET',
  EXCHANGE_RATE_MISSING = 'EXCHANGE_RATE_MISSING',
}
registerEnumType(RoiUnavailableReason, {
  name: 'RoiUnavailableReason',
  description: 'Why a mission outcome has no ROI.',
  valuesConfig: {
    NO_BUDGET: { description: 'The mission has no budget.' },
    ZERO_BUDGET: { description: 'The budget is zero (in the base currency, after rounding to cents).' },
    EXCHANGE_RATE_MISSING: {
      description:
        'The budget, or a won deal with an amount, is in a currency with no exchange rate valid on its day: the ratio would be wrong.',
    },
  },
});

@ObjectType({ description: 'How many participants of the delegation have a status.' })
export class ParticipantStatusCount {
  @Field(() => ParticipantStatus, { description: 'The participant status.' })
  status!: ParticipantStatus;

  @Field(() => Int, { description: 'Participants with this status.' })
  count!: number;
}

@ObjectType({ description: 'How many of the mission’s meetings have a status.' })
export class MeetingStatusCount {
  @Field(() => MeetingStatus, { description: 'The meeting status.' })
  status!: MeetingStatus;

  @Field(() => Int, { description: 'Meetings (interactions of kind MEETING) of the mission with this status.' })
  count!: number;
}

@ObjectType({ description: 'Distinct counterparts met in held meetings, of one company kind.' })
export class CompanyKindCount {
  @Field(() => CompanyKind, { description: 'The kind of the counterpart company.' })
  kind!: CompanyKind;

  @Field(() => Int, { description: 'Distinct companies of this kind met in at least one held meeting.' })
  count!: number;
}

@ObjectType({ description: 'The mission’s leads whose current stage has one category, with their value.' })
export class DealCategoryOutcome {
  @Field(() => StageCategory, { description: 'The category of the deals’ current stage.' })
  category!: StageCategory;

  @Field(() => Int, { description: 'Leads of the mission whose current stage has this category.' })
  deals!: number;

  @Field(() => Money, {
    description:
      'Sum of their amounts in the base currency: WON and LOST deals at the rate valid on their closedOn, OPEN deals at today’s rate. Deals without an amount add nothing; deals without a rate are left out (see dealsWithoutRate).',
  })
  value!: Money;

  @Field(() => Int, { description: 'Of these deals, those with an amount but no exchange rate valid on their day.' })
  dealsWithoutRate!: number;
}

@ObjectType({
  description:
    'The value won by a mission’s leads signed within a number of months after the mission’s end (cumulative: the 12-month cohort includes the 6-month one).',
})
export class MissionCohort {
  @Field(() => Int, { description: 'Months after the mission’s end: 6, 12 or 24.' })
  months!: number;

  @Field(() => DateScalar, {
    description: 'The last day of the window: the mission’s last day plus this many calendar months.',
  })
  until!: string;

  @Field(() => Boolean, { description: 'True when the window is over (until is before today): the figure is final.' })
  elapsed!: boolean;

  @Field(() => Int, { description: 'Leads of the mission currently WON whose closedOn is on or before until.' })
  dealsWon!: number;

  @Field(() => Money, {
    description: 'Their amounts in the base currency at the rate of each closedOn; deals without a rate left out.',
  })
  valueWon!: Money;

  @Field(() => Int, { description: 'Of these deals, those left out of valueWon for lack of an exchange rate.' })
  dealsWithoutRate!: number;
}

@ObjectType({
  description:
    'The road from meetings to contracts. A meeting “produced a lead” when it is the sourceInteraction of one of the mission’s leads; percentages are rounded to 2 places, null when the base is 0.',
})
export class MissionConversion {
  @Field(() => Int, { description: 'Meetings of the mission with status HELD.' })
  meetingsHeld!: number;

  @Field(() => Int, {
    description: 'Held meetings that are the sourceInteraction of at least one lead of the mission.',
  })
  meetingsWithLead!: number;

  @Field(() => Int, {
    description: 'Held meetings that are the sourceInteraction of at least one lead of the mission currently WON.',
  })
  meetingsWithWonDeal!: number;

  @Field(() => Int, { description: 'Leads: deals whose sourceMission is the mission.' })
  leads!: number;

  @Field(() => Int, { description: 'Leads whose current stage is WON.' })
  won!: number;

  @Field(() => Float, { nullable: true, description: '100 × meetingsWithLead / meetingsHeld.' })
  meetingToLeadPercent!: number | null;

  @Field(() => Float, { nullable: true, description: '100 × won / leads.' })
  leadToWonPercent!: number | null;

  @Field(() => Float, { nullable: true, description: '100 × meetingsWithWonDeal / meetingsHeld.' })
  meetingToWonPercent!: number | null;
}

@ObjectType({ description: 'One exporter’s part in a mission: its meetings, its leads and what they won.' })
export class MissionExporterOutcome {
  exporterRef!: Company;

  @Field(() => Company, { description: 'The exporter.' })
  exporter(): Promise<Company> {
    return loadRef(this.exporterRef);
  }

  @Field(() => ParticipantStatus, {
    nullable: true,
    description: 'Its status in the delegation; null when it is not a participant (it only met or got leads).',
  })
  participantStatus!: ParticipantStatus | null;

  @Field(() => Int, { description: 'Held meetings of the mission where it was the exporter.' })
  meetingsHeld!: number;

  @Field(() => Int, { description: 'Leads of the mission where it is the exporter.' })
  leads!: number;

  @Field(() => Int, { description: 'Of its leads, those currently WON.' })
  won!: number;

  @Field(() => Money, { description: 'Value of its WON leads in the base currency (rate of each closedOn).' })
  valueWon!: Money;

  @Field(() => Money, { description: 'Value of its OPEN leads in the base currency (today’s rate).' })
  valueOpen!: Money;

  @Field(() => Int, { description: 'Of its leads with an amount, those with no exchange rate valid on their day.' })
  dealsWithoutRate!: number;

  @Field(() => Int, {
    description: 'Of its WON leads, those its exporter confirmed (latest answer CONFIRMED or CORRECTED).',
  })
  wonConfirmed!: number;

  @Field(() => Money, { description: 'Value of its confirmed WON leads as confirmed (rate of the confirmed day).' })
  confirmedValueWon!: Money;

  @Field(() => Float, { nullable: true, description: 'wonConfirmed / won in percent; null without won leads.' })
  confirmationRatePercent!: number | null;
}

/** The delegation, as loaded by the service. */
export interface DelegationFigures {
  byStatus: ParticipantStatusCount[];
  size: number;
}

export interface MeetingFigures {
  held: number;
  counterpartsMet: number;
  conversion: MissionConversion;
  byStatus: MeetingStatusCount[];
  counterpartsByKind: CompanyKindCount[];
}

export interface DealFigures {
  baseCurrency: string;
  leads: number;
  won: number;
  byCategory: DealCategoryOutcome[];
  valueWon: Money;
  valueOpen: Money;
  dealsWithoutAmount: number;
  dealsWithoutRate: number;
  currenciesWithoutRate: string[];
  medianDaysToSignature: number | null;
  budgetInBaseCurrency: Money | null;
  roi: number | null;
  roiUnavailableReason: RoiUnavailableReason | null;
  cohorts: MissionCohort[];
}

@ObjectType({
  description:
    'What a mission produced: its delegation, meetings, counterparts, leads (deals whose sourceMission is the mission), the value they won, ROI and cohorts. Money in the agency’s base currency. See docs/analytics.md for every definition.',
})
export class MissionOutcome {
  loadConfirmation!: () => Promise<ConfirmationFigures>;
  loadDelegation!: () => Promise<DelegationFigures>;
  loadMeetings!: () => Promise<MeetingFigures>;
  loadDeals!: () => Promise<DealFigures>;
  loadExporters!: () => Promise<MissionExporterOutcome[]>;

  @Field(() => Mission, { description: 'The mission.' })
  mission!: Mission;

  loadBaseCurrency!: () => Promise<string>;

  @Field(() => String, { description: 'ISO 4217 code of the agency’s base currency, in which every amount here is.' })
  baseCurrency(): Promise<string> {
    return this.loadBaseCurrency();
  }

  @Field(() => Int, { description: 'Participants of the delegation, except those who WITHDREW.' })
  async delegationSize(): Promise<number> {
    return (await this.loadDelegation()).size;
  }

  @Field(() => [ParticipantStatusCount], {
    description: 'Participants by status: every status, in the order INVITED … WITHDREW, zeros included.',
  })
  async participantsByStatus(): Promise<ParticipantStatusCount[]> {
    return (await this.loadDelegation()).byStatus;
  }

  @Field(() => Int, { description: 'Meetings (interactions of kind MEETING) of the mission with status HELD.' })
  async meetingsHeld(): Promise<number> {
    return (await this.loadMeetings()).held;
  }

  @Field(() => [MeetingStatusCount], {
    description: 'The mission’s meetings by status: every status, zeros included.',
  })
  async meetingsByStatus(): Promise<MeetingStatusCount[]> {
    return (await this.loadMeetings()).byStatus;
  }

  @Field(() => Int, { description: 'Distinct counterpart companies met in held meetings.' })
  async counterpartsMet(): Promise<number> {
    return (await this.loadMeetings()).counterpartsMet;
  }

  @Field(() => [CompanyKindCount], {
    description: 'Distinct counterparts met in held meetings, by company kind; only kinds met, most met first.',
  })
  async counterpartsByKind(): Promise<CompanyKindCount[]> {
    return (await this.loadMeetings()).counterpartsByKind;
  }

  @Field(() => Int, { description: 'Leads born at the mission: deals whose sourceMission is the mission.' })
  async leads(): Promise<number> {
    return (await this.loadDeals()).leads;
  }

  @Field(() => [DealCategoryOutcome], {
    description: 'The leads by the category of their current stage: OPEN, WON, LOST, zeros included.',
  })
  async dealsByCategory(): Promise<DealCategoryOutcome[]> {
    return (await this.loadDeals()).byCategory;
  }

  @Field(() => Money, {
    description:
      'Value of the leads currently WON, each converted at the rate valid on its closedOn, rounded to cents, summed. Leads without a rate are left out and counted in dealsWithoutRate.',
  })
  async valueWon(): Promise<Money> {
    return (await this.loadDeals()).valueWon;
  }

  @Field(() => Money, {
    description: 'Value of the leads currently OPEN, each converted at today’s rate (as amountInBaseCurrency).',
  })
  async valueOpen(): Promise<Money> {
    return (await this.loadDeals()).valueOpen;
  }

  @Field(() => Int, { description: 'Leads with no amount: counted as deals, adding nothing to values.' })
  async dealsWithoutAmount(): Promise<number> {
    return (await this.loadDeals()).dealsWithoutAmount;
  }

  @Field(() => Int, {
    description: 'Leads with an amount but no exchange rate valid on their day (any category): left out of values.',
  })
  async dealsWithoutRate(): Promise<number> {
    return (await this.loadDeals()).dealsWithoutRate;
  }

  @Field(() => [String], {
    description: 'ISO 4217 codes of the currencies that had no rate for some lead; empty when values are complete.',
  })
  async currenciesWithoutRate(): Promise<string[]> {
    return (await this.loadDeals()).currenciesWithoutRate;
  }

  @Field(() => MissionConversion, { description: 'Conversion meeting → lead → won.' })
  async conversion(): Promise<MissionConversion> {
    return (await this.loadMeetings()).conversion;
  }

  @Field(() => Float, {
    nullable: true,
    description:
      'Median, over the leads currently WON, of the days from the mission’s last day (endsOn, else startsOn) to closedOn (percentile_cont 0.5). Null without won leads or mission dates.',
  })
  async medianDaysToSignature(): Promise<number | null> {
    return (await this.loadDeals()).medianDaysToSignature;
  }

  @Field(() => Money, { nullable: true, description: 'The mission’s budget, as recorded.' })
  budget!: Money | null;

  @Field(() => Money, {
    nullable: true,
    description:
      'The budget in the base currency, at the rate valid on the mission’s last day (today for an undated mission). Null without a budget or a rate.',
  })
  async budgetInBaseCurrency(): Promise<Money | null> {
    return (await this.loadDeals()).budgetInBaseCurrency;
  }

  @Field(() => Float, {
    nullable: true,
    description:
      'Return on the budget: valueWon / budgetInBaseCurrency, rounded to 4 places (3.5 = the contracts won are worth 3.5 times what the mission cost). Null when roiUnavailableReason says why.',
  })
  async roi(): Promise<number | null> {
    return (await this.loadDeals()).roi;
  }

  @Field(() => RoiUnavailableReason, { nullable: true, description: 'Why roi is null; null when there is a ROI.' })
  async roiUnavailableReason(): Promise<RoiUnavailableReason | null> {
    return (await this.loadDeals()).roiUnavailableReason;
  }

  @Field(() => [MissionCohort], {
    description:
      'Value won within 6, 12 and 24 months after the mission’s last day (deals sign long after the trip). Empty for an undated mission.',
  })
  async cohorts(): Promise<MissionCohort[]> {
    return (await this.loadDeals()).cohorts;
  }

  @Field(() => [MissionExporterOutcome], {
    description:
      'One row per exporter that took part, met or has a lead at the mission (withdrawn participants included), by name.',
  })
  exporters(): Promise<MissionExporterOutcome[]> {
    return this.loadExporters();
  }

  @Field({
    description:
      'Whether the figures count only the won deals their exporters confirmed, at the confirmed value and day (the confirmedOnly argument).',
  })
  confirmedOnly!: boolean;

  @Field(() => ConfirmationFigures, {
    description:
      'The exporters’ confirmations of the mission’s won leads: confirmation rate, confirmed beside recorded value, additionality.',
  })
  confirmation(): Promise<ConfirmationFigures> {
    return this.loadConfirmation();
  }
}
