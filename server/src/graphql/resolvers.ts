import type { NonEmptyArray } from 'type-graphql';
import { AgencyResolver, UserAgencyResolver } from '../modules/agency/agency.resolver.js';
import { AuthResolver } from '../modules/auth/auth.resolver.js';
import { SectorResolver } from '../modules/sector/sector.resolver.js';

/** Every resolver of the API; a module adds its own here. */
export const resolvers: NonEmptyArray<Function> = [AuthResolver, AgencyResolver, UserAgencyResolver, SectorResolver];
