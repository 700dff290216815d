import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';

import { spread, taste } from './generate-taste.js';
import type { BatchShape } from './scale.js';

type Connection = ReturnType<EntityManager['getConnection']>;

/**
 * Bulk data for the bench, in SQL (`insert … select … from generate_series`), never row by row
 * through the ORM. Data comes in batches: batch 0 is size S; batches 1…9 added to it make 10×S.
 * Every batch has the same shape and only references its own companies, missions and deals, so
 * a record of batch 0 (the company and mission the bench opens) has exactly the same related
 * records at every size: what changes is only how much *else* is in the tables.
 *
 * Ids are derived from (kind, batch, number) with md5, so a statement can point at a row that
 * another statement inserted without reading it back. All batches cover the same three years up
 * to the bench's "now": a bigger size is a busier agency, not a longer history.
 */

/** The agency the data belongs to and what createAgencyWithAdmin made for it. */
export interface World {
  agencyId: string;
  adminId: string;
  /** Stage ids by position: Lead 0 … Negotiation 3, Shortlisted 4, Contract signed 5 (WON), Lost 6 (LOST). */
  stageIds: string[];
  pipelineId: string;
  /** The bench's "now" (ISO), the same for every batch. */
  now: string;
  /** Filled by `generateShared`. */
  userIds: string[];
  sectorIds: string[];
}

/** The tables the bench fills, for counting rows. */
export const TABLES = [
  'company',
  'company_sector',
  'contact',
  'mission',
  'mission_participant',
  'interaction',
  'interaction_contact',
  'deal',
  'deal_stage_change',
  'task',
  'exchange_rate',
  'user',
  'sector',
] as const;

const DAYS = 1_095; // three years
const COUNTRIES = ['SN', 'CI', 'FR', 'DE', 'AE', 'CN', 'TN', 'RU', 'ES', 'US'];
const PREFIXES = ['Agro', 'Atlas', 'Sahel', 'Delta', 'Nova', 'Oasis', 'Cedar', 'Argan', 'Medina', 'Sirocco'];
const SUFFIXES = ['Trading', 'Foods', 'Industries', 'Distribution', 'Export', 'Textiles', 'Logistics', 'Ceramics'];
const FIRST = ['Amina', 'Youssef', 'Fatou', 'Pierre', 'Olga', 'Li', 'Hassan', 'Claire', 'Ivan', 'Sara'];
// Two in Cyrillic, as Russian agencies write them: the search finds them from Latin spellings too.
const LAST = ['Benali', 'Diop', 'Martin', 'Петрова', 'Chen', 'Alaoui', 'Traore', 'Dubois', 'Смирнов', 'Haddad'];
const MISSION_PLACES: [string, string][] = [
  ['Dakar', 'SN'],
  ['Abidjan', 'CI'],
  ['Paris', 'FR'],
  ['Dubai', 'AE'],
  ['Shanghai', 'CN'],
  ['Tunis', 'TN'],
];
/** COUNTRIES' index of each of MISSION_PLACES' countries, as an SQL array (1-based). */
const HOSTS = `(array[${MISSION_PLACES.map(([, country]) => COUNTRIES.indexOf(country)).join(',')}])`;
/** Stage positions a deal went through, by its current position (WON 5 and LOST 6 skip some). */
const PATHS = ['0', '0,1', '0,1,2', '0,1,2,3', '0,1,2,3,4', '0,1,3,5', '0,1,6'];
/** Current stage positions, cycled: most deals open, some won, some lost. */
const POSITIONS = [0, 1, 1, 2, 3, 4, 5, 5, 6, 6];

/** An SQL array literal, in parentheses so that it can be subscripted. */
const text = (values: readonly string[]) => `(array[${values.map((v) => `'${v.replaceAll("'", "''")}'`).join(',')}])`;
const uuids = (values: readonly string[]) => `(array[${values.map((v) => `'${v}'::uuid`).join(',')}]::uuid[])`;
const pick = (values: readonly string[], index: string) => `${text(values)}[1 + (${index}) % ${values.length}]`;
/** The id of row `n` (an SQL expression) of `kind` in `batch`. */
const id = (kind: string, batch: number, n: string) => `md5('${kind}:${batch}:' || (${n}))::uuid`;

/** Company numbers 1…C: every 4th (n % 4 = 0) is an exporter; the others are counterparts. */
function companyRefs(shape: BatchShape) {
  const exporters = Math.floor(shape.companies / 4);
  const others = shape.companies - exporters;
  return {
    exporters,
    others,
    /** Company number of exporter e (0-based). */
    exporter: (e: string) => `(4 * ((${e}) % ${exporters}) + 4)`,
    /** Company number of counterpart x (0-based). */
    other: (x: string) => `(4 * (((${x}) % ${others}) / 3) + 1 + ((${x}) % ${others}) % 3)`,
  };
}

/** Users, sectors and exchange rates: once, whatever the size. */
export async function generateShared(conn: Connection, world: World): Promise<void> {
  const { agencyId: agency, now } = world;
  await conn.execute(
    `insert into "user" (id, created_at, updated_at, agency_id, email, full_name, role, locale, active)
     select md5('user:' || g)::uuid, '${now}', '${now}', '${agency}', 'manager' || g || '@bench.test',
       ${pick(FIRST, 'g')} || ' ' || ${pick(LAST, 'g / 10')} || ' ' || g,
       case when g = 20 then 'ANALYST' else 'ACCOUNT_MANAGER' end, 'fr', true
     from generate_series(1, 20) g`,
  );
  const users = await conn.execute<{ id: string }[]>(
    `select id from "user" where agency_id = '${agency}' and role <> 'ANALYST' order by (role = 'ADMIN') desc, email`,
  );
  world.userIds = users.map((u) => u.id);

  const sectors = ['AGRIFOOD', 'TEXTILES', 'CERAMICS', 'AUTOMOTIVE', 'PHARMA', 'FISHERIES', 'BUILDING', 'ICT'];
  await conn.execute(
    `insert into sector (id, created_at, updated_at, agency_id, code, names)
     select md5('sector:' || code)::uuid, '${now}', '${now}', '${agency}', code,
       jsonb_build_object('fr', initcap(code), 'en', initcap(code), 'ru', initcap(code))
     from unnest(${text(sectors)}) code`,
  );
  const rows = await conn.execute<{ id: string }[]>(
    `select id from sector where agency_id = '${agency}' order by code`,
  );
  world.sectorIds = rows.map((s) => s.id);

  // Monthly EUR and USD rates (MAD per unit) for 40 months; USD only for the last 24, so older
  // USD deals have no rate (the "without rate" path is exercised too).
  await conn.execute(
    `insert into exchange_rate (id, created_at, updated_at, agency_id, currency, valid_on, rate)
     select md5('rate:' || c || ':' || m)::uuid, '${now}', '${now}', '${agency}', c,
       (date_trunc('month', '${now}'::timestamptz) - make_interval(months => m))::date,
       case c when 'EUR' then 10.8 + (m % 7) * 0.05 else 9.9 + (m % 5) * 0.04 end
     from unnest(array['EUR', 'USD']) c, generate_series(0, 39) m
     where c = 'EUR' or m < 24`,
  );
}

/** Inserts batch `batch` (0 = the first S). */
export async function generateBatch(conn: Connection, world: World, shape: BatchShape, batch: number): Promise<void> {
  const { agencyId: agency, now } = world;
  const U = world.userIds.length;
  const users = uuids(world.userIds);
  const sectors = uuids(world.sectorIds);
  const stages = uuids(world.stageIds);
  const C = shape.companies;
  const M = shape.missions;
  const P = Math.min(shape.participantsPerMission, Math.floor(C / 4));
  const refs = companyRefs(shape);
  const S = world.sectorIds.length;
  const tastes = taste(S, refs.others);
  const chosenCounterpart = tastes.counterpart;
  const base = `'${now}'::timestamptz`;
  const company = (n: string) => id('company', batch, n);

  // Companies: "Agro Trading 1234" (the number makes the name unique across batches).
  await conn.execute(
    `insert into company (id, created_at, updated_at, agency_id, name, normalized_name, kind, country, city, website, account_manager_id)
     select ${company('g')}, t, t, '${agency}', name, lower(name), kind, country, city,
       'https://example.com/' || g, ${users}[1 + g % ${U}]
     from (
       select g,
         ${pick(PREFIXES, 'g')} || ' ' || ${pick(SUFFIXES, 'g / 10')} || ' ' || (${batch * C} + g) as name,
         case g % 4 when 0 then 'EXPORTER' when 1 then 'BUYER' when 2 then 'DISTRIBUTOR' else 'RETAILER' end as kind,
         case when g % 4 = 0 then 'MA' else ${pick(COUNTRIES, 'g / 4')} end as country,
         case when g % 4 = 0 then 'Casablanca' else null end as city,
         ${base} - make_interval(secs => g * ${(DAYS * 86_400) / C}) as t
       from generate_series(1, ${C}) g
     ) s`,
  );
  await conn.execute(
    `insert into company_sector (company_id, sector_id)
     select ${company('g')}, ${sectors}[1 + case when g % 4 = 0 then ${tastes.exporterSector('g')} else ${tastes.declared('g')} end]
     from generate_series(1, ${C}) g`,
  );
  // Contacts: the id is derived from the company's id, so an interaction can name its counterpart's contact.
  await conn.execute(
    `insert into contact (id, created_at, updated_at, agency_id, company_id, full_name, normalized_name, job_title, email, phone, languages)
     select md5('contact:' || c.id || ':' || j)::uuid, c.created_at, c.created_at, c.agency_id, c.id, s.name, lower(s.name),
       case j when 0 then 'Export manager' else 'Purchasing director' end,
       'contact' || j || '.' || replace(c.id::text, '-', '') || '@example.com',
       '+212 6 ' || substr(regexp_replace(md5(c.id::text || j), '[^0-9]', '', 'g') || '00000000', 1, 8), '{fr,en}'
     from company c
     cross join generate_series(0, ${shape.contactsPerCompany - 1}) j
     cross join lateral (select ${pick(FIRST, `j + length(c.name)`)} || ' ' || ${pick(LAST, `ascii(c.id::text) + j`)} as name) s
     where c.id in (select ${company('g')} from generate_series(1, ${C}) g)`,
  );

  // Missions: spread over the three years, the last ones still ahead; 3 days each.
  await conn.execute(
    `insert into mission (id, created_at, updated_at, agency_id, name, normalized_name, kind, status, host_country, city,
       starts_on, ends_on, organizer_id, lead_id, budget_amount, budget_currency)
     select ${id('mission', batch, 'm')}, ${base} - interval '1100 days', ${base} - interval '1100 days', '${agency}',
       name, lower(name), 'TRADE_MISSION',
       case when starts_on + 2 < ${base}::date then 'COMPLETED' else 'PLANNED' end,
       country, city, starts_on, starts_on + 2, '${agency}', ${users}[1 + m % ${U}],
       400000, case when m % 2 = 0 then 'MAD' else 'EUR' end
     from (
       select m, p.city, p.country, p.city || ' trade mission ' || (${batch * M} + m) as name,
         ${base}::date - 1000 + (m - 1) * 1100 / ${M} as starts_on
       from generate_series(1, ${M}) m
       join (select * from unnest(${text(MISSION_PLACES.map((p) => p[0]))}, ${text(MISSION_PLACES.map((p) => p[1]))})
             with ordinality as t(city, country, k)) p on p.k = 1 + m % ${MISSION_PLACES.length}
     ) s`,
  );
  // Delegations: P distinct exporters per mission.
  await conn.execute(
    `insert into mission_participant (id, created_at, updated_at, agency_id, mission_id, company_id, status)
     select ${id('participant', batch, "m || ':' || j")}, ${base}, ${base}, '${agency}', ${id('mission', batch, 'm')},
       ${company(refs.exporter(`m * 5 + j`))},
       ${pick(['ATTENDED', 'ATTENDED', 'CONFIRMED', 'WITHDREW', 'REGISTERED'], 'j')}
     from generate_series(1, ${M}) m, generate_series(0, ${P - 1}) j`,
  );

  // Interactions. 2 in 5 are meetings at a mission (q numbers them): exporter from the
  // delegation, on one of the mission's three days between 09:00 and 17:00 UTC. The others
  // (r numbers them) are calls, e-mails, visits, notes and meetings over the three years.
  const I = shape.interactions;
  const R = I - Math.floor(I / 5) * 2 - Math.min(I % 5, 2);
  await conn.execute(
    `with src as (
       select i, (i / 5) * 2 + i % 5 as q, (i / 5) * 3 + i % 5 - 2 as r, i % 5 < 2 as at_mission
       from generate_series(0, ${I - 1}) i
     ), mission_exporter as (
       select s.i, s.q, ${refs.exporter(`(1 + s.q % ${M}) * 5 + (s.q / ${M}) % ${P}`)} as exporter_no
       from src s where s.at_mission
     ), mission_meeting as (
       select s.i, 'MEETING' as kind, s.q, mi.id as mission_id, s.exporter_no,
         ${chosenCounterpart(`${HOSTS}[1 + (1 + s.q % ${M}) % ${MISSION_PLACES.length}]`, tastes.exporterSector('s.exporter_no'), 's.q')} as counterpart_no,
         (mi.starts_on + (s.q % 3))::timestamp at time zone 'UTC'
           + interval '9 hours' + make_interval(mins => ((s.q / ${3 * M}) % 16) * 30) as at
       from mission_exporter s join mission mi on mi.id = ${id('mission', batch, `1 + s.q % ${M}`)}
     ), other as (
       select s.i, ${pick(['CALL', 'EMAIL', 'VISIT', 'NOTE', 'MEETING'], 's.r / 7')} as kind, s.r as q,
         null::uuid as mission_id,
         ${refs.exporter('s.r')} as exporter_no,
         ${refs.other('s.r * 11')} as counterpart_no,
         ${base} + interval '30 days' - make_interval(secs => s.r * ${(DAYS * 86_400) / Math.max(R, 1)}) as at
       from src s where not s.at_mission
     ), rows as (
       select u.*, ${company('u.exporter_no')} as exporter_id, ${company('u.counterpart_no')} as counterpart_id,
         u.at < ${base} as past,
         ${tastes.exporterSector('u.exporter_no')} in (${tastes.declared('u.counterpart_no')}, ${tastes.favoured('u.counterpart_no')}) as liked,
         ${tastes.unreliable('u.counterpart_no')} as unreliable
       from (select * from mission_meeting union all select * from other) u
     ), inserted as (
       insert into interaction (id, created_at, updated_at, agency_id, kind, occurred_at, subject, normalized_subject,
         notes, outcome, mission_id, exporter_id, counterpart_id, author_id, starts_at, ends_at, place, status)
       select ${id('interaction', batch, 'i')}, at, at, '${agency}', kind, at,
         initcap(kind) || ' ' || (${batch * I} + i), lower(kind) || ' ' || (${batch * I} + i),
         case when i % 3 = 0 then 'Discussed prices, volumes and certification.' end,
         case when past and kind in ('MEETING', 'VISIT') then case
           when ${spread('q', 11, 10)} < case when liked then 8 else 1 end then 'POSITIVE'
           when liked or ${spread('q', 11, 10)} < 5 then 'NEUTRAL' else 'NEGATIVE' end end,
         mission_id, exporter_id, case when kind = 'NOTE' then null else counterpart_id end,
         ${users}[1 + q % ${U}],
         case when kind = 'MEETING' then at end,
         case when kind = 'MEETING' then at + interval '30 minutes' end,
         case when kind = 'MEETING' then 'Stand ' || (q % 40 + 1) end,
         case when kind <> 'MEETING' then null
              when not past then 'PLANNED'
              when (q / ${M}) % 10 = 7 or (unreliable and q % 2 = 0) then 'NO_SHOW'
              when (q / ${M}) % 10 = 8 then 'CANCELLED'
              else 'HELD' end
       from rows
       returning id, kind, counterpart_id
     )
     insert into interaction_contact (interaction_id, contact_id)
     select id, md5('contact:' || counterpart_id || ':0')::uuid from inserted
     where kind = 'MEETING' and counterpart_id is not null`,
  );

  // Deals with their stage history: one change per stage passed, a week apart; half come from a mission.
  const D = shape.deals;
  await conn.execute(
    `with src as (
       select d, path, path[array_length(path, 1)] as position,
         ${base} - interval '40 days' - make_interval(days => array_length(path, 1) * 7)
           - make_interval(secs => (${D} - d) * ${(900 * 86_400) / D}) as created
       from generate_series(1, ${D}) d
       cross join lateral (select string_to_array(${text(PATHS)}[1 + ${`(array[${POSITIONS.join(',')}])`}[1 + (d * 7 + d / 13) % ${POSITIONS.length}]], ',')::int[] as path) p
     ), inserted as (
       insert into deal (id, created_at, updated_at, agency_id, title, pipeline_id, stage_id, exporter_id, buyer_id,
         source_mission_id, owner_id, amount, currency, expected_close_on, closed_on, lost_reason, destination_country,
         sector_id, products, version)
       select ${id('deal', batch, 'd')}, created, created + make_interval(days => (array_length(path, 1) - 1) * 7),
         '${agency}', 'Deal ' || (${batch * D} + d), '${world.pipelineId}', ${stages}[position + 1],
         ${company(refs.exporter('d'))},
         ${company(chosenCounterpart(spread('d', 13, COUNTRIES.length), tastes.exporterSector(refs.exporter('d')), 'd * 7'))},
         case when d % 2 = 0 then ${id('mission', batch, `1 + (d / 2) % ${M}`)} end,
         ${users}[1 + d % ${U}],
         case when d % 13 = 0 then null else 10000 + (d * 7919) % 500000 end,
         ${pick(['MAD', 'EUR', 'USD'], 'd')},
         case when position < 5 then (${base} + make_interval(days => 30 + d % 200))::date end,
         case when position >= 5 then (created + make_interval(days => (array_length(path, 1) - 1) * 7))::date end,
         case when position = 6 then ${pick(['Price too high', 'No budget', 'Chose a competitor'], 'd')} end,
         ${pick(COUNTRIES, 'd')}, ${sectors}[1 + d % ${world.sectorIds.length}], 'Olive oil, canned fish',
         array_length(path, 1)
       from src
       returning id
     )
     insert into deal_stage_change (id, created_at, updated_at, agency_id, deal_id, from_stage_id, to_stage_id, changed_at, changed_by_id)
     select ${id('stage-change', batch, "d || ':' || k")}, at, at, '${agency}', ${id('deal', batch, 'd')},
       case when k > 1 then ${stages}[path[k - 1] + 1] end, ${stages}[path[k] + 1], at, ${users}[1 + d % ${U}]
     from src
     cross join generate_subscripts(path, 1) k
     cross join lateral (select created + make_interval(days => (k - 1) * 7) as at) t
     where (select count(*) from inserted) > 0`,
  );

  // Tasks on a deal, a company or a mission, due from two months ago to two months ahead; past ones half done.
  const T = shape.tasks;
  await conn.execute(
    `insert into task (id, created_at, updated_at, agency_id, title, due_on, done, done_at, assignee_id, deal_id, company_id, mission_id)
     select ${id('task', batch, 't')}, ${base} - interval '90 days', ${base} - interval '90 days', '${agency}',
       'Follow up ' || (${batch * T} + t), due, done, case when done then due::timestamp at time zone 'UTC' end,
       ${users}[1 + t % ${U}],
       case when t % 3 = 0 then ${id('deal', batch, `1 + t % ${D}`)} end,
       case when t % 3 = 1 then ${company(refs.exporter('t'))} end,
       case when t % 3 = 2 then ${id('mission', batch, `1 + t % ${M}`)} end
     from (
       select t, ${base}::date - 60 + (t * 120 / ${T}) as due,
         t % 2 = 0 and ${base}::date - 60 + (t * 120 / ${T}) < ${base}::date as done
       from generate_series(1, ${T}) t
     ) s`,
  );
}

/**
 * Runs `fill` with the secondary indexes of TABLES (neither primary key nor unique) dropped, then
 * builds them again: one build per index is much faster than keeping GIN trigram indexes up to date
 * row by row, and the database ends with the same indexes.
 */
async function withoutSecondaryIndexes(conn: Connection, fill: () => Promise<void>): Promise<void> {
  const indexes = await conn.execute<{ name: string; definition: string }[]>(
    `select c.relname as name, pg_get_indexdef(x.indexrelid) as definition
     from pg_index x
     join pg_class c on c.oid = x.indexrelid
     join pg_class t on t.oid = x.indrelid
     join pg_namespace n on n.oid = t.relnamespace
     where n.nspname = current_schema() and not x.indisunique and not x.indisprimary
       and t.relname in (${TABLES.map((table) => `'${table}'`).join(', ')})`,
  );
  for (const index of indexes) await conn.execute(`drop index "${index.name}"`);
  try {
    await fill();
  } finally {
    for (const index of indexes) await conn.execute(index.definition);
  }
}

/**
 * Batches `from` … `to - 1`, two at a time (each batch only references its own records, so two
 * connections can fill them side by side; PGlite, with one connection, runs them in turn), with
 * the secondary indexes built once at the end. `onBatch` hears of each batch done.
 */
export function generateBatches(
  conn: Connection,
  world: World,
  shape: BatchShape,
  from: number,
  to: number,
  onBatch: (batch: number) => void = () => {},
): Promise<void> {
  return withoutSecondaryIndexes(conn, async () => {
    for (let batch = from; batch < to; batch += 2) {
      await Promise.all(
        [batch, batch + 1]
          .filter((b) => b < to)
          .map((b) => generateBatch(conn, world, shape, b).then(() => onBatch(b))),
      );
    }
  });
}

/** The id `id(kind, batch, n)` gives in SQL, computed here: md5 of the text, as a UUID. */
export function derivedId(kind: string, batch: number, n: number | string): string {
  const hex = createHash('md5').update(`${kind}:${batch}:${n}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The records of batch 0 the screens open, the same at every size: exporter 5 (company 24, in
 * mission 1's delegation) and mission 1.
 */
export function pinned(): { companyId: string; missionId: string } {
  return { companyId: derivedId('company', 0, 24), missionId: derivedId('mission', 0, 1) };
}
