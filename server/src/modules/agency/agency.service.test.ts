import type { EntityManager } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crossAgencyEm } from '../../db/agency-scope.js';
import { startTestServer, type TestServer } from '../../test/test-server.js';
import { AgencySetupError, createAgencyWithAdmin } from './agency.service.js';

let server: TestServer;
const input = {
  name: 'Maroc Export',
  shortName: 'Maroc Export',
  kind: 'NATIONAL_EXPORT_AGENCY',
  country: 'MA',
  baseCurrency: 'MAD',
  adminEmail: 'Admin@MarocExport.example',
  adminFullName: 'Amina Benali',
  adminPassword: 'a-long-enough-password',
};

beforeAll(async () => {
  server = await startTestServer({ template: 'empty' });
});
afterAll(() => server?.close());

const em = () => crossAgencyEm(server.db.orm.em as unknown as EntityManager);

describe('creating an agency and its first admin (the CLI on a production database)', () => {
  it('creates the agency, its default pipeline and an admin who can sign in', async () => {
    await createAgencyWithAdmin(em(), input as never);
    const stages = await server.db.orm.em
      .getConnection()
      .execute<{ name: string; category: string }[]>('select name, category from pipeline_stage order by position');
    // A Moroccan agency works in French: its pipeline is named as its admin would name it.
    expect(stages.map((s) => s.name)).toEqual([
      'Prospect',
      'Qualifié',
      'Rendez-vous tenu',
      'Négociation',
      'Fournisseur présélectionné',
      'Contrat signé',
      'Perdu',
    ]);
    const [pipeline] = await server.db.orm.em.getConnection().execute<{ name: string }[]>('select name from pipeline');
    expect(pipeline.name).toBe('Pipeline export');
    const cookie = await server.login('admin@marocexport.example', input.adminPassword);
    const viewer = await server.gql('{ viewer { role agency { name baseCurrency } } }', {}, { cookie });
    expect(viewer.data?.viewer).toEqual({ role: 'ADMIN', agency: { name: 'Maroc Export', baseCurrency: 'MAD' } });
  });

  it('refuses a taken e-mail, a short password and bad codes, and writes nothing', async () => {
    const cases = [
      { ...input, adminEmail: 'ADMIN@marocexport.example' },
      { ...input, adminEmail: 'other@x.example', adminPassword: 'short' },
      { ...input, adminEmail: 'other@x.example', country: 'ma' },
      { ...input, adminEmail: 'other@x.example', baseCurrency: 'DIRHAM' },
      { ...input, adminEmail: 'not-an-email' },
    ];
    for (const bad of cases) {
      await expect(createAgencyWithAdmin(em(), bad as never)).rejects.toBeInstanceOf(AgencySetupError);
    }
    const agencies = await server.db.orm.em.getConnection().execute('select id from agency');
    expect(agencies).toHaveLength(1);
  });
});
