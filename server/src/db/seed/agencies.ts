import type { EntityManager } from '@mikro-orm/postgresql';
import { Decimal } from 'decimal.js';
import { Agency } from '../../modules/agency/agency.entity.js';
import { AgencyKind } from '../../modules/agency/agency.enums.js';
import { localeOfCountry } from '../../modules/agency/agency.locale.js';
import { ExchangeRate } from '../../modules/exchange-rate/exchange-rate.entity.js';
import { createDefaultPipeline, DEFAULT_STAGES } from '../../modules/pipeline/pipeline.defaults.js';
import { Sector } from '../../modules/sector/sector.entity.js';
import { User } from '../../modules/user/user.entity.js';
import { Locale, Role } from '../../modules/user/user.enums.js';
import { scenario } from './scenario.js';
import type { AgencyKey, SeededAgency, SeedWorld } from './seed-context.js';

export const DEMO_PASSWORD = 'demo-password';

const DEMO_USERS: { agency: AgencyKey; email: string; fullName: string; role: Role; locale: Locale }[] = [
  { agency: 'mosprom', email: 'admin@mosprom.demo', fullName: 'Ирина Соколова', role: Role.ADMIN, locale: Locale.ru },
  {
    agency: 'mosprom',
    email: 'manager@mosprom.demo',
    fullName: 'Alexeï Morozov',
    role: Role.ACCOUNT_MANAGER,
    locale: Locale.fr,
  },
  {
    agency: 'mosprom',
    email: 'analyst@mosprom.demo',
    fullName: 'Мария Кузнецова',
    role: Role.ANALYST,
    locale: Locale.en,
  },
  { agency: 'asmex', email: 'admin@asmex.demo', fullName: 'Salma Benjelloun', role: Role.ADMIN, locale: Locale.fr },
  { agency: 'rec', email: 'admin@rec.demo', fullName: 'Дмитрий Волков', role: Role.ADMIN, locale: Locale.ru },
];

/**
 * Illustrative rates (roughly the market of each date, not official fixings): units of RUB
 * for one unit of each currency. Rates to MAD are derived from them.
 */
const RUB_PER_UNIT: Record<string, Record<'EUR' | 'USD' | 'MAD', string>> = {
  '2023-01-01': { EUR: '75.66', USD: '70.34', MAD: '6.73' },
  '2024-01-01': { EUR: '99.19', USD: '89.69', MAD: '9.06' },
  '2025-01-01': { EUR: '106.10', USD: '101.68', MAD: '10.10' },
  '2025-07-01': { EUR: '92.28', USD: '78.52', MAD: '8.73' },
  '2026-01-01': { EUR: '93.50', USD: '79.80', MAD: '8.70' },
};

/** 1 unit of `currency` in `base`, from the table above. */
function rate(validOn: string, currency: string, base: string): string {
  const inRub = (code: string) => (code === 'RUB' ? new Decimal(1) : new Decimal(RUB_PER_UNIT[validOn][code as 'EUR']));
  return inRub(currency).div(inRub(base)).toDecimalPlaces(10).toFixed();
}

function seedExchangeRates(em: EntityManager, agency: Agency): void {
  for (const validOn of Object.keys(RUB_PER_UNIT)) {
    for (const currency of ['EUR', 'USD', 'MAD', 'RUB']) {
      if (currency === agency.baseCurrency) continue;
      em.create(ExchangeRate, { agency, currency, validOn, rate: rate(validOn, currency, agency.baseCurrency) });
    }
  }
}

/** Agencies, their users, default pipeline, sectors and exchange rates. */
export function seedAgencies(em: EntityManager, passwordHash: string): SeedWorld {
  const world: SeedWorld = { em, agencies: new Map() };
  for (const spec of scenario.agencies) {
    const agency = em.create(Agency, {
      name: spec.name,
      shortName: spec.shortName,
      kind: spec.kind as AgencyKind,
      country: spec.country,
      baseCurrency: spec.baseCurrency,
    });
    const users = DEMO_USERS.filter((user) => user.agency === spec.key).map((user) =>
      em.create(User, {
        agency,
        email: user.email,
        fullName: user.fullName,
        role: user.role,
        locale: user.locale,
        passwordHash,
      }),
    );
    const admin = users.find((user) => user.role === Role.ADMIN)!;
    const manager = users.find((user) => user.role === Role.ACCOUNT_MANAGER) ?? admin;
    const locale = localeOfCountry(agency.country);
    const { pipeline, stages } = createDefaultPipeline(em, agency, locale);
    const sectors = new Map(
      scenario.sectors.map(({ code, fr, en, ru }) => [
        code,
        em.create(Sector, { agency, code, names: { fr, en, ru } }),
      ]),
    );
    seedExchangeRates(em, agency);
    const seeded: SeededAgency = {
      key: spec.key as AgencyKey,
      agency,
      admin,
      manager,
      pipeline,
      // The seed's plans name stages by their English names, whatever the agency's language.
      stages: new Map(stages.map((stage, position) => [DEFAULT_STAGES[position].names.en, stage])),
      locale,
      sectors,
      companies: new Map(),
      contacts: new Map(),
      missions: new Map(),
      meetings: new Map(),
    };
    world.agencies.set(seeded.key, seeded);
  }
  return world;
}
