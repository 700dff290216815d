import { raw } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import type { Context } from '../../graphql/context.js';
import { isIsoDate } from '../../graphql/scalars.js';
import { type ConnectionShape, checkPageSize } from '../../shared/connection.js';
import { decodeCursor, encodeCursor, isId, isInstant } from '../../shared/cursor.js';
import { isUuid } from '../../shared/ids.js';
import { columnOf, firstRowsPerParent, groupByParent, pageRowNumber, toPages } from '../../shared/nested-connection.js';
import { perRequest } from '../../shared/per-request.js';
import { agencyQuery, built, sql, trusted } from '../../shared/sql.js';
import { Interaction } from '../interaction/interaction.entity.js';
import { InteractionKind, MeetingStatus } from '../interaction/interaction.enums.js';
import { Mission } from './mission.entity.js';
import { MissionParticipant } from './mission-participant.entity.js';
import { dayBounds } from './time-zone.js';

/**
 * Batched reads of the mission module that the shared `nestedPage` cannot express (two parent
 * columns, a join, per-mission day bounds). Each is one statement for all the parents of a
 * request, through a per-request DataLoader, with the agency filter applied by the scoped
 * EntityManager's query builder.
 */

const isDateOrNull = (value: unknown) => value === null || (typeof value === 'string' && isIsoDate(value));

// ------------------------------------------------- a participant's meetings

interface Pair {
  missionId: string;
  companyId: string;
}
const pairKey = (pair: Pair) => `${pair.missionId}|${pair.companyId}`;

function pairCondition(em: EntityManager, pairs: readonly Pair[]) {
  const mission = columnOf(em, Interaction, 'mission');
  const exporter = columnOf(em, Interaction, 'exporter');
  return raw(
    `(i.${mission}, i.${exporter}) in (${pairs.map(() => '(?, ?)').join(', ')})`,
    pairs.flatMap((pair) => [pair.missionId, pair.companyId]),
  );
}

/**
 * The MEETING interactions of a participant's company in its mission, oldest first (by
 * occurredAt, which is the start of a planned meeting), for all participants of a request in
 * one `row_number() over (partition by mission, exporter)` statement.
 */
export function participantMeetings(
  ctx: Context,
  participant: MissionParticipant,
  args: { first?: number | null; after?: string | null },
): Promise<ConnectionShape<Interaction>> {
  const first = checkPageSize(args.first);
  const after = args.after ? (decodeCursor(args.after, [isInstant, isId]) as [unknown, string]) : null;
  const loader = perRequest(
    ctx,
    `mission:meetings:${first}:${args.after ?? ''}`,
    () =>
      new DataLoader<Pair, ConnectionShape<Interaction>, string>(
        (pairs) => loadMeetings(ctx, pairs, first, args.after, after),
        { cacheKeyFn: pairKey },
      ),
  );
  return loader.load({ missionId: participant.mission.id, companyId: participant.company.id });
}

async function loadMeetings(
  ctx: Context,
  pairs: readonly Pair[],
  first: number,
  afterCursor: string | null | undefined,
  after: [unknown, string] | null,
): Promise<ConnectionShape<Interaction>[]> {
  const em = ctx.em;
  const mission = columnOf(em, Interaction, 'mission');
  const exporter = columnOf(em, Interaction, 'exporter');
  const occurredAt = columnOf(em, Interaction, 'occurredAt');
  const qb = em.createQueryBuilder(Interaction, 'i');
  qb.select(['i.*', pageRowNumber(`i.${occurredAt} asc, i.id asc`)])
    .where({ kind: InteractionKind.MEETING })
    .andWhere(raw(`i.${mission} = __parents.k1 and i.${exporter} = __parents.k2`))
    .orderBy({ occurredAt: 'asc', id: 'asc' })
    .limit(first + 1);
  if (after) qb.andWhere(raw(`(i.${occurredAt}, i.id) > (?, ?)`, after));
  await qb.applyFilters();
  const parents = pairs.map((pair) => [pair.missionId, pair.companyId]);
  const rows = await firstRowsPerParent(em, parents, built(qb.toQuery()));
  const byPair = groupByParent(em, Interaction, rows, (row) => `${row[mission]}|${row[exporter]}`);
  const counts = perRequest(
    ctx,
    'mission:meetings:count',
    () => new DataLoader<Pair, number, string>((keys) => countMeetings(em, keys), { cacheKeyFn: pairKey }),
  );
  return toPages(
    pairs,
    pairKey,
    byPair,
    { first, after: afterCursor },
    (meeting) => encodeCursor([meeting.occurredAt.toISOString(), meeting.id]),
    (pair) => counts.load(pair),
  );
}

async function countMeetings(em: EntityManager, pairs: readonly Pair[]): Promise<number[]> {
  const mission = columnOf(em, Interaction, 'mission');
  const exporter = columnOf(em, Interaction, 'exporter');
  const qb = em.createQueryBuilder(Interaction, 'i');
  qb.select([raw(`i.${mission} as mission_id`), raw(`i.${exporter} as exporter_id`), raw('count(*) as n')])
    .where({ kind: InteractionKind.MEETING })
    .andWhere(pairCondition(em, pairs))
    .groupBy([raw(`i.${mission}`), raw(`i.${exporter}`)] as never);
  await qb.applyFilters();
  const rows = await agencyQuery<{ mission_id: string; exporter_id: string; n: string }>(em, built(qb.toQuery()));
  const counts = new Map(rows.map((row) => [`${row.mission_id}|${row.exporter_id}`, Number(row.n)]));
  return pairs.map((pair) => counts.get(pairKey(pair)) ?? 0);
}

// ------------------------------------------------- a company's missions

/**
 * The missions a company took part in (as a participant, whatever its status), latest first
 * (startsOn descending, undated last, then id descending), for all companies of a request in
 * one statement.
 */
export function companyMissions(
  ctx: Context,
  companyId: string,
  args: { first?: number | null; after?: string | null },
): Promise<ConnectionShape<Mission>> {
  const first = checkPageSize(args.first);
  const after = args.after ? (decodeCursor(args.after, [isDateOrNull, isId]) as [unknown, string]) : null;
  const loader = perRequest(
    ctx,
    `mission:company-missions:${first}:${args.after ?? ''}`,
    () =>
      new DataLoader<string, ConnectionShape<Mission>>((ids) =>
        loadCompanyMissions(ctx, ids, first, args.after, after),
      ),
  );
  return loader.load(companyId);
}

async function loadCompanyMissions(
  ctx: Context,
  companyIds: readonly string[],
  first: number,
  afterCursor: string | null | undefined,
  after: [unknown, string] | null,
): Promise<ConnectionShape<Mission>[]> {
  const em = ctx.em;
  const company = columnOf(em, MissionParticipant, 'company');
  const startsOn = columnOf(em, Mission, 'startsOn');
  const qb = em.createQueryBuilder(MissionParticipant, 'p');
  qb.select([raw('m.*'), raw(`p.${company} as __parent`), pageRowNumber(`m.${startsOn} desc nulls last, m.id desc`)])
    .join('p.mission', 'm')
    .where(raw(`p.${company} = __parents.k1`));
  if (after) {
    const [key, id] = after;
    qb.andWhere(
      key === null
        ? raw(`(m.${startsOn} is null and m.id < ?)`, [id])
        : raw(`(m.${startsOn} < ? or (m.${startsOn} = ? and m.id < ?) or m.${startsOn} is null)`, [key, key, id]),
    );
  }
  await qb.applyFilters();
  const page = sql`${built(qb.toQuery())} order by m.${trusted(startsOn)} desc nulls last, m.id desc limit ${first + 1}`;
  const rows = await firstRowsPerParent(
    em,
    companyIds.map((id) => [id]),
    page,
  );
  const byCompany = groupByParent(em, Mission, rows, (row) => row.__parent as string);
  const counts = perRequest(
    ctx,
    'mission:company-missions:count',
    () => new DataLoader<string, number>((ids) => countCompanyMissions(em, ids)),
  );
  return toPages(
    companyIds,
    (id) => id,
    byCompany,
    { first, after: afterCursor },
    (mission) => encodeCursor([mission.startsOn ?? null, mission.id]),
    (id) => counts.load(id),
  );
}

async function countCompanyMissions(em: EntityManager, companyIds: readonly string[]): Promise<number[]> {
  const company = columnOf(em, MissionParticipant, 'company');
  const qb = em.createQueryBuilder(MissionParticipant, 'p');
  qb.select([raw(`p.${company} as company_id`), raw('count(*) as n')])
    .where({ company: { $in: [...companyIds] } })
    .groupBy(raw(`p.${company}`) as never);
  await qb.applyFilters();
  const rows = await agencyQuery<{ company_id: string; n: string }>(em, built(qb.toQuery()));
  const counts = new Map(rows.map((row) => [row.company_id, Number(row.n)]));
  return companyIds.map((id) => counts.get(id) ?? 0);
}

// ------------------------------------------------- a mission's agenda

interface AgendaKey {
  missionId: string;
  zone: string;
}

/**
 * The mission's MEETING interactions that start on `day` in `zone`, not CANCELLED, by start
 * then id; optionally one exporter's. One statement for all the missions of a request.
 */
export function missionAgenda(
  ctx: Context,
  mission: Mission,
  day: string,
  zone: string,
  exporterId: string | null | undefined,
): Promise<Interaction[]> {
  if (exporterId != null && !isUuid(exporterId)) return Promise.resolve([]);
  const loader = perRequest(
    ctx,
    `mission:agenda:${day}:${exporterId ?? ''}`,
    () =>
      new DataLoader<AgendaKey, Interaction[], string>((keys) => loadAgendas(ctx.em, keys, day, exporterId), {
        cacheKeyFn: (key) => `${key.missionId}|${key.zone}`,
      }),
  );
  return loader.load({ missionId: mission.id, zone });
}

async function loadAgendas(
  em: EntityManager,
  keys: readonly AgendaKey[],
  day: string,
  exporterId: string | null | undefined,
): Promise<Interaction[][]> {
  const byZone = new Map<string, string[]>();
  for (const key of keys) {
    if (!byZone.has(key.zone)) byZone.set(key.zone, []);
    byZone.get(key.zone)!.push(key.missionId);
  }
  const meetings = await em.find(
    Interaction,
    {
      kind: InteractionKind.MEETING,
      ...(exporterId ? { exporter: exporterId } : {}),
      $and: [
        { $or: [{ status: null }, { status: { $ne: MeetingStatus.CANCELLED } }] },
        {
          $or: [...byZone].map(([zone, missionIds]) => {
            const { start, end } = dayBounds(day, zone);
            return { mission: { $in: missionIds }, startsAt: { $gte: start, $lt: end } };
          }),
        },
      ],
    },
    { orderBy: [{ startsAt: 'asc' }, { id: 'asc' }] },
  );
  return keys.map((key) => {
    const { start, end } = dayBounds(day, key.zone);
    return meetings.filter(
      (meeting) => meeting.mission?.id === key.missionId && meeting.startsAt! >= start && meeting.startsAt! < end,
    );
  });
}
