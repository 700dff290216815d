import type { NonEmptyArray } from 'type-graphql';
import { AgencyResolver, UserAgencyResolver } from '../modules/agency/agency.resolver.js';
import { ApiTokenResolver } from '../modules/auth/api-token.resolver.js';
import { AuthResolver } from '../modules/auth/auth.resolver.js';
import { CompanyResolver } from '../modules/company/company.resolver.js';
import { ContactResolver } from '../modules/contact/contact.resolver.js';
import { SectorResolver } from '../modules/sector/sector.resolver.js';

/** Every resolver of the API; a module adds its own here. */
export const resolvers: NonEmptyArray<Function> = [
  AuthResolver,
  ApiTokenResolver,
  AgencyResolver,
  UserAgencyResolver,
  SectorResolver,
  CompanyResolver,
  ContactResolver,
];
