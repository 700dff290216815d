import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agencyEm } from '../../db/agency-scope.js';
import { normalizeName } from '../../shared/normalize.js';
import { type ResponseNode, startTestServer, type TestServer } from '../../test/test-server.js';
import { Interaction } from '../interaction/interaction.entity.js';
import { InteractionKind, MeetingStatus } from '../interaction/interaction.enums.js';
import { Mission } from './mission.entity.js';
import { MissionKind, ParticipantStatus } from './mission.enums.js';
import { MissionParticipant } from './mission-participant.entity.js';

/**
 * The statement-count test: 5 or 100 missions, each with its participants, each with its
 * company and meetings (and each meeting's counterpart), cost the same number of SQL statements.
 */
let server: TestServer;
let manager: string;

const QUERY = `query($first: Int!) { missions(first: $first) { nodes { id name
  participants(first: 10) { totalCount nodes { status company { name }
    meetings(first: 5) { totalCount nodes { subject counterpart { name } } } } } } } }`;

type Node = ResponseNode;

beforeAll(async () => {
  server = await startTestServer();
  manager = await server.login('manager@mosprom.demo');
  const conn = server.db.orm.em.getConnection();
  const [user] = await conn.execute<{ id: string; agency_id: string }[]>(
    `select id, agency_id from "user" where email = 'manager@mosprom.demo'`,
  );
  const companies = await conn.execute<{ id: string; kind: string }[]>(
    `select id, kind from company where agency_id = ? order by name`,
    [user.agency_id],
  );
  const exporters = companies.filter((c) => c.kind === 'EXPORTER').map((c) => c.id);
  const counterparts = companies.filter((c) => c.kind !== 'EXPORTER').map((c) => c.id);
  expect(exporters.length).toBeGreaterThanOrEqual(12);

  // 110 missions of Mosprom, later than the demo's, each with 3 exporters having 0 to 7 meetings.
  const em = agencyEm(server.db.orm.em.fork(), user.agency_id);
  for (let i = 0; i < 110; i++) {
    const name = `Mission générée ${i}`;
    const startsOn = `2030-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 5) + 1).padStart(2, '0')}`;
    const mission = em.create(Mission, {
      agency: user.agency_id,
      name,
      normalizedName: normalizeName(name),
      kind: MissionKind.TRADE_MISSION,
      hostCountry: 'MA',
      startsOn,
      organizer: user.agency_id,
      lead: user.id,
    });
    for (let j = 0; j < 3; j++) {
      const exporter = exporters[(i + j * 4) % exporters.length];
      em.create(MissionParticipant, {
        agency: user.agency_id,
        mission,
        company: exporter,
        status: ParticipantStatus.CONFIRMED,
      });
      for (let k = 0; k < (i + j) % 8; k++) {
        const startsAt = new Date(Date.UTC(2030, i % 12, (i % 5) + 1, 8 + k));
        const subject = `Rendez-vous généré ${i}.${j}.${k}`;
        em.create(Interaction, {
          agency: user.agency_id,
          kind: InteractionKind.MEETING,
          occurredAt: startsAt,
          startsAt,
          endsAt: new Date(startsAt.getTime() + 45 * 60_000),
          status: MeetingStatus.PLANNED,
          subject,
          normalizedSubject: normalizeName(subject),
          mission,
          exporter,
          counterpart: counterparts[(i + j + k) % counterparts.length],
          author: user.id,
        });
      }
    }
  }
  await em.flush();
});
afterAll(() => server?.close());

async function measure(first: number): Promise<{ statements: string[]; data: Node }> {
  server.resetStatements();
  const response = await server.gql(QUERY, { first }, { cookie: manager });
  const statements = [...server.statements];
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return { statements, data: response.data! };
}

describe('statement count', () => {
  it('is the same for 5 and 100 missions with participants, companies, meetings and counterparts', async () => {
    // Warm up (schema build, first-request caches), then measure.
    await measure(5);
    const five = await measure(5);
    const hundred = await measure(100);

    const missions: Node[] = hundred.data.missions.nodes;
    expect(missions).toHaveLength(100);
    expect(five.data.missions.nodes).toHaveLength(5);
    const participants = missions.flatMap((m) => m.participants.nodes);
    expect(participants.length).toBe(300);
    const meetings = participants.flatMap((p) => p.meetings.nodes);
    expect(meetings.length).toBeGreaterThan(500);
    expect(participants.some((p) => p.meetings.totalCount > 5)).toBe(true);
    expect(meetings.every((m) => typeof m.counterpart?.name === 'string')).toBe(true);
    expect(participants.every((p) => typeof p.company.name === 'string')).toBe(true);

    console.info(
      `statements: ${five.statements.length} for 5 missions, ${hundred.statements.length} for 100 missions ` +
        `(${participants.length} participants, ${meetings.length} meetings)`,
    );
    expect(hundred.statements.length).toBe(five.statements.length);
    // session, missions page, participants page + count, companies, meetings page + count, counterparts
    expect(hundred.statements.length).toBeLessThanOrEqual(10);
  });

  it('matches a hand count: each participant’s meetings and totals', async () => {
    const { data } = await measure(100);
    for (const mission of data.missions.nodes as Node[]) {
      const i = Number(mission.name.replace('Mission générée ', ''));
      expect(mission.participants.totalCount).toBe(3);
      const counts = mission.participants.nodes.map((p: Node) => p.meetings.totalCount).sort();
      const expected = [0, 1, 2].map((j) => (i + j) % 8).sort();
      expect(counts).toEqual(expected);
      for (const p of mission.participants.nodes as Node[]) {
        expect(p.meetings.nodes).toHaveLength(Math.min(5, p.meetings.totalCount));
      }
    }
  });
});
