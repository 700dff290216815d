import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agencyBinding } from '../../test/agency-bound.js';
import { signIn } from '../../test/sign-in.js';
import { startTestServer, type TestServer } from '../../test/test-server.js';
import { dayBounds, hostTimeZone } from '../mission/time-zone.js';

/**
 * Issue 17, the suggestions (server side): for the Casablanca 2025 mission, who Fish World should
 * meet, scored with reasons, in one statement bound to the agency; never someone already on its
 * agenda there nor a suggestion dismissed for it.
 */
let server: TestServer;
let manager: string;
let asmex: string;
let ids: { mission: string; exporter: string; agency: string; food: string };

interface Suggestion {
  counterpart: { id: string; name: string; kind: string; country: string };
  score: number;
  reasons: { kind: string; points: number; count: number | null; sectors: { code: string }[] }[];
}

interface Refusal {
  code: string;
  field: string[];
}
type Suggestions = { mission: { suggestedMeetings: Suggestion[] } | null };
type Created = { createMission: { mission: { id: string } } };
type Planned = {
  planSuggestedMeeting: {
    interaction: { startsAt: string; endsAt: string; status: string; counterpart: { id: string } } | null;
    userErrors: Refusal[];
  };
};
type Dismissed = { dismissMeetingSuggestion: { dismissed: boolean | null; userErrors: Refusal[] } };

const SUGGESTIONS = `query($mission: ID!, $exporter: ID!, $first: Int) {
  mission(id: $mission) { suggestedMeetings(exporterId: $exporter, first: $first) {
    counterpart { id name kind country } score reasons { kind points count sectors { code } } } } }`;
const DISMISS = `mutation($input: MeetingSuggestionInput!) {
  dismissMeetingSuggestion(input: $input) { dismissed userErrors { code field } } }`;

async function suggestions(first = 10, cookie = manager): Promise<Suggestion[]> {
  const answer = await server.gql<Suggestions>(
    SUGGESTIONS,
    { mission: ids.mission, exporter: ids.exporter, first },
    { cookie },
  );
  expect(answer.errors).toBeUndefined();
  return answer.data?.mission?.suggestedMeetings ?? [];
}

beforeAll(async () => {
  server = await startTestServer();
  ({ manager, asmex } = await signIn(server, 'manager', 'asmex'));
  [ids] = await server.sql<typeof ids>(
    `select m.id as mission, m.agency_id as agency, (select id from company where name = 'Fish World') as exporter,
       (select id from sector where code = 'FOOD_FISH_CONSERVES' and agency_id = m.agency_id) as food
     from mission m where m.name = 'Mission commerciale Mosprom à Casablanca'`,
  );
}, 120_000);
afterAll(() => server?.close());

describe('meeting suggestions', () => {
  it('ranks Morocco’s food distributors and retailers first for Fish World, with their reasons, and leaves out its agenda', async () => {
    // The demo's Moroccan food distributors and retailers Fish World has not met yet.
    const unmet = await server.sql<{ id: string; name: string }>(
      `select c.id, c.name from company c join company_sector cs on cs.company_id = c.id
        where c.agency_id = ? and c.country = 'MA' and c.kind in ('DISTRIBUTOR', 'RETAILER') and cs.sector_id = ?
          and c.id not in (select counterpart_id from interaction where exporter_id = ? and counterpart_id is not null)
        order by c.name`,
      [ids.agency, ids.food, ids.exporter],
    );
    expect(unmet.map((row) => row.name)).toEqual([
      'Dakhla Marée Distribution',
      'Meknès Gourmet Import',
      'Supérettes Zitoune',
    ]);
    const list = await suggestions(10);
    expect(list.length).toBe(10);
    expect(list.slice(0, 3).map((s) => s.counterpart.id)).toEqual(unmet.map((row) => row.id));
    for (const suggestion of list.slice(0, 3)) {
      expect(suggestion.counterpart).toMatchObject({ country: 'MA' });
      expect(['DISTRIBUTOR', 'RETAILER']).toContain(suggestion.counterpart.kind);
      expect(suggestion.reasons).toEqual([
        { kind: 'SHARED_SECTORS', points: 3, count: 1, sectors: [{ code: 'FOOD_FISH_CONSERVES' }] },
        { kind: 'KIND_FIT', points: 2, count: null, sectors: [] },
      ]);
      expect(suggestion.score).toBe(5);
    }
    // Then the others, below: none shares Fish World's sector.
    for (const suggestion of list.slice(3)) expect(suggestion.score).toBeLessThan(5);
    // Best first; each score the sum of its reasons; no exporter; nobody from Fish World's agenda.
    const agenda = await server.sql<{ id: string }>(
      `select distinct counterpart_id as id from interaction
        where mission_id = ? and exporter_id = ? and kind = 'MEETING' and status <> 'CANCELLED'`,
      [ids.mission, ids.exporter],
    );
    expect(agenda.length).toBeGreaterThan(5);
    for (const [i, suggestion] of list.entries()) {
      if (i > 0) expect(suggestion.score).toBeLessThanOrEqual(list[i - 1].score);
      const sum = suggestion.reasons.reduce((total, reason) => total + reason.points, 0);
      expect(Math.round(sum * 100) / 100).toBe(suggestion.score);
      expect(suggestion.counterpart.kind).not.toBe('EXPORTER');
      expect(agenda.map((row) => row.id)).not.toContain(suggestion.counterpart.id);
    }
  });

  it('costs one statement for the scores whatever the number asked, each bound to the agency', async () => {
    const counts: number[] = [];
    for (const first of [3, 30]) {
      server.resetStatements();
      await suggestions(first);
      counts.push(server.statements.filter((statement) => !statement.includes(' session')).length);
    }
    expect(counts[0]).toBe(counts[1]);
    expect(counts[0]).toBeLessThanOrEqual(5);
    expect(agencyBinding(server, ids.agency).unbound).toEqual([]);
    // Another agency reads no mission, so no suggestion.
    const other = await server.gql<Suggestions>(
      SUGGESTIONS,
      { mission: ids.mission, exporter: ids.exporter },
      { cookie: asmex },
    );
    expect(other.data?.mission).toBeNull();
  });

  it('does not suggest again what was dismissed for this exporter at this mission', async () => {
    const [first] = await suggestions(1);
    const input = { missionId: ids.mission, exporterId: ids.exporter, counterpartId: first.counterpart.id };
    for (let i = 0; i < 2; i++) {
      const dismissed = await server.gql<Dismissed>(DISMISS, { input }, { cookie: manager });
      expect(dismissed.data?.dismissMeetingSuggestion).toEqual({ dismissed: true, userErrors: [] });
    }
    const [{ n }] = await server.sql<{ n: number }>(
      'select count(*)::int as n from suggestion_dismissal where counterpart_id = ?',
      [first.counterpart.id],
    );
    expect(n).toBe(1);
    expect((await suggestions(50)).map((s) => s.counterpart.id)).not.toContain(first.counterpart.id);
    const unknown = await server.gql<Dismissed>(
      DISMISS,
      { input: { ...input, missionId: '0190a5b4-0000-7000-8000-000000000000' } },
      { cookie: manager },
    );
    expect(unknown.data?.dismissMeetingSuggestion.userErrors).toEqual([
      { code: 'NOT_FOUND', field: ['input', 'missionId'] },
    ]);
  });

  it('plans a suggestion in one click at the first half hour both are free, and says so when none is left', async () => {
    const day = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
    const mission = await server.gql<Created>(
      `mutation($input: CreateMissionInput!) { createMission(input: $input) { mission { id } userErrors { code } } }`,
      { input: { name: 'Rabat food week', kind: 'TRADE_MISSION', hostCountry: 'MA', startsOn: day, endsOn: day } },
      { cookie: manager },
    );
    const missionId = mission.data?.createMission.mission.id;
    await server.gql(
      `mutation($input: AddMissionParticipantInput!) { addMissionParticipant(input: $input) { userErrors { code } } }`,
      { input: { missionId, companyId: ids.exporter, status: 'CONFIRMED' } },
      { cookie: manager },
    );
    const [a, b] = await server.sql<{ id: string }>(
      `select id from company where country = 'MA' and kind = 'DISTRIBUTOR' order by name limit 2`,
    );
    // Fish World is busy at 9:00, the host's time: the suggestion goes at 9:30.
    const nine = new Date(dayBounds(day, hostTimeZone('MA')).start.getTime() + 9 * 3_600_000);
    const at = (minutes: number) => new Date(nine.getTime() + minutes * 60_000).toISOString();
    const logged = await server.gql<{ logInteraction: { userErrors: Refusal[] } }>(
      `mutation($input: LogInteractionInput!) { logInteraction(input: $input) { userErrors { code message } } }`,
      {
        input: {
          kind: 'MEETING',
          missionId,
          exporterId: ids.exporter,
          counterpartId: a.id,
          subject: 'Déjà prévu',
          startsAt: nine.toISOString(),
          endsAt: new Date(nine.getTime() + 30 * 60_000).toISOString(),
        },
      },
      { cookie: manager },
    );
    expect(logged.data?.logInteraction.userErrors).toEqual([]);
    const PLAN = `mutation($input: MeetingSuggestionInput!) { planSuggestedMeeting(input: $input) {
      interaction { startsAt endsAt subject status counterpart { id } } userErrors { code field } } }`;
    const planned = await server.gql<Planned>(
      PLAN,
      { input: { missionId, exporterId: ids.exporter, counterpartId: b.id } },
      { cookie: manager },
    );
    expect(planned.data?.planSuggestedMeeting.userErrors).toEqual([]);
    expect(planned.data?.planSuggestedMeeting.interaction).toMatchObject({
      startsAt: at(30),
      endsAt: at(60),
      status: 'PLANNED',
      counterpart: { id: b.id },
    });
    // The Casablanca 2025 mission is over: a suggestion goes on its own agenda, at a half hour when
    // Fish World and the counterpart are both free (the demo's agenda is full on its first morning).
    const casablanca = await server.gql<Planned>(
      PLAN,
      { input: { missionId: ids.mission, exporterId: ids.exporter, counterpartId: b.id } },
      { cookie: manager },
    );
    expect(casablanca.data?.planSuggestedMeeting.userErrors).toEqual([]);
    const meeting = casablanca.data?.planSuggestedMeeting.interaction;
    if (!meeting) throw new Error('no meeting planned');
    const clashes = await server.sql<{ n: number }>(
      `select count(*)::int as n from interaction
        where mission_id = ? and kind = 'MEETING' and status in ('PLANNED', 'HELD') and starts_at < ? and ends_at > ?
          and (exporter_id in (?, ?) or counterpart_id in (?, ?))`,
      [ids.mission, meeting.endsAt, meeting.startsAt, ids.exporter, b.id, ids.exporter, b.id],
    );
    expect(clashes[0].n).toBe(1);
    // A mission without dates has no slot: CONFLICT, nothing written.
    const full = await server.gql<Created>(
      `mutation($input: CreateMissionInput!) { createMission(input: $input) { mission { id } } }`,
      { input: { name: 'Undated', kind: 'TRADE_MISSION', hostCountry: 'MA' } },
      { cookie: manager },
    );
    const none = await server.gql<Planned>(
      PLAN,
      { input: { missionId: full.data?.createMission.mission.id, exporterId: ids.exporter, counterpartId: b.id } },
      { cookie: manager },
    );
    expect(none.data?.planSuggestedMeeting.userErrors).toEqual([{ code: 'CONFLICT', field: ['input', 'missionId'] }]);
  });
});
