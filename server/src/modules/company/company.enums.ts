import { registerEnumType } from 'type-graphql';

export enum CompanyKind {
  EXPORTER = 'EXPORTER',
  BUYER = 'BUYER',
  DISTRIBUTOR = 'DISTRIBUTOR',
  RETAILER = 'RETAILER',
  INSTITUTION = 'INSTITUTION',
  PARTNER = 'PARTNER',
}
registerEnumType(CompanyKind, {
  name: 'CompanyKind',
  description: 'EXPORTER: a company the agency supports; the others are foreign counterparts and partners.',
});
