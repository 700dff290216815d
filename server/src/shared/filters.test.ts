import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../test/sign-in.js';
import { startTestServer, type TestServer } from '../test/test-server.js';

/** The rules every list filter shares (shared/filters.ts), list by list. */

let server: TestServer;
let admin: string;

beforeAll(async () => {
  server = await startTestServer();
  ({ admin } = await signIn(server, 'admin'));
});
afterAll(() => server?.close());

/** The root list fields and the input type of their filter. */
const LISTS = {
  companies: 'CompanyFilter',
  contacts: 'ContactFilter',
  deals: 'DealFilter',
  interactions: 'InteractionFilter',
  missions: 'MissionFilter',
  tasks: 'TaskFilter',
  users: 'UserFilter',
  auditEvents: 'AuditEventFilter',
} as const;
type List = keyof typeof LISTS;

async function list(name: List, filter: Record<string, unknown>, language?: string) {
  const response = await server.gql(
    `query($filter: ${LISTS[name]}) { ${name}(filter: $filter, first: 100) { nodes { id } } }`,
    { filter },
    { cookie: admin, headers: language ? { 'accept-language': language } : {} },
  );
  return {
    errors: response.errors,
    ids: (response.data?.[name] as { nodes: { id: string }[] } | undefined)?.nodes.map((node) => node.id),
  };
}

describe('a text filter takes at most 200 characters', () => {
  const TEXTS: [List, string][] = [
    ['companies', 'nameContains'],
    ['contacts', 'nameContains'],
    ['contacts', 'email'],
    ['deals', 'titleContains'],
    ['interactions', 'subjectContains'],
    ['missions', 'nameContains'],
    ['users', 'nameOrEmailContains'],
  ];

  it.each(TEXTS)(
    '%s.%s: 200 characters find nothing, 201 are BAD_USER_INPUT in the request’s language',
    async (name, field) => {
      const fits = await list(name, { [field]: ` ${'x'.repeat(200)} ` });
      expect(fits.errors).toBeUndefined();
      expect(fits.ids).toEqual([]);

      const long = { [field]: 'x'.repeat(201) };
      const english = await list(name, long);
      expect(english.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(english.errors?.[0].message).toBe(`The filter ${field} is at most 200 characters long.`);
      expect((await list(name, long, 'fr')).errors?.[0].message).toBe(
        `Le filtre ${field} compte au plus 200 caractères.`,
      );
      expect((await list(name, long, 'ru')).errors?.[0].message).toBe(`Фильтр ${field} — не длиннее 200 символов.`);
    },
  );
});

describe('a malformed id in a filter list matches nothing, as an unknown id does', () => {
  const IDS: [List, string][] = [
    ['companies', 'sectorIds'],
    ['companies', 'accountManagerIds'],
    ['contacts', 'companyIds'],
    ['deals', 'ownerIds'],
    ['deals', 'exporterIds'],
    ['interactions', 'exporterIds'],
    ['missions', 'organizerIds'],
    ['tasks', 'assigneeIds'],
    ['auditEvents', 'actorIds'],
  ];

  it.each(IDS)('%s.%s', async (name, field) => {
    const malformed = await list(name, { [field]: ['not-an-id'] });
    expect(malformed.errors).toBeUndefined();
    expect(malformed.ids).toEqual([]);
    const unknown = await list(name, { [field]: ['00000000-0000-7000-8000-000000000000'] });
    expect(unknown).toEqual(malformed);
  });
});

describe('a lower-case country is read in capitals, never refused', () => {
  const COUNTRIES: [List, string, string][] = [
    ['companies', 'countries', 'RU'],
    ['deals', 'destinationCountries', 'MA'],
    ['missions', 'hostCountries', 'MA'],
  ];

  it.each(COUNTRIES)('%s.%s', async (name, field, code) => {
    const capitals = await list(name, { [field]: [code] });
    expect(capitals.ids?.length).toBeGreaterThan(0);
    expect(await list(name, { [field]: [` ${code.toLowerCase()} `] })).toEqual(capitals);
    expect(await list(name, { [field]: ['Morocco'] })).toEqual({ errors: undefined, ids: [] });
  });
});
