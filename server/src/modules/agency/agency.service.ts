import { type EntityManager, UniqueConstraintViolationException } from '@mikro-orm/core';
import { escapeLike } from '../../shared/filters.js';
import { hashPassword } from '../auth/password.js';
import { createDefaultPipeline } from '../pipeline/pipeline.defaults.js';
import type { Pipeline } from '../pipeline/pipeline.entity.js';
import type { PipelineStage } from '../pipeline/pipeline-stage.entity.js';
import { User } from '../user/user.entity.js';
import { Locale, Role } from '../user/user.enums.js';
import { Agency } from './agency.entity.js';
import { AgencyKind } from './agency.enums.js';
import { localeOfCountry } from './agency.locale.js';

/** The input of `createAgencyWithAdmin` was refused; the message says why, for a person. */
export class AgencySetupError extends Error {
  override name = 'AgencySetupError';
}

export interface AgencySetupInput {
  name: string;
  shortName: string;
  kind: AgencyKind | string;
  /** ISO 3166-1 alpha-2, e.g. MA. */
  country: string;
  /** ISO 4217, e.g. MAD. */
  baseCurrency: string;
  adminEmail: string;
  adminFullName: string;
  adminPassword: string;
  /** Interface language of the admin; by default from the agency's country. */
  adminLocale?: Locale;
}

export interface ValidAgencySetup extends Omit<AgencySetupInput, 'kind' | 'adminLocale'> {
  kind: AgencyKind;
  adminLocale: Locale;
}

export interface AgencySetupResult {
  agency: Agency;
  admin: User;
  pipeline: Pipeline;
  stages: PipelineStage[];
}

export const MIN_PASSWORD_LENGTH = 10;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
function required(value: string | undefined, label: string, maxLength: number): string {
  const trimmed = (value ?? '').trim();
  if (!trimmed) throw new AgencySetupError(`${label} is required`);
  if (trimmed.length > maxLength) throw new AgencySetupError(`${label} is longer than ${maxLength} characters`);
  return trimmed;
}

/** Checks and normalises the input (trimmed text, lower-case e-mail); throws AgencySetupError. */
export function validateAgencySetup(input: AgencySetupInput): ValidAgencySetup {
  const name = required(input.name, 'Agency name', 200);
  const shortName = required(input.shortName, 'Short name', 60);
  const kind = (input.kind ?? '').trim().toUpperCase();
  if (!Object.values(AgencyKind).includes(kind as AgencyKind)) {
    throw new AgencySetupError(
      `Agency kind must be one of ${Object.values(AgencyKind).join(', ')} (got "${input.kind}")`,
    );
  }
  const country = (input.country ?? '').trim();
  if (!/^[A-Z]{2}$/.test(country)) {
    throw new AgencySetupError(
      `Country must be an ISO 3166-1 alpha-2 code in capitals, e.g. MA (got "${input.country}")`,
    );
  }
  const baseCurrency = (input.baseCurrency ?? '').trim();
  if (!/^[A-Z]{3}$/.test(baseCurrency)) {
    throw new AgencySetupError(`Currency must be an ISO 4217 code in capitals, e.g. MAD (got "${input.baseCurrency}")`);
  }
  const adminEmail = required(input.adminEmail, 'Admin e-mail', 254).toLowerCase();
  if (!EMAIL.test(adminEmail)) throw new AgencySetupError(`"${input.adminEmail}" is not an e-mail address`);
  const adminFullName = required(input.adminFullName, "Admin's full name", 200);
  const adminPassword = input.adminPassword ?? '';
  if (adminPassword.length < MIN_PASSWORD_LENGTH) {
    throw new AgencySetupError(`The password must have at least ${MIN_PASSWORD_LENGTH} characters`);
  }
  return {
    name,
    shortName,
    kind: kind as AgencyKind,
    country,
    baseCurrency,
    adminEmail,
    adminFullName,
    adminPassword,
    adminLocale: input.adminLocale ?? localeOfCountry(country),
  };
}

function emailTakenError(email: string): AgencySetupError {
  return new AgencySetupError(`A user with the e-mail ${email} already exists`);
}

/**
 * Creates an agency, its default export pipeline and its first ADMIN, in one transaction.
 * `em` must cross agencies (`crossAgencyEm`): e-mails are unique across all agencies.
 */
export async function createAgencyWithAdmin(em: EntityManager, input: AgencySetupInput): Promise<AgencySetupResult> {
  const valid = validateAgencySetup(input);
  const passwordHash = await hashPassword(valid.adminPassword);
  try {
    return await em.transactional(async (tx) => {
      const taken = await tx.count(User, { email: { $ilike: escapeLike(valid.adminEmail) } });
      if (taken > 0) throw emailTakenError(valid.adminEmail);
      const agency = tx.create(Agency, {
        name: valid.name,
        shortName: valid.shortName,
        kind: valid.kind,
        country: valid.country,
        baseCurrency: valid.baseCurrency,
      });
      const { pipeline, stages } = createDefaultPipeline(tx, agency, localeOfCountry(agency.country));
      const admin = tx.create(User, {
        agency,
        email: valid.adminEmail,
        fullName: valid.adminFullName,
        role: Role.ADMIN,
        locale: valid.adminLocale,
        passwordHash,
      });
      return { agency, admin, pipeline, stages };
    });
  } catch (error) {
    // Two setups with one e-mail at once: the unique index decides, the message stays clear.
    if (error instanceof UniqueConstraintViolationException) throw emailTakenError(valid.adminEmail);
    throw error;
  }
}
