import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crossAgencyEm } from '../../server/src/db/agency-scope.js';
import { createAgencyWithAdmin } from '../../server/src/modules/agency/agency.service.js';
import { startTestServer, type TestServer } from '../../server/src/test/test-server.js';

/** The server's EntityManager type (@mikro-orm/postgresql is a dependency of the server, not of this folder). */
type AgencyEm = Parameters<typeof createAgencyWithAdmin>[0];

/**
 * Issue 3's "done when": the Mosprom mission to Casablanca (8-10 September 2025) built from an
 * empty agency through the GraphQL API alone, then read back in one query.
 */
let server: TestServer;
let cookie: string;

beforeAll(async () => {
  server = await startTestServer({ template: 'empty' });
  await createAgencyWithAdmin(crossAgencyEm(server.db.orm.em as unknown as AgencyEm), {
    name: 'Centre Mosprom',
    shortName: 'Mosprom',
    kind: 'CITY_EXPORT_CENTER',
    country: 'RU',
    baseCurrency: 'RUB',
    adminEmail: 'admin@mosprom.test',
    adminFullName: 'Admin Mosprom',
    adminPassword: 'a-long-enough-password',
  });
  cookie = await server.login('admin@mosprom.test', 'a-long-enough-password');
});
afterAll(() => server?.close());

async function call(mutation: string, input: Record<string, unknown>, key: string): Promise<{ id: string }> {
  const response = await server.gql(
    `mutation($input: ${mutation.charAt(0).toUpperCase()}${mutation.slice(1)}Input!) { ${mutation}(input: $input) { ${key} { id } userErrors { field code message } } }`,
    { input },
    { cookie },
  );
  expect(response.errors, mutation).toBeUndefined();
  expect(response.data?.[mutation].userErrors, `${mutation} ${JSON.stringify(input)}`).toEqual([]);
  return response.data?.[mutation][key];
}

const EXPORTERS = [
  ['Nex-T LLC', ['NexTouch']],
  ['Intermobility.EVa', []],
  ['Fish World', []],
  ['МедТехника', []],
  ['Фарма-Синтез', []],
  ['3D Принт Про', []],
] as const;

describe('the Casablanca 2025 mission, built through the API alone', () => {
  it('creates it, its delegation, its meetings and follow-ups, and reads it all back in one query', async () => {
    const mission = await call(
      'createMission',
      {
        name: 'Mission d’affaires Mosprom à Casablanca',
        kind: 'TRADE_MISSION',
        hostCountry: 'MA',
        city: 'Casablanca',
        startsOn: '2025-09-08',
        endsOn: '2025-09-10',
        budget: { amount: '4500000.00', currency: 'RUB' },
      },
      'mission',
    );
    const exporters: Record<string, string> = {};
    for (const [name, brands] of EXPORTERS) {
      exporters[name] = (await call('createCompany', { name, kind: 'EXPORTER', country: 'RU', brands }, 'company')).id;
      await call(
        'addMissionParticipant',
        { missionId: mission.id, companyId: exporters[name], status: 'CONFIRMED' },
        'participant',
      );
    }
    const counterpart = async (name: string, kind: string) =>
      (await call('createCompany', { name, kind, country: 'MA', city: 'Casablanca' }, 'company')).id;
    const chamber = await counterpart('Chambre de Commerce et d’Industrie du Maroc', 'INSTITUTION');
    const university = await counterpart('Université médicale de l’Afrique francophone', 'INSTITUTION');
    const distributors = [
      await counterpart('Atlas Distribution', 'DISTRIBUTOR'),
      await counterpart('Marjane Holding', 'RETAILER'),
      await counterpart('Sahara Seafood Trading', 'DISTRIBUTOR'),
    ];
    const contact = await call(
      'createContact',
      { companyId: university, fullName: 'Dr. Amina El Fassi', jobTitle: 'Directrice des achats' },
      'contact',
    );

    const meet = (exporter: string, counterpartId: string, start: string, subject: string, contactIds: string[] = []) =>
      call(
        'logInteraction',
        {
          kind: 'MEETING',
          missionId: mission.id,
          exporterId: exporter,
          counterpartId,
          contactIds,
          subject,
          startsAt: `2025-09-08T${start}:00Z`,
          endsAt: `2025-09-08T${start.replace(/:\d\d$/, ':45')}:00Z`,
          place: 'Table 4',
          status: 'HELD',
          outcome: 'POSITIVE',
        },
        'interaction',
      );
    await meet(exporters['Nex-T LLC'], chamber, '09:00', 'Présentation NexTouch à la CCIM');
    await meet(exporters['Nex-T LLC'], university, '10:00', 'Écrans interactifs pour le nouveau bâtiment', [
      contact.id,
    ]);
    for (const [i, distributor] of distributors.entries()) {
      await meet(exporters['Fish World'], distributor, `1${i + 1}:00`, 'Caviar et conserves de poisson');
    }
    await call(
      'createTask',
      { title: 'Envoyer l’offre à l’université', dueOn: '2025-09-20', missionId: mission.id },
      'task',
    );
    await call(
      'createTask',
      { title: 'Échantillons pour Marjane', dueOn: '2025-09-25', missionId: mission.id },
      'task',
    );

    const read = await server.gql(
      `query($id: ID!) {
        mission(id: $id) {
          name hostCountry startsOn endsOn budget { amount currency }
          participants(first: 10) { totalCount nodes { status company { name brands } meetings(first: 10) { totalCount nodes { subject counterpart { name } } } } }
          interactions(first: 20) { totalCount }
          tasks(first: 10) { totalCount nodes { title dueOn } }
          agenda(day: "2025-09-08") { subject startsAt exporter { name } counterpart { name } }
        }
      }`,
      { id: mission.id },
      { cookie },
    );
    expect(read.errors).toBeUndefined();
    const m = read.data?.mission;
    expect(m).toMatchObject({
      hostCountry: 'MA',
      startsOn: '2025-09-08',
      endsOn: '2025-09-10',
      budget: { amount: '4500000.00', currency: 'RUB' },
    });
    expect(m.participants.totalCount).toBe(6);
    const byName = Object.fromEntries(
      m.participants.nodes.map((p: { company: { name: string } }) => [p.company.name, p]),
    );
    expect(byName['Nex-T LLC'].company.brands).toEqual(['NexTouch']);
    expect(
      byName['Nex-T LLC'].meetings.nodes.map((n: { counterpart: { name: string } }) => n.counterpart.name).sort(),
    ).toEqual(['Chambre de Commerce et d’Industrie du Maroc', 'Université médicale de l’Afrique francophone']);
    expect(byName['Fish World'].meetings.totalCount).toBe(3);
    expect(m.interactions.totalCount).toBe(5);
    expect(m.tasks.totalCount).toBe(2);
    expect(m.agenda.map((a: { startsAt: string }) => a.startsAt)).toEqual(
      [...m.agenda.map((a: { startsAt: string }) => a.startsAt)].sort(),
    );
    expect(m.agenda).toHaveLength(5);
  });
});
