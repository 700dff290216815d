import { registerEnumType } from 'type-graphql';

export enum AgencyKind {
  CITY_EXPORT_CENTER = 'CITY_EXPORT_CENTER',
  NATIONAL_EXPORT_AGENCY = 'NATIONAL_EXPORT_AGENCY',
  EXPORTERS_ASSOCIATION = 'EXPORTERS_ASSOCIATION',
  BUSINESS_COUNCIL = 'BUSINESS_COUNCIL',
  CHAMBER = 'CHAMBER',
  TRADE_REPRESENTATION = 'TRADE_REPRESENTATION',
}
registerEnumType(AgencyKind, { name: 'AgencyKind', description: 'What kind of organisation an agency is.' });
