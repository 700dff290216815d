import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar } from '../../graphql/scalars.js';
import { loadOptionalRef } from '../../shared/load.js';
import { Money } from '../../shared/money.js';
import { Company } from '../company/company.entity.js';
import { Mission } from '../mission/mission.entity.js';
import { Sector } from '../sector/sector.entity.js';
import { User } from '../user/user.entity.js';
import { ConfirmationFigures } from './confirmation-figures.js';

export enum ExportValueDimension {
  COUNTRY = 'COUNTRY',
  SECTOR = 'SECTOR',
  MISSION = 'MISSION',
  EXPORTER = 'EXPORTER',
  OWNER = 'OWNER',
  MONTH = 'MONTH',
  QUARTER = 'QUARTER',
  HALF_YEAR = 'HALF_YEAR',
  YEAR = 'YEAR',
}
registerEnumType(ExportValueDimension, {
  name: 'ExportValueDimension',
  description: 'What export value is grouped by. Calendar dimensions (MONTH … YEAR) group by the deal’s closedOn.',
  valuesConfig: {
    COUNTRY: { description: 'The deal’s destinationCountry (the market); null when not recorded.' },
    SECTOR: { description: 'The deal’s sector; null when not recorded.' },
    MISSION: { description: 'The deal’s sourceMission, the mission where the lead was born; null for none.' },
    EXPORTER: { description: 'The deal’s exporter.' },
    OWNER: { description: 'The deal’s owner (the account manager in charge).' },
    MONTH: { description: 'Calendar month of closedOn, labelled 2025-09.' },
    QUARTER: { description: 'Calendar quarter of closedOn, labelled 2025-Q3.' },
    HALF_YEAR: { description: 'Half-year of closedOn (H1 = January-June), labelled 2025-H2.' },
    YEAR: { description: 'Calendar year of closedOn, labelled 2025.' },
  },
});

export const CALENDAR_DIMENSIONS: readonly ExportValueDimension[] = [
  ExportValueDimension.MONTH,
  ExportValueDimension.QUARTER,
  ExportValueDimension.HALF_YEAR,
  ExportValueDimension.YEAR,
];

export enum ExportValueComparison {
  NONE = 'NONE',
  PREVIOUS_PERIOD = 'PREVIOUS_PERIOD',
  YEAR_EARLIER = 'YEAR_EARLIER',
}
registerEnumType(ExportValueComparison, {
  name: 'ExportValueComparison',
  description: 'Which earlier period an export value report compares with.',
  valuesConfig: {
    NONE: { description: 'No comparison (compareWithPrevious was false).' },
    PREVIOUS_PERIOD: {
      description: 'The same number of days right before `from` (no calendar dimension in groupBy).',
    },
    YEAR_EARLIER: {
      description:
        'The same dates one year earlier (a calendar dimension in groupBy): 2025-H1 is compared with 2024-H1.',
    },
  },
});

@ObjectType({ description: 'Won deals and their value, for one group or a total.' })
export class ExportValueFigures {
  @Field(() => Int, {
    description: 'Deals in a WON stage now with closedOn in the period (with or without an amount or a rate).',
  })
  dealsWon!: number;

  @Field(() => Money, {
    description:
      'Their amounts in the base currency, each at the rate valid on its closedOn, rounded to cents, summed exactly. Deals with no amount add nothing; deals with no rate are left out (see dealsWithoutRate).',
  })
  value!: Money;

  @Field(() => Int, { description: 'Won deals without an amount: counted in dealsWon, adding nothing to value.' })
  dealsWithoutAmount!: number;

  @Field(() => Int, {
    description:
      'Won deals with an amount in a currency that had no exchange rate valid on their closedOn: counted in dealsWon, left out of value.',
  })
  dealsWithoutRate!: number;

  @Field(() => [String], {
    description: 'ISO 4217 codes of the currencies of those deals; empty when value is complete.',
  })
  currenciesWithoutRate!: string[];
}

@ObjectType({ description: 'A calendar period (month, quarter, half-year or year).' })
export class CalendarPeriod {
  @Field(() => ExportValueDimension, { description: 'MONTH, QUARTER, HALF_YEAR or YEAR.' })
  unit!: ExportValueDimension;

  @Field({ description: 'Its label: 2025-09, 2025-Q3, 2025-H2 or 2025.' })
  label!: string;

  @Field(() => DateScalar, { description: 'Its first day.' })
  start!: string;

  @Field(() => DateScalar, {
    description:
      'Its last day. Only deals closed between the report’s from and to count, even if the period is longer.',
  })
  end!: string;
}

@ObjectType({
  description:
    'One group of an export value report. Fields of the dimensions not grouped by are null; so is a grouped dimension’s field for deals without that value (e.g. no destinationCountry).',
})
export class ExportValueRow {
  sectorRef!: Sector | null;
  missionRef!: Mission | null;
  exporterRef!: Company | null;
  ownerRef!: User | null;

  @Field(() => [String], {
    nullable: 'items',
    description:
      'The group’s key, one entry per groupBy dimension in its order: a country code, an id, or a period label (null for deals without the value).',
  })
  key!: (string | null)[];

  @Field({ description: 'A readable name of the group: its labels in groupBy order, joined by “ · ”.' })
  label!: string;

  @Field(() => String, { nullable: true, description: 'COUNTRY: ISO 3166-1 alpha-2 code of the market.' })
  country!: string | null;

  @Field(() => Sector, { nullable: true, description: 'SECTOR: the sector.' })
  sector(): Promise<Sector | null> {
    return loadOptionalRef(this.sectorRef);
  }

  @Field(() => Mission, { nullable: true, description: 'MISSION: the source mission.' })
  mission(): Promise<Mission | null> {
    return loadOptionalRef(this.missionRef);
  }

  @Field(() => Company, { nullable: true, description: 'EXPORTER: the exporter.' })
  exporter(): Promise<Company | null> {
    return loadOptionalRef(this.exporterRef);
  }

  @Field(() => User, { nullable: true, description: 'OWNER: the deals’ owner.' })
  owner(): Promise<User | null> {
    return loadOptionalRef(this.ownerRef);
  }

  @Field(() => CalendarPeriod, { nullable: true, description: 'MONTH: the month.' })
  month!: CalendarPeriod | null;

  @Field(() => CalendarPeriod, { nullable: true, description: 'QUARTER: the quarter.' })
  quarter!: CalendarPeriod | null;

  @Field(() => CalendarPeriod, { nullable: true, description: 'HALF_YEAR: the half-year.' })
  halfYear!: CalendarPeriod | null;

  @Field(() => CalendarPeriod, { nullable: true, description: 'YEAR: the year.' })
  year!: CalendarPeriod | null;

  @Field(() => CalendarPeriod, {
    nullable: true,
    description: 'The finest calendar period grouped by (month, else quarter, half-year, year); null for none.',
  })
  period!: CalendarPeriod | null;

  @Field(() => ExportValueFigures, { description: 'The group’s figures between from and to.' })
  current!: ExportValueFigures;

  @Field(() => ExportValueFigures, {
    nullable: true,
    description:
      'The same group’s figures in the previous period (see ExportValueReport.comparison); null without compareWithPrevious.',
  })
  previous!: ExportValueFigures | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'Growth of value against the previous period, in percent, 2 places: 100 × (current − previous) / previous. Null when the previous value is 0 or without compareWithPrevious.',
  })
  growthPercent!: number | null;
}

@ObjectType({
  description:
    'Export value: deals won (in a WON stage now) with closedOn between from and to, valued in the base currency at the rate of their closedOn, grouped, and optionally compared with an earlier period. See docs/analytics.md.',
})
export class ExportValueReport {
  @Field(() => [ExportValueDimension], { description: 'The dimensions grouped by, in order.' })
  groupBy!: ExportValueDimension[];

  @Field(() => DateScalar, { description: 'First closedOn day counted.' })
  from!: string;

  @Field(() => DateScalar, { description: 'Last closedOn day counted.' })
  to!: string;

  @Field(() => ExportValueComparison, { description: 'How the previous period was chosen.' })
  comparison!: ExportValueComparison;

  @Field(() => DateScalar, { nullable: true, description: 'First day of the previous period.' })
  previousFrom!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Last day of the previous period.' })
  previousTo!: string | null;

  @Field({ description: 'ISO 4217 code of the agency’s base currency: every value is in it.' })
  baseCurrency!: string;

  @Field(() => ExportValueFigures, { description: 'All won deals between from and to, whatever their group.' })
  total!: ExportValueFigures;

  @Field(() => ExportValueFigures, { nullable: true, description: 'All won deals of the previous period.' })
  previousTotal!: ExportValueFigures | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Growth of the total value, in percent (2 places); null when the previous total is 0.',
  })
  totalGrowthPercent!: number | null;

  @Field(() => [ExportValueRow], {
    description:
      'The groups: every combination of the non-calendar values that has a won deal in either period, crossed with every calendar period from `from` to `to` (so empty periods show as zeros), ordered by the dimensions in groupBy order (periods by date, others by name, none last).',
  })
  rows!: ExportValueRow[];

  loadConfirmation!: () => Promise<ConfirmationFigures>;

  @Field({ description: 'Whether only the won deals their exporters confirmed count (the confirmedOnly argument).' })
  confirmedOnly!: boolean;

  @Field(() => ConfirmationFigures, {
    description:
      'The exporters’ confirmations of the won deals closed (as recorded) between from and to that the filter keeps: the confirmation rate, confirmed beside recorded value. One more statement, when selected.',
  })
  confirmation(): Promise<ConfirmationFigures> {
    return this.loadConfirmation();
  }
}
