import type { EntityClass, FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { coerceInputValue, GraphQLError, type GraphQLInputType, isInputType } from 'graphql';
import type { Context } from '../../graphql/context.js';
import { ErrorCode } from '../../graphql/errors.js';
import { isIsoDate } from '../../graphql/scalars.js';
import { graphqlSchema } from '../../graphql/schema.js';
import { OrderDirection, type OrderSpec } from '../../shared/connection.js';
import { isUuid } from '../../shared/ids.js';
import { type Language, type Message, msg } from '../../shared/messages/index.js';
import { Company } from '../company/company.entity.js';
import { companyWhere } from '../company/company.filter.js';
import { CompanyOrderField } from '../company/company.inputs.js';
import { Contact } from '../contact/contact.entity.js';
import { contactWhere } from '../contact/contact.filter.js';
import { ContactOrderField } from '../contact/contact.inputs.js';
import { Deal } from '../deal/deal.entity.js';
import { dealWhere } from '../deal/deal.filter.js';
import { DealOrderField } from '../deal/deal.inputs.js';
import { Interaction } from '../interaction/interaction.entity.js';
import { InteractionKind, MeetingStatus } from '../interaction/interaction.enums.js';
import { interactionWhere } from '../interaction/interaction.filter.js';
import { InteractionOrderField } from '../interaction/interaction.inputs.js';
import { Mission } from '../mission/mission.entity.js';
import { participantWhere } from '../mission/mission.filter.js';
import { MissionParticipant } from '../mission/mission-participant.entity.js';
import { dayBounds, hostTimeZone } from '../mission/time-zone.js';
import { keyBatches, type Row, rowBatches } from './export.batches.js';
import {
  AGENDA_EXPORT,
  COMPANY_EXPORT,
  CONTACT_EXPORT,
  DEAL_EXPORT,
  DELEGATION_EXPORT,
  type ExportColumn,
  INTERACTION_EXPORT,
} from './export.columns.js';
import { companyDetails, contactDetails, dealDetails, delegationDetails, interactionDetails } from './export.rows.js';

export const EXPORT_LISTS = ['companies', 'contacts', 'deals', 'interactions', 'delegation', 'agenda'] as const;
export type ExportList = (typeof EXPORT_LISTS)[number];

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

async function missionOf(em: EntityManager, missionId: string | null): Promise<{ id: string; hostCountry: string }> {
  if (!missionId) throw new ExportRequestError(400, msg('exportMissionRequired'));
  const mission = isUuid(missionId) ? await em.findOne(Mission, missionId, { fields: ['id', 'hostCountry'] }) : null;
  if (!mission) throw new ExportRequestError(404, msg('exportNoSuchMission'));
  return mission;
}

/** A list of the whole agency, exported as its GraphQL query lists it (same filter and order types). */
interface AgencyList<E extends { id: string }, F> {
  list: ExportList;
  entity: EntityClass<E>;
  /** The audit event's entity. */
  entityName: string;
  filterType: string;
  orderType: string;
  defaultOrder: OrderSpec;
  columns: ExportColumn[];
  where(em: EntityManager, filter: F | null, language: Language): FilterQuery<E>;
  details(em: EntityManager, agencyId: string): (ids: string[]) => Promise<Row[]>;
}

function agencyList<E extends { id: string }, F>(spec: AgencyList<E, F>) {
  return async (em: EntityManager, ctx: Context, params: ExportParams): Promise<ExportPlan> => {
    const agencyId = ctx.viewer!.agencyId;
    const filter = await coerce<F>(params.filter, 'filter', spec.filterType);
    const order = (await coerce<OrderSpec>(params.orderBy, 'orderBy', spec.orderType)) ?? spec.defaultOrder;
    const condition = where(() => spec.where(em, filter, ctx.language));
    return {
      list: spec.list,
      columns: spec.columns,
      timeZone: null,
      audit: { entity: spec.entityName, entityId: agencyId, filter, orderBy: order },
      batches: (size) => rowBatches(keyBatches(em, spec.entity, condition, order, size), spec.details(em, agencyId)),
    };
  };
}

const AGENCY_LISTS = {
  companies: agencyList({
    list: 'companies',
    entity: Company,
    entityName: 'Company',
    filterType: 'CompanyFilter',
    orderType: 'CompanyOrder',
    defaultOrder: { field: CompanyOrderField.NAME, direction: OrderDirection.ASC },
    columns: COMPANY_EXPORT,
    where: companyWhere,
    details: companyDetails,
  }),
  contacts: agencyList({
    list: 'contacts',
    entity: Contact,
    entityName: 'Contact',
    filterType: 'ContactFilter',
    orderType: 'ContactOrder',
    defaultOrder: { field: ContactOrderField.FULL_NAME, direction: OrderDirection.ASC },
    columns: CONTACT_EXPORT,
    where: (_em, filter: Parameters<typeof contactWhere>[0], language) => contactWhere(filter, language),
    details: contactDetails,
  }),
  deals: agencyList({
    list: 'deals',
    entity: Deal,
    entityName: 'Deal',
    filterType: 'DealFilter',
    orderType: 'DealOrder',
    defaultOrder: { field: DealOrderField.CREATED_AT, direction: OrderDirection.DESC },
    columns: DEAL_EXPORT,
    where: (_em, filter: Parameters<typeof dealWhere>[0], language) => dealWhere(filter, language),
    details: dealDetails,
  }),
  interactions: agencyList({
    list: 'interactions',
    entity: Interaction,
    entityName: 'Interaction',
    filterType: 'InteractionFilter',
    orderType: 'InteractionOrder',
    defaultOrder: { field: InteractionOrderField.OCCURRED_AT, direction: OrderDirection.DESC },
    columns: INTERACTION_EXPORT,
    where: (_em, filter: Parameters<typeof interactionWhere>[0], language) => interactionWhere(filter, language),
    details: interactionDetails,
  }),
};

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
  switch (list) {
    case 'companies':
    case 'contacts':
    case 'deals':
    case 'interactions':
      return AGENCY_LISTS[list](em, ctx, params);
    case 'delegation': {
      const mission = await missionOf(em, params.missionId);
      const filter = await coerce<Parameters<typeof participantWhere>[0]>(
        params.filter,
        'filter',
        'MissionParticipantFilter',
      );
      const condition: FilterQuery<MissionParticipant> = { mission: mission.id, ...participantWhere(filter) };
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
