import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fold } from '../../shared/fold.js';
import { signIn } from '../../test/sign-in.js';
import { type ResponseNode, startTestServer, type TestServer } from '../../test/test-server.js';
import { foldWithMap, matchText } from './highlight.js';
import { MAX_CANDIDATES } from './search.service.js';

let server: TestServer;
let manager: string;
let analyst: string;
let asmex: string;
let fishWorld: string;

const SEARCH = `query($query: String!, $kinds: [SearchKind!], $first: Int, $after: String) {
  search(query: $query, kinds: $kinds, first: $first, after: $after) {
    totalCount
    edges {
      cursor
      node {
        kind score matchedField snippet highlights { start length }
        node {
          __typename
          ... on Company { id name }
          ... on Contact { id fullName company { name } }
          ... on Mission { id name }
          ... on Deal { id title }
        }
      }
    }
    pageInfo { hasNextPage hasPreviousPage endCursor }
  }
}`;

interface Hit {
  kind: string;
  score: number;
  matchedField: string;
  snippet: string;
  highlights: { start: number; length: number }[];
  node: ResponseNode;
  /** The name or title of the record. */
  name: string;
}

async function searchPage(variables: Record<string, unknown>, cookie = manager) {
  const response = await server.gql(SEARCH, variables, { cookie });
  expect(response.errors).toBeUndefined();
  const connection = response.data!.search;
  const hits: Hit[] = connection.edges.map((edge: ResponseNode) => ({
    ...edge.node,
    name: edge.node.node.name ?? edge.node.node.fullName ?? edge.node.node.title,
  }));
  return { hits, pageInfo: connection.pageInfo, totalCount: connection.totalCount as number, edges: connection.edges };
}

async function find(query: string, extra: Record<string, unknown> = {}, cookie = manager): Promise<Hit[]> {
  return (await searchPage({ query, first: 50, ...extra }, cookie)).hits;
}

async function names(query: string, extra: Record<string, unknown> = {}, cookie = manager): Promise<string[]> {
  return (await find(query, extra, cookie)).map((hit) => hit.name);
}

/** The highlighted parts of a hit's snippet. */
function marked(hit: Hit): string[] {
  return hit.highlights.map(({ start, length }) => hit.snippet.slice(start, start + length));
}

async function createCompany(input: Record<string, unknown>, cookie = manager): Promise<string> {
  const response = await server.gql(
    `mutation($input: CreateCompanyInput!) { createCompany(input: $input) { company { id } userErrors { message } } }`,
    { input: { kind: 'BUYER', country: 'FR', ...input } },
    { cookie },
  );
  expect(response.data?.createCompany.userErrors).toEqual([]);
  return response.data!.createCompany.company.id;
}

async function createContact(input: Record<string, unknown>): Promise<string> {
  const response = await server.gql(
    `mutation($input: CreateContactInput!) { createContact(input: $input) { contact { id } userErrors { message } } }`,
    { input },
    { cookie: manager },
  );
  expect(response.data?.createContact.userErrors).toEqual([]);
  return response.data!.createContact.contact.id;
}

beforeAll(async () => {
  server = await startTestServer();
  ({ manager, analyst, asmex } = await signIn(server, 'manager', 'analyst', 'asmex'));
  fishWorld = await server.idOf('company', 'name', 'Fish World');
  await createCompany({
    name: 'Société Générale',
    city: 'Villeurbanne',
    website: 'https://www.socgen-demo.fr/fr/accueil',
    brands: ['Sogecap Prime'],
  });
  await createCompany({ name: 'Ovtchinski Trading', country: 'RU' });
  await createContact({
    companyId: fishWorld,
    fullName: 'Овчинский Пётр',
    email: 'p.ovchinsky@fishworld-demo.ru',
    phone: '+7 (495) 123-45-67',
  });
  // A deal about fish, so that "fish" finds records of three kinds.
  await server.sql(
    `update deal set title = 'Fish conserves for Casablanca' where id = (select d.id from deal d join agency a on a.id = d.agency_id where a.short_name = 'Mosprom' order by d.id limit 1)`,
  );
  for (const name of ['Magnitogorsk', 'Magnitogorsk Steel', 'Ural Magnitogorsk Metals', 'Magnitogrosk Steelworks']) {
    await createCompany({ name, country: 'RU' });
  }
});
afterAll(() => server?.close());

describe('search: matching', () => {
  it('ignores accents and case', async () => {
    const [hit] = await find('societe generale');
    expect(hit).toMatchObject({ kind: 'COMPANY', name: 'Société Générale', matchedField: 'NAME' });
    expect(marked(hit)).toEqual(['Société Générale']);
    expect((await find('SOCIÉTÉ'))[0].name).toBe('Société Générale');
  });

  it('finds Cyrillic names from Latin spellings, and Latin names from Cyrillic', async () => {
    for (const query of ['Ovchinsky', 'Ovtchinski', 'Овчинский', 'ovchin', 'овчин']) {
      const found = await names(query);
      expect(found, query).toContain('Овчинский Пётр');
      expect(found, query).toContain('Ovtchinski Trading');
    }
    const [contact] = await find('ovchin', { kinds: ['CONTACT'] });
    expect(contact).toMatchObject({ matchedField: 'NAME', snippet: 'Овчинский Пётр' });
    expect(marked(contact)).toEqual(['Овчин']);
    const company = (await find('Овчинский', { kinds: ['COMPANY'] }))[0];
    expect(marked(company)).toEqual(['Ovtchinski']);
    expect(await names('фиш', { kinds: ['COMPANY'] })).toContain('Fish World');
  });

  it('forgives typos', async () => {
    const [hit] = await find('Intermobilty');
    expect(hit).toMatchObject({ name: 'Intermobility.EVa', matchedField: 'NAME' });
    expect(hit.score).toBeLessThan(2);
    expect(marked(hit)).toEqual(['Intermobility']);
    expect(await names('Societe Generalle')).toContain('Société Générale');
  });

  it('finds contacts by e-mail and by the digits of their phone', async () => {
    const [byMail] = await find('p.ovchinsky@fishworld-demo');
    expect(byMail).toMatchObject({ kind: 'CONTACT', matchedField: 'EMAIL', snippet: 'p.ovchinsky@fishworld-demo.ru' });
    expect(marked(byMail)).toEqual(['p.ovchinsky@fishworld-demo']);
    expect(byMail.node.company.name).toBe('Fish World');

    for (const phone of ['495 123-45-67', '+74951234567', '1234567']) {
      const hits = await find(phone);
      expect(hits[0], phone).toMatchObject({ kind: 'CONTACT', matchedField: 'PHONE', name: 'Овчинский Пётр' });
    }
    expect(marked((await find('495 123-45-67'))[0])).toEqual(['495) 123-45-67']);
    expect(await names('4951239999')).not.toContain('Овчинский Пётр');
  });

  it('finds companies by website domain, brand and city', async () => {
    const [web] = await find('socgen-demo.fr');
    expect(web).toMatchObject({ name: 'Société Générale', matchedField: 'WEBSITE', snippet: 'socgen-demo.fr' });
    const [brand] = await find('sogecap');
    expect(brand).toMatchObject({ name: 'Société Générale', matchedField: 'BRAND', snippet: 'Sogecap Prime' });
    expect(marked(brand)).toEqual(['Sogecap']);
    const [city] = await find('villeurbane');
    expect(city).toMatchObject({ name: 'Société Générale', matchedField: 'CITY', snippet: 'Villeurbanne' });
  });

  it('finds missions and deals by their name and title', async () => {
    const [mission] = await server.sql<{ name: string }>(
      `select m.name from mission m join agency a on a.id = m.agency_id where a.short_name = 'Mosprom' order by m.name limit 1`,
    );
    const missionHit = (await find(mission.name, { kinds: ['MISSION'] }))[0];
    expect(missionHit).toMatchObject({ kind: 'MISSION', name: mission.name, matchedField: 'NAME' });
    expect(missionHit.score).toBeGreaterThanOrEqual(4);
    const [deal] = await server.sql<{ title: string }>(
      `select d.title from deal d join agency a on a.id = d.agency_id where a.short_name = 'Mosprom' order by d.title limit 1`,
    );
    const dealHit = (await find(deal.title, { kinds: ['DEAL'] }))[0];
    expect(dealHit).toMatchObject({ kind: 'DEAL', name: deal.title, matchedField: 'TITLE' });
  });
});

describe('search: ranking and pages', () => {
  it('ranks the exact name, then the name prefix, then the words, then the resemblance', async () => {
    const hits = await find('magnitogorsk', { kinds: ['COMPANY'] });
    expect(hits.map((hit) => hit.name)).toEqual([
      'Magnitogorsk',
      'Magnitogorsk Steel',
      'Ural Magnitogorsk Metals',
      'Magnitogrosk Steelworks',
    ]);
    expect(hits.map((hit) => Math.floor(hit.score))).toEqual([4, 3, 2, 1]);
  });

  it('keeps to the kinds asked for', async () => {
    const all = await find('fish');
    expect(new Set(all.map((hit) => hit.kind))).toEqual(new Set(['COMPANY', 'CONTACT', 'DEAL']));
    const kinds = await find('fish', { kinds: ['CONTACT', 'DEAL'] });
    expect(kinds.length).toBeGreaterThan(0);
    expect(kinds.every((hit) => hit.kind === 'CONTACT' || hit.kind === 'DEAL')).toBe(true);
  });

  it('pages with cursors, without duplicates or gaps', async () => {
    const everything = await searchPage({ query: 'fish', first: 50 });
    expect(everything.pageInfo.hasNextPage).toBe(false);
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const page = await searchPage({ query: 'fish', first: 1, after });
      expect(page.totalCount).toBe(everything.totalCount);
      expect(page.pageInfo.hasPreviousPage).toBe(after != null);
      seen.push(...page.hits.map((hit) => hit.node.id));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      pages++;
    } while (after && pages < 50);
    expect(seen).toEqual(everything.hits.map((hit) => hit.node.id));
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe(everything.totalCount);
    expect(pages).toBeGreaterThan(2);
  });

  it('costs its page size, like every connection', async () => {
    const response = await server.gql(
      `query { search(query: "fish", first: 50) { edges { node { score node { ... on Company { id } } } } } }`,
      {},
      { cookie: manager },
    );
    // 1 for the connection, then per hit 1 (the hit) + 1 (its record).
    expect(response.extensions?.cost.requested).toBe(1 + 50 * 2);
    expect(response.extensions?.cost.actual).toBe(1 + response.data!.search.edges.length * 2);
  });

  it('ranks at most MAX_CANDIDATES hits of a kind, the likeliest first', async () => {
    await server.sql(
      `insert into company (id, created_at, updated_at, agency_id, name, normalized_name, kind, country)
       select gen_random_uuid(), now(), now(), a.id, 'Zephyr Trading ' || g, 'zephyr trading ' || g, 'BUYER', 'FR'
       from agency a, generate_series(1, ${MAX_CANDIDATES + 50}) g where a.short_name = 'Mosprom'`,
    );
    await createCompany({ name: 'Trans Zephyr' });
    await createCompany({ name: 'Zephyr' });
    const page = await searchPage({ query: 'zephyr', kinds: ['COMPANY'], first: 3 });
    expect(page.totalCount).toBe(MAX_CANDIDATES);
    expect(page.hits.map((hit) => hit.name)).toEqual(['Zephyr', 'Zephyr Trading 1', 'Zephyr Trading 2']);
    expect(await names('trans zephyr', { kinds: ['COMPANY'] })).toContain('Trans Zephyr');
  });

  it('costs the same number of statements whatever the page size', async () => {
    const lean = `query($query: String!, $first: Int) {
      search(query: $query, first: $first) { edges { node { kind node { ... on Company { id name } ... on Contact { id } ... on Deal { id } ... on Mission { id } } } } }
    }`;
    const count = async (first: number) => {
      server.resetStatements();
      const response = await server.gql(lean, { query: 'fish', first }, { cookie: manager });
      const kinds = new Set(response.data!.search.edges.map((edge: ResponseNode) => edge.node.kind));
      return { statements: server.statements.length, hits: response.data!.search.edges.length, kinds: kinds.size };
    };
    const small = await count(3);
    const large = await count(50);
    expect(large.hits).toBeGreaterThan(small.hits);
    // One statement for the hits, one per kind on the page for the records (at most four).
    expect(large.statements - large.kinds).toBe(small.statements - small.kinds);
    expect(large.kinds).toBeLessThanOrEqual(4);
  });
});

describe('search: scope and archive', () => {
  it('stays in the agency of the viewer', async () => {
    await createCompany({ name: 'Magnitogorsk Atlas', country: 'MA' }, asmex);
    expect(await names('magnitogorsk', {}, asmex)).toEqual(['Magnitogorsk Atlas']);
    expect(await names('magnitogorsk')).not.toContain('Magnitogorsk Atlas');
    expect(await names('ovchinsky', {}, asmex)).toEqual([]);
    expect(await names('Fish World', {}, asmex)).toEqual([]);
  });

  it('leaves merged companies and contacts out', async () => {
    const target = await server.idOf('company', 'name', 'Magnitogorsk');
    await server.sql(`update company set merged_into_id = ?, merged_at = now() where name = 'Magnitogorsk Steel'`, [
      target,
    ]);
    await server.sql(`update contact set merged_into_id = id, merged_at = now() where full_name = 'Овчинский Пётр'`);
    try {
      expect(await names('magnitogorsk', { kinds: ['COMPANY'] })).not.toContain('Magnitogorsk Steel');
      expect(await names('ovchin')).not.toContain('Овчинский Пётр');
      const companies = await server.gql(
        `query { companies(first: 50, filter: { search: "magnitogorsk" }) { nodes { name } } }`,
        {},
        { cookie: manager },
      );
      expect(companies.data!.companies.nodes.map((node: ResponseNode) => node.name)).not.toContain(
        'Magnitogorsk Steel',
      );
    } finally {
      await server.sql(`update company set merged_into_id = null, merged_at = null where name = 'Magnitogorsk Steel'`);
      await server.sql(`update contact set merged_into_id = null, merged_at = null where full_name = 'Овчинский Пётр'`);
    }
  });

  it('is open to every role', async () => {
    expect(await names('fish world', {}, analyst)).toContain('Fish World');
    const anonymous = await server.gql(SEARCH, { query: 'fish' });
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('search: bad input', () => {
  const error = async (variables: Record<string, unknown>, language = 'en') => {
    const response = await server.gql(SEARCH, variables, { cookie: manager, headers: { 'accept-language': language } });
    expect(response.data?.search ?? null).toBeNull();
    return response.errors![0];
  };

  it('says what is wrong, in the language of the client', async () => {
    expect(await error({ query: '   ' })).toMatchObject({
      message: 'Type at least one letter or digit to search.',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    expect((await error({ query: '--' }, 'fr')).message).toBe('Tapez au moins une lettre ou un chiffre pour chercher.');
    expect((await error({ query: 'x'.repeat(201) }, 'ru')).message).toBe('Поисковый запрос — не длиннее 200 символов.');
    expect((await error({ query: 'fish', first: 51 })).extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect((await error({ query: 'fish', after: 'not-a-cursor' })).message).toBe(
      'The cursor is not valid for this list and order.',
    );
    const forged = Buffer.from(JSON.stringify([1, 'x', "1'; drop table company; --"])).toString('base64url');
    expect((await error({ query: 'fish', after: forged })).extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('treats LIKE and tsquery characters as text', async () => {
    for (const query of ['%', '_', 'a & b', "o'neil", 'fish:*', '!(x)']) {
      const response = await server.gql(SEARCH, { query }, { cookie: manager });
      expect(response.errors?.[0].extensions?.code ?? 'ok', query).toMatch(/^(ok|BAD_USER_INPUT)$/);
    }
    expect(await names('fish:*', { kinds: ['COMPANY'] })).toContain('Fish World');
  });
});

describe('company and contact filters', () => {
  const companies = async (filter: Record<string, unknown>) => {
    const response = await server.gql(
      `query($filter: CompanyFilter) { companies(first: 100, filter: $filter) { nodes { name } } }`,
      { filter },
      { cookie: manager },
    );
    expect(response.errors).toBeUndefined();
    return response.data!.companies.nodes.map((node: ResponseNode) => node.name) as string[];
  };

  it('search the way the search box does (the pickers use it)', async () => {
    expect(await companies({ search: 'фиш' })).toEqual(['Fish World']);
    expect(await companies({ search: 'intermobilty' })).toContain('Intermobility.EVa');
    expect(await companies({ search: 'socgen-demo.fr' })).toEqual(['Société Générale']);
    expect(await companies({ search: 'magnitogorsk', countries: ['RU'] })).toHaveLength(4);
    expect((await companies({ search: '  ' })).length).toBeGreaterThan(10);
    const response = await server.gql(
      `query($filter: ContactFilter) { contacts(first: 100, filter: $filter) { nodes { fullName } } }`,
      { filter: { search: '+7 495 123 45 67' } },
      { cookie: manager },
    );
    expect(response.data!.contacts.nodes).toEqual([{ fullName: 'Овчинский Пётр' }]);
    const bad = await server.gql(
      `query { companies(filter: { search: "${'y'.repeat(201)}" }) { nodes { name } } }`,
      {},
      { cookie: manager },
    );
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('highlights', () => {
  it('fold the way fold() does, and map every folded letter back to the original', () => {
    const samples = [
      'Овчинский Пётр',
      'Société Générale',
      'Щукин & Co.',
      'Kühne+Nagel',
      '  Ёлка — Объединённая ',
      'Matthew Xavier',
      'ŒUVRE',
      'Intermobility.EVa',
    ];
    for (const text of samples) {
      const mapped = foldWithMap(text);
      expect(mapped.folded, text).toBe(fold(text));
      for (const unit of mapped.units) {
        expect(unit.start).toBeGreaterThanOrEqual(0);
        expect(unit.end).toBeLessThanOrEqual(text.length);
      }
    }
    expect(matchText('Щукин Maxim', 'shchukin').highlights).toEqual([{ start: 0, length: 5 }]);
    expect(matchText('Grand Nord Export', fold('nord ex')).highlights).toEqual([{ start: 6, length: 7 }]);
    expect(matchText('Export du Grand Nord', fold('nord exp')).highlights).toEqual([
      { start: 0, length: 3 },
      { start: 16, length: 4 },
    ]);
  });
});
