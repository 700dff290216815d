import type { GraphQLSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../server/src/test/test-server.js';
import { liveSchema, operationFor } from './schema-walk.js';

/**
 * API.md's roles table, as data. Every mutation and query of the live schema must be classified
 * here: a new one fails this test until someone decides who may call it.
 */
const EVERYONE = ['ADMIN', 'ACCOUNT_MANAGER', 'ANALYST'];
const EDITORS = ['ADMIN', 'ACCOUNT_MANAGER'];
const ADMINS = ['ADMIN'];
const AUDITORS = ['ADMIN', 'ANALYST'];

const MUTATIONS: Record<string, string[] | 'public'> = {
  login: 'public',
  logout: 'public',
  createCompany: EDITORS,
  updateCompany: EDITORS,
  mergeCompanies: EDITORS,
  mergeContacts: EDITORS,
  createContact: EDITORS,
  updateContact: EDITORS,
  createMission: EDITORS,
  updateMission: EDITORS,
  addMissionParticipant: EDITORS,
  updateMissionParticipant: EDITORS,
  logInteraction: EDITORS,
  updateInteraction: EDITORS,
  createTask: EDITORS,
  completeTask: EDITORS,
  createDeal: EDITORS,
  updateDeal: EDITORS,
  moveDeal: EDITORS,
  createSector: ADMINS,
  updateSector: ADMINS,
  createPipeline: ADMINS,
  updatePipelineStages: ADMINS,
  setExchangeRate: ADMINS,
  inviteUser: ADMINS,
  setUserRole: ADMINS,
  deactivateUser: ADMINS,
  reactivateUser: ADMINS,
  resetPasswordLink: ADMINS,
  acceptInvitation: 'public',
  applyImport: EDITORS,
  undoImport: EDITORS,
  createApiToken: EVERYONE,
  revokeApiToken: EVERYONE,
  requestDealConfirmation: EDITORS,
  setAgencyMailFrom: ADMINS,
  dismissMeetingSuggestion: EDITORS,
  planSuggestedMeeting: EDITORS,
  // The exporter's answer through a confirmation link: no sign-in (rate limited per address).
  answerDealConfirmation: 'public',
};

const QUERIES: Record<string, string[] | 'public'> = {
  viewer: 'public',
  invitation: 'public',
  users: EVERYONE,
  search: EVERYONE,
  duplicateCandidates: EDITORS,
  mergeCompaniesPreview: EDITORS,
  mergeContactsPreview: EDITORS,
  auditEvents: AUDITORS,
  importFile: EDITORS,
  previewImport: EDITORS,
  importProgress: EDITORS,
  outgoingMail: ADMINS,
  dealConfirmationRequest: 'public',
};

const ROLES: Record<string, string> = {
  ADMIN: 'admin@mosprom.demo',
  ACCOUNT_MANAGER: 'manager@mosprom.demo',
  ANALYST: 'analyst@mosprom.demo',
};

let server: TestServer;
let schema: GraphQLSchema;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  server = await startTestServer();
  for (const [role, email] of Object.entries(ROLES)) cookies[role] = await server.login(email);
  schema = await liveSchema(server, cookies.ADMIN);
});
afterAll(() => server?.close());

function codes(response: { errors?: { extensions?: Record<string, unknown> }[] }): string[] {
  return (response.errors ?? []).map((error) => String(error.extensions?.code));
}

async function outcome(kind: 'query' | 'mutation', name: string, role: string | undefined) {
  const root = kind === 'query' ? schema.getQueryType()! : schema.getMutationType()!;
  const { query, variables } = operationFor(kind, root.getFields()[name]);
  const response = await server.gql(query, variables, role ? { cookie: cookies[role] } : {});
  const found = codes(response);
  if (found.includes('UNAUTHENTICATED')) return 'UNAUTHENTICATED';
  if (found.includes('FORBIDDEN')) return 'FORBIDDEN';
  if (found.includes('GRAPHQL_VALIDATION_FAILED') || found.includes('INTERNAL_SERVER_ERROR')) {
    return `broken probe: ${JSON.stringify(response.errors)}`;
  }
  return 'allowed';
}

/** What the roles table says a caller in `role` gets. */
function expectedOutcome(allowed: string[] | 'public', role: string): string {
  if (allowed === 'public') return 'allowed';
  if (role === 'anonymous') return 'UNAUTHENTICATED';
  return allowed.includes(role) ? 'allowed' : 'FORBIDDEN';
}

describe('role matrix (API.md)', () => {
  it('classifies every mutation of the schema', () => {
    const unclassified = Object.keys(schema.getMutationType()!.getFields()).filter((name) => !(name in MUTATIONS));
    expect(unclassified).toEqual([]);
  });

  it('enforces it on every mutation, for every role and for anonymous callers', async () => {
    const actual: Record<string, Record<string, string>> = {};
    const expected: typeof actual = {};
    for (const name of Object.keys(schema.getMutationType()!.getFields())) {
      const allowed = MUTATIONS[name];
      actual[name] = {};
      expected[name] = {};
      for (const role of [...Object.keys(ROLES), 'anonymous']) {
        actual[name][role] = await outcome('mutation', name, role === 'anonymous' ? undefined : role);
        expected[name][role] = expectedOutcome(allowed, role);
      }
      // Signing out mid-matrix would end the probe's sessions.
      if (name === 'logout' || name === 'login') {
        for (const [role, email] of Object.entries(ROLES)) cookies[role] = await server.login(email);
      }
    }
    expect(actual).toEqual(expected);
  });

  it('lets every role read every query, and no anonymous caller but for viewer', async () => {
    const actual: Record<string, Record<string, string>> = {};
    const expected: typeof actual = {};
    for (const name of Object.keys(schema.getQueryType()!.getFields())) {
      const allowed = QUERIES[name] ?? EVERYONE;
      actual[name] = {};
      expected[name] = {};
      for (const role of [...Object.keys(ROLES), 'anonymous']) {
        actual[name][role] = await outcome('query', name, role === 'anonymous' ? undefined : role);
        expected[name][role] = expectedOutcome(allowed, role);
      }
    }
    expect(actual).toEqual(expected);
  });
});
