import type { EntityClass, FilterQuery } from '@mikro-orm/core';
import type { Context } from '../graphql/context.js';
import { Company } from '../modules/company/company.entity.js';
import { companyWhere } from '../modules/company/company.filter.js';
import { type CompanyFilter, type CompanyOrder, CompanyOrderField } from '../modules/company/company.inputs.js';
import { Contact } from '../modules/contact/contact.entity.js';
import { contactWhere } from '../modules/contact/contact.filter.js';
import { type ContactFilter, type ContactOrder, ContactOrderField } from '../modules/contact/contact.inputs.js';
import { Deal } from '../modules/deal/deal.entity.js';
import { dealWhere } from '../modules/deal/deal.filter.js';
import { type DealFilter, type DealOrder, DealOrderField } from '../modules/deal/deal.inputs.js';
import { WITH_MERGED } from '../modules/merge/merge-records.js';
import { Mission } from '../modules/mission/mission.entity.js';
import { Pipeline } from '../modules/pipeline/pipeline.entity.js';
import { OrderDirection, type OrderSpec, type PageArgs } from '../shared/connection.js';
import { isUuid } from '../shared/ids.js';
import type { PageRequest, RecordRequest } from './compiled-page.js';

/**
 * The root fields the compiled reads answer, each turned from its arguments into what to read:
 * the resolvers (companies, company, …) and the text answers (text-answers.ts) both read through
 * these, so both read the same rows.
 */

type ListArgs<Filter, Order> = PageArgs & { filter?: Filter | null; orderBy?: Order | null };

/** A root list's request from its arguments: the filter made a condition, the order by default. */
function listRequest<T extends object, Filter, Order extends OrderSpec>(
  typeName: string,
  entity: EntityClass<T>,
  where: (ctx: Context, filter: Filter | null | undefined) => FilterQuery<T>,
  byDefault: Order,
) {
  return (ctx: Context, args: ListArgs<Filter, Order>): PageRequest<T> => {
    const { filter, orderBy, ...page } = args;
    return { typeName, entity, where: where(ctx, filter), order: orderBy ?? byDefault, page };
  };
}

export const companiesRequest = listRequest(
  'Company',
  Company,
  (ctx, filter: CompanyFilter | null | undefined) => companyWhere(ctx.em, filter, ctx.language),
  { field: CompanyOrderField.NAME, direction: OrderDirection.ASC } as CompanyOrder,
);

export const contactsRequest = listRequest(
  'Contact',
  Contact,
  (ctx, filter: ContactFilter | null | undefined) => contactWhere(filter, ctx.language),
  { field: ContactOrderField.FULL_NAME, direction: OrderDirection.ASC } as ContactOrder,
);

export const dealsRequest = listRequest(
  'Deal',
  Deal,
  (ctx, filter: DealFilter | null | undefined) => dealWhere(filter, ctx.language),
  { field: DealOrderField.CREATED_AT, direction: OrderDirection.DESC } as DealOrder,
);

/** A company by id, merged (archived) ones included: null when the id cannot be one. */
export function companyRequest(id: string): RecordRequest<Company> | null {
  return isUuid(id) ? { typeName: 'Company', entity: Company, id, filters: WITH_MERGED.filters } : null;
}

/** A mission by id: null when the id cannot be one. */
export function missionRequest(id: string): RecordRequest<Mission> | null {
  return isUuid(id) ? { typeName: 'Mission', entity: Mission, id } : null;
}

/** A pipeline by id, with its board: null when the id cannot be one. */
export function pipelineRequest(id: string): RecordRequest<Pipeline> | null {
  return isUuid(id) ? { typeName: 'Pipeline', entity: Pipeline, id } : null;
}

type Args = Record<string, unknown>;

export type RootRead =
  | { kind: 'page'; request: (ctx: Context, args: Args) => PageRequest<object> }
  | { kind: 'record'; request: (ctx: Context, args: Args) => RecordRequest<object> | null };

/** Every root field of `Query` the text answers may answer, by name. */
export const ROOT_READS: Record<string, RootRead> = {
  companies: { kind: 'page', request: (ctx, args) => companiesRequest(ctx, args) as PageRequest<object> },
  contacts: { kind: 'page', request: (ctx, args) => contactsRequest(ctx, args) as PageRequest<object> },
  deals: { kind: 'page', request: (ctx, args) => dealsRequest(ctx, args) as PageRequest<object> },
  company: { kind: 'record', request: (_ctx, args) => companyRequest(args.id as string) as RecordRequest<object> },
  mission: { kind: 'record', request: (_ctx, args) => missionRequest(args.id as string) as RecordRequest<object> },
  pipeline: { kind: 'record', request: (_ctx, args) => pipelineRequest(args.id as string) as RecordRequest<object> },
};
