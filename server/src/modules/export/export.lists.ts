import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { coerceInputValue, GraphQLError, type GraphQLInputType, isInputType } from 'graphql';
import type { Context } from '../../graphql/context.js';
import { ErrorCode } from '../../graphql/errors.js';
import { isIsoDate } from '../../graphql/scalars.js';
import { graphqlSchema } from '../../graphql/schema.js';
import { OrderDirection, type OrderSpec } from '../../shared/connection.js';
import { isUuid } from '../../shared/ids.js';
import { type Message, msg } from '../../shared/messages/index.js';
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
      const condition = where(() => dealWhere(filter, language));
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
      const condition = where(() => interactionWhere(filter, language));
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
