import type { EntityManager } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agency } from '../modules/agency/agency.entity.js';
import { AgencyKind } from '../modules/agency/agency.enums.js';
import { Company } from '../modules/company/company.entity.js';
import { CompanyKind } from '../modules/company/company.enums.js';
import { Sector } from '../modules/sector/sector.entity.js';
import { startTestServer, type TestServer } from '../test/test-server.js';
import { AgencyScopeError, agencyEm, crossAgencyEm } from './agency-scope.js';

/**
 * Isolation at the ORM layer, where every resolver reads and writes: whatever a service asks,
 * it sees and changes its own agency's rows only. (The API-level suite is tests/api/isolation.)
 */
let server: TestServer;
let root: EntityManager;
const ids = {} as Record<'mosprom' | 'asmex' | 'ownCompany' | 'foreignCompany' | 'foreignSector', string>;

beforeAll(async () => {
  server = await startTestServer({ template: 'empty' });
  root = server.db.orm.em as unknown as EntityManager;
  const em = crossAgencyEm(root);
  const mosprom = em.create(Agency, {
    name: 'Mosprom',
    shortName: 'Mosprom',
    kind: AgencyKind.CITY_EXPORT_CENTER,
    country: 'RU',
    baseCurrency: 'RUB',
  });
  const asmex = em.create(Agency, {
    name: 'ASMEX',
    shortName: 'ASMEX',
    kind: AgencyKind.EXPORTERS_ASSOCIATION,
    country: 'MA',
    baseCurrency: 'MAD',
  });
  const own = em.create(Company, {
    agency: mosprom,
    name: 'Fish World',
    normalizedName: 'fish world',
    kind: CompanyKind.EXPORTER,
    country: 'RU',
  });
  const foreign = em.create(Company, {
    agency: asmex,
    name: 'Fish World',
    normalizedName: 'fish world',
    kind: CompanyKind.EXPORTER,
    country: 'RU',
  });
  const sector = em.create(Sector, {
    agency: asmex,
    code: 'food',
    names: { fr: 'Agroalimentaire', en: 'Food', ru: 'Продукты' },
  });
  await em.flush();
  Object.assign(ids, {
    mosprom: mosprom.id,
    asmex: asmex.id,
    ownCompany: own.id,
    foreignCompany: foreign.id,
    foreignSector: sector.id,
  });
});
afterAll(() => server?.close());

describe('agency scope', () => {
  it('lists only the agency’s own rows', async () => {
    const em = agencyEm(root, ids.mosprom);
    expect((await em.find(Company, {})).map((c) => c.id)).toEqual([ids.ownCompany]);
    expect(await em.count(Company, {})).toBe(1);
  });

  it('reads another agency’s row by id as not found', async () => {
    const em = agencyEm(root, ids.mosprom);
    expect(await em.findOne(Company, ids.foreignCompany)).toBeNull();
    expect(await em.findOne(Sector, ids.foreignSector)).toBeNull();
  });

  it('cannot update or delete another agency’s rows, even with a native query', async () => {
    const em = agencyEm(root, ids.mosprom);
    expect(await em.nativeUpdate(Company, { id: ids.foreignCompany }, { name: 'Stolen' })).toBe(0);
    expect(await em.nativeDelete(Company, { id: ids.foreignCompany })).toBe(0);
    const check = crossAgencyEm(root);
    expect((await check.findOneOrFail(Company, ids.foreignCompany)).name).toBe('Fish World');
  });

  it('refuses to create a row in another agency', async () => {
    const em = agencyEm(root, ids.mosprom);
    em.create(Company, {
      agency: ids.asmex,
      name: 'Intruder',
      normalizedName: 'intruder',
      kind: CompanyKind.BUYER,
      country: 'MA',
    });
    await expect(em.flush()).rejects.toBeInstanceOf(AgencyScopeError);
    expect(await crossAgencyEm(root).count(Company, { name: 'Intruder' })).toBe(0);
  });

  it('refuses a reference to another agency’s row, loaded or not', async () => {
    const em = agencyEm(root, ids.mosprom);
    const company = await em.findOneOrFail(Company, ids.ownCompany, { populate: ['sectors'] });
    company.sectors.add(em.getReference(Sector, ids.foreignSector));
    await expect(em.flush()).rejects.toBeInstanceOf(AgencyScopeError);
    const em2 = agencyEm(root, ids.mosprom);
    em2.create(Company, {
      agency: ids.mosprom,
      name: 'Ref',
      normalizedName: 'ref',
      kind: CompanyKind.BUYER,
      country: 'MA',
      accountManager: null,
    });
    await em2.flush();
    const sectorRows = await root.getConnection().execute('select * from company_sector');
    expect(sectorRows).toEqual([]);
  });

  it('fails loudly when a query has no agency at all', async () => {
    const em = root.fork();
    await expect(em.find(Company, {})).rejects.toThrow();
  });

  it('an anonymous request scope reads nothing', async () => {
    const em = agencyEm(root, '00000000-0000-0000-0000-000000000000');
    expect(await em.find(Company, {})).toEqual([]);
  });
});
