import { type EntityClass, type FilterQuery, QueryOrder } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { coerceInputValue, GraphQLError, type GraphQLInputType, isInputType } from 'graphql';
import type { Context } from '../../graphql/context.js';
import { ErrorCode } from '../../graphql/errors.js';
import { isIsoDate } from '../../graphql/scalars.js';
import { graphqlSchema } from '../../graphql/schema.js';
import { OrderDirection, type OrderSpec } from '../../shared/connection.js';
import { isUuid } from '../../shared/ids.js';
import { type Message, msg } from '../../shared/messages/index.js';
import { joinList } from '../../shared/tabular/values.js';
import { Company } from '../company/company.entity.js';
import { CompanyOrderField } from '../company/company.inputs.js';
import { companyWhere } from '../company/company.service.js';
import { Contact } from '../contact/contact.entity.js';
import { ContactOrderField } from '../contact/contact.inputs.js';
import { contactWhere } from '../contact/contact.service.js';
import { Deal } from '../deal/deal.entity.js';
import { dealWhere } from '../deal/deal.filter.js';
import { DealOrderField } from '../deal/deal.inputs.js';
import { Interaction } from '../interaction/interaction.entity.js';
import { InteractionKind, MeetingStatus } from '../interaction/interaction.enums.js';
import { interactionWhere } from '../interaction/interaction.filter.js';
import { InteractionOrderField } from '../interaction/interaction.inputs.js';
import { Mission } from '../mission/mission.entity.js';
import { MissionParticipant } from '../mission/mission-participant.entity.js';
import { dayBounds, hostTimeZone } from '../mission/time-zone.js';
import {
  AGENDA_EXPORT,
  COMPANY_EXPORT,
  CONTACT_EXPORT,
  DEAL_EXPORT,
  DELEGATION_EXPORT,
  type ExportColumn,
  INTERACTION_EXPORT,
} from './export.columns.js';

export const EXPORT_LISTS = ['companies', 'contacts', 'deals', 'interactions', 'delegation', 'agenda'] as const;
export type ExportList = (typeof EXPORT_LISTS)[number];

/** Rows read per statement: memory holds one batch at a time, whatever the list's size. */
export const EXPORT_BATCH_SIZE = 1000;

/** A row's cells by column field; `rowKey` (when the list's key is not the `id` column) is not written. */
export type Row = Record<string, string | Date | null>;

/** A refusal of the request itself (400/404), with a catalog message. */
export class ExportRequestError extends Error {
  constructor(
    readonly status: 400 | 404,
    readonly detail: Message,
  ) {
    super(detail.id);
  }
}

export interface ExportParams {
  filter: string | null;
  orderBy: string | null;
  missionId: string | null;
  day: string | null;
}

export interface ExportPlan {
  list: ExportList;
  columns: ExportColumn[];
  /** Where instants are read as wall-clock times; null: the caller's (or UTC). */
  timeZone: string | null;
  audit: { entity: string; entityId: string; filter: unknown; orderBy: unknown; missionId?: string; day?: string };
  /** The rows, in the list's order, one batch (at most `size` rows) at a time. */
  batches(size: number): AsyncGenerator<Row[]>;
}

function parseJson(text: string | null, name: 'filter' | 'orderBy'): unknown {
  if (text == null || text.trim() === '') return null;
  try {
    return JSON.parse(text);
  } catch {
    throw new ExportRequestError(400, msg('exportBadJson', { parameter: name }));
  }
}

/** The parameter as GraphQL would coerce it for the list's query: same types, enums and defaults. */
async function coerce<T>(text: string | null, name: 'filter' | 'orderBy', typeName: string): Promise<T | null> {
  const value = parseJson(text, name);
  if (value == null) return null;
  const type = (await graphqlSchema()).getType(typeName);
  if (!type || !isInputType(type)) throw new Error(`No input type ${typeName}`);
  const problems: string[] = [];
  const coerced = coerceInputValue(value, type as GraphQLInputType, (path, _invalid, error) => {
    problems.push(path.length > 0 ? `${path.join('.')}: ${error.message}` : error.message);
  });
  if (problems.length > 0) {
    throw new ExportRequestError(400, msg('exportBadParameter', { parameter: name, detail: problems.join(' ') }));
  }
  return coerced as T;
}

/** The filter helpers refuse bad ids and codes as GraphQL BAD_USER_INPUT errors: same refusal, as a 400. */
function where<T>(build: () => T): T {
  try {
    return build();
  } catch (error) {
    if (error instanceof GraphQLError && error.extensions.code === ErrorCode.BAD_USER_INPUT) {
      throw new ExportRequestError(400, msg('exportBadParameter', { parameter: 'filter', detail: error.message }));
    }
    throw error;
  }
}

/**
 * Ids of the matching records in the list's order (sort key, then id), a batch at a time, with
 * the same keyset cursors as the list's pages (shared/connection.ts `paginate`). Only id and
 * sort key are loaded, and the identity map is emptied after each batch.
 */
async function* keyBatches<T extends { id: string }>(
  em: EntityManager,
  entity: EntityClass<T>,
  condition: FilterQuery<T>,
  order: OrderSpec,
  size: number,
): AsyncGenerator<string[]> {
  const direction = order.direction === OrderDirection.DESC ? QueryOrder.DESC : QueryOrder.ASC;
  const orderBy = order.field === 'id' ? { id: direction } : { [order.field]: direction, id: direction };
  let after: string | undefined;
  for (;;) {
    const cursor = await em.findByCursor(entity, {
      where: condition,
      orderBy: orderBy as never,
      first: size,
      after,
      includeCount: false,
      fields: (order.field === 'id' ? ['id'] : ['id', order.field]) as never,
    } as never);
    const items = [...cursor.items] as T[];
    if (items.length > 0) yield items.map((item) => item.id);
    if (!cursor.hasNextPage || items.length === 0) return;
    after = cursor.from(items.at(-1) as never);
    em.clear();
  }
}

/** Runs `details` for each batch of ids and hands back its rows in the ids' order. */
async function* rowBatches(
  keys: AsyncGenerator<string[]>,
  details: (ids: string[]) => Promise<Row[]>,
): AsyncGenerator<Row[]> {
  for await (const ids of keys) {
    const byId = new Map((await details(ids)).map((row) => [(row.rowKey ?? row.id) as string, row]));
    yield ids.map((id) => byId.get(id)).filter((row): row is Row => row !== undefined);
  }
}

type Raw = Record<string, unknown>;
const text = (value: unknown): string | null => (value == null || value === '' ? null : String(value));
const instant = (value: unknown): Date | null =>
  value == null ? null : value instanceof Date ? value : new Date(String(value));

function companyCells(r: Raw): Row {
  return {
    id: String(r.id),
    name: text(r.name),
    kind: text(r.kind),
    country: text(r.country),
    city: text(r.city),
    website: text(r.website),
    brands: text(joinList(r.brands as string[] | null)),
    sectors: text(joinList(r.sectors as string[] | null)),
    accountManager: text(r.account_manager),
    notes: text(r.notes),
  };
}

const COMPANY_SELECT = `c.id, c.name, c.kind, c.country, c.city, c.website, c.brands, c.notes,
  u.email as account_manager,
  array(select s.code from company_sector cs join sector s on s.id = cs.sector_id
        where cs.company_id = c.id order by s.code) as sectors`;

function companyDetails(em: EntityManager, agencyId: string) {
  return async (ids: string[]): Promise<Row[]> => {
    const rows = await em.execute<Raw[]>(
      `select ${COMPANY_SELECT}
       from company c left join "user" u on u.id = c.account_manager_id
       where c.agency_id = ? and c.id in (?)`,
      [agencyId, ids],
    );
    return rows.map(companyCells);
  };
}

function contactDetails(em: EntityManager, agencyId: string) {
  return async (ids: string[]): Promise<Row[]> => {
    const rows = await em.execute<Raw[]>(
      `select ct.id, ct.full_name, c.name as company, c.country as company_country, ct.job_title, ct.email,
              ct.phone, ct.languages
       from contact ct join company c on c.id = ct.company_id
       where ct.agency_id = ? and ct.id in (?)`,
      [agencyId, ids],
    );
    return rows.map((r) => ({
      id: String(r.id),
      fullName: text(r.full_name),
      company: text(r.company),
      companyCountry: text(r.company_country),
      jobTitle: text(r.job_title),
      email: text(r.email),
      phone: text(r.phone),
      languages: text(joinList(r.languages as string[] | null)),
    }));
  };
}

function delegationDetails(em: EntityManager, agencyId: string) {
  return async (ids: string[]): Promise<Row[]> => {
    const rows = await em.execute<Raw[]>(
      `select mp.id as participant_id, mp.status as participant_status, mp.notes as participant_notes, ${COMPANY_SELECT}
       from mission_participant mp join company c on c.id = mp.company_id
       left join "user" u on u.id = c.account_manager_id
       where mp.agency_id = ? and mp.id in (?)`,
      [agencyId, ids],
    );
    // Keyed by participant (the batch's ids); the `id` column is the company's, as import reads it.
    return rows.map((r) => ({
      ...companyCells(r),
      participantStatus: text(r.participant_status),
      participantNotes: text(r.participant_notes),
      rowKey: String(r.participant_id),
    }));
  };
}

function dealDetails(em: EntityManager, agencyId: string) {
  return async (ids: string[]): Promise<Row[]> => {
    const rows = await em.execute<Raw[]>(
      `select d.id, d.title, p.name as pipeline, st.name as stage, st.category, ex.name as exporter,
              b.name as buyer, d.amount::text as amount, d.currency,
              to_char(d.expected_close_on, 'YYYY-MM-DD') as expected_close_on,
              to_char(d.closed_on, 'YYYY-MM-DD') as closed_on, o.email as owner, m.name as source_mission,
              d.destination_country, sec.code as sector, d.products, d.lost_reason, d.created_at
       from deal d
       join pipeline p on p.id = d.pipeline_id
       join pipeline_stage st on st.id = d.stage_id
       join company ex on ex.id = d.exporter_id
       left join company b on b.id = d.buyer_id
       join "user" o on o.id = d.owner_id
       left join mission m on m.id = d.source_mission_id
       left join sector sec on sec.id = d.sector_id
       where d.agency_id = ? and d.id in (?)`,
      [agencyId, ids],
    );
    return rows.map((r) => ({
      id: String(r.id),
      title: text(r.title),
      pipeline: text(r.pipeline),
      stage: text(r.stage),
      category: text(r.category),
      exporter: text(r.exporter),
      buyer: text(r.buyer),
      amount: text(r.amount),
      currency: text(r.currency),
      expectedCloseOn: text(r.expected_close_on),
      closedOn: text(r.closed_on),
      owner: text(r.owner),
      sourceMission: text(r.source_mission),
      destinationCountry: text(r.destination_country),
      sector: text(r.sector),
      products: text(r.products),
      lostReason: text(r.lost_reason),
      createdAt: instant(r.created_at),
    }));
  };
}

function interactionDetails(em: EntityManager, agencyId: string) {
  return async (ids: string[]): Promise<Row[]> => {
    const rows = await em.execute<Raw[]>(
      `select i.id, i.kind, i.occurred_at, i.starts_at, i.ends_at, i.status, i.subject, ex.name as exporter,
              cp.name as counterpart, m.name as mission, d.title as deal, a.email as author, i.outcome, i.place,
              i.notes
       from interaction i
       join company ex on ex.id = i.exporter_id
       left join company cp on cp.id = i.counterpart_id
       left join mission m on m.id = i.mission_id
       left join deal d on d.id = i.deal_id
       join "user" a on a.id = i.author_id
       where i.agency_id = ? and i.id in (?)`,
      [agencyId, ids],
    );
    return rows.map((r) => ({
      id: String(r.id),
      kind: text(r.kind),
      occurredAt: instant(r.occurred_at),
      startsAt: instant(r.starts_at),
      endsAt: instant(r.ends_at),
      status: text(r.status),
      subject: text(r.subject),
      exporter: text(r.exporter),
      counterpart: text(r.counterpart),
      mission: text(r.mission),
      deal: text(r.deal),
      author: text(r.author),
      outcome: text(r.outcome),
      place: text(r.place),
      notes: text(r.notes),
    }));
  };
}

async function missionOf(em: EntityManager, missionId: string | null): Promise<{ id: string; hostCountry: string }> {
  if (!missionId) throw new ExportRequestError(400, msg('exportMissionRequired'));
  const mission = isUuid(missionId) ? await em.findOne(Mission, missionId, { fields: ['id', 'hostCountry'] }) : null;
  if (!mission) throw new ExportRequestError(404, msg('exportNoSuchMission'));
  return mission;
}

/**
 * Checks a request's parameters (as the list's GraphQL query would) and returns what to write.
 * `em` is a fresh agency-scoped EntityManager, used for this export only.
 */
export async function planExport(
  em: EntityManager,
  ctx: Context,
  list: ExportList,
  params: ExportParams,
): Promise<ExportPlan> {
  const agencyId = ctx.viewer!.agencyId;
  const language = ctx.language;
  switch (list) {
    case 'companies': {
      const filter = await coerce<Parameters<typeof companyWhere>[1]>(params.filter, 'filter', 'CompanyFilter');
      const order = (await coerce<OrderSpec>(params.orderBy, 'orderBy', 'CompanyOrder')) ?? {
        field: CompanyOrderField.NAME,
        direction: OrderDirection.ASC,
      };
      const condition = where(() => companyWhere(em, filter, language));
      return {
        list,
        columns: COMPANY_EXPORT,
        timeZone: null,
        audit: { entity: 'Company', entityId: agencyId, filter, orderBy: order },
        batches: (size) => rowBatches(keyBatches(em, Company, condition, order, size), companyDetails(em, agencyId)),
      };
    }
    case 'contacts': {
      const filter = await coerce<Parameters<typeof contactWhere>[0]>(params.filter, 'filter', 'ContactFilter');
      const order = (await coerce<OrderSpec>(params.orderBy, 'orderBy', 'ContactOrder')) ?? {
        field: ContactOrderField.FULL_NAME,
        direction: OrderDirection.ASC,
      };
      const condition = where(() => contactWhere(filter, language));
      return {
        list,
        columns: CONTACT_EXPORT,
        timeZone: null,
        audit: { entity: 'Contact', entityId: agencyId, filter, orderBy: order },
        batches: (size) => rowBatches(keyBatches(em, Contact, condition, order, size), contactDetails(em, agencyId)),
      };
    }
    case 'deals': {
      const filter = await coerce<Parameters<typeof dealWhere>[0]>(params.filter, 'filter', 'DealFilter');
      const order = (await coerce<OrderSpec>(params.orderBy, 'orderBy', 'DealOrder')) ?? {
        field: DealOrderField.CREATED_AT,
        direction: OrderDirection.DESC,
      };
      const condition = where(() => dealWhere(filter));
      return {
        list,
        columns: DEAL_EXPORT,
        timeZone: null,
        audit: { entity: 'Deal', entityId: agencyId, filter, orderBy: order },
        batches: (size) => rowBatches(keyBatches(em, Deal, condition, order, size), dealDetails(em, agencyId)),
      };
    }
    case 'interactions': {
      const filter = await coerce<Parameters<typeof interactionWhere>[0]>(params.filter, 'filter', 'InteractionFilter');
      const order = (await coerce<OrderSpec>(params.orderBy, 'orderBy', 'InteractionOrder')) ?? {
        field: InteractionOrderField.OCCURRED_AT,
        direction: OrderDirection.DESC,
      };
      const condition = where(() => interactionWhere(filter));
      return {
        list,
        columns: INTERACTION_EXPORT,
        timeZone: null,
        audit: { entity: 'Interaction', entityId: agencyId, filter, orderBy: order },
        batches: (size) =>
          rowBatches(keyBatches(em, Interaction, condition, order, size), interactionDetails(em, agencyId)),
      };
    }
    case 'delegation': {
      const mission = await missionOf(em, params.missionId);
      const filter = await coerce<{ statuses?: string[] | null }>(params.filter, 'filter', 'MissionParticipantFilter');
      const condition: FilterQuery<MissionParticipant> = {
        mission: mission.id,
        ...(filter?.statuses?.length ? { status: { $in: filter.statuses as never } } : {}),
      };
      // The delegation's order (mission.participants): as added, then by id.
      const order = { field: 'createdAt', direction: OrderDirection.ASC };
      const details = delegationDetails(em, agencyId);
      return {
        list,
        columns: DELEGATION_EXPORT,
        timeZone: null,
        audit: { entity: 'Mission', entityId: mission.id, filter, orderBy: order, missionId: mission.id },
        batches: (size) => rowBatches(keyBatches(em, MissionParticipant, condition, order, size), details),
      };
    }
    case 'agenda': {
      const mission = await missionOf(em, params.missionId);
      if (params.day != null && !isIsoDate(params.day)) {
        throw new ExportRequestError(400, msg('exportBadDay', { day: params.day }));
      }
      const zone = hostTimeZone(mission.hostCountry);
      const bounds = params.day ? dayBounds(params.day, zone) : null;
      // The mission's agenda (mission.agenda): its meetings not cancelled, by start time then id.
      const condition: FilterQuery<Interaction> = {
        mission: mission.id,
        kind: InteractionKind.MEETING,
        $or: [{ status: null }, { status: { $ne: MeetingStatus.CANCELLED } }],
        ...(bounds ? { startsAt: { $gte: bounds.start, $lt: bounds.end } } : { startsAt: { $ne: null } }),
      };
      const order = { field: 'startsAt', direction: OrderDirection.ASC };
      return {
        list,
        columns: AGENDA_EXPORT,
        timeZone: zone,
        audit: {
          entity: 'Mission',
          entityId: mission.id,
          filter: null,
          orderBy: order,
          missionId: mission.id,
          ...(params.day ? { day: params.day } : {}),
        },
        batches: (size) =>
          rowBatches(keyBatches(em, Interaction, condition, order, size), interactionDetails(em, agencyId)),
      };
    }
  }
}
