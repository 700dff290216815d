import type { EntityClass, FilterQuery } from '@mikro-orm/core';
import { Agency } from '../modules/agency/agency.entity.js';
import { Company } from '../modules/company/company.entity.js';
import { Contact } from '../modules/contact/contact.entity.js';
import { Deal } from '../modules/deal/deal.entity.js';
import { dealWhere } from '../modules/deal/deal.filter.js';
import type { DealFilter } from '../modules/deal/deal.inputs.js';
import { DealStageChange } from '../modules/deal/deal-stage-change.entity.js';
import { stageTotalsJson } from '../modules/deal/stage-totals.service.js';
import { rateSql, today } from '../modules/exchange-rate/conversion.js';
import { Interaction } from '../modules/interaction/interaction.entity.js';
import { Mission } from '../modules/mission/mission.entity.js';
import { MissionParticipant } from '../modules/mission/mission-participant.entity.js';
import { hostTimeZoneSql } from '../modules/mission/time-zone.js';
import { Pipeline } from '../modules/pipeline/pipeline.entity.js';
import { PipelineStage } from '../modules/pipeline/pipeline-stage.entity.js';
import { Sector } from '../modules/sector/sector.entity.js';
import { Task } from '../modules/task/task.entity.js';
import { User } from '../modules/user/user.entity.js';
import type { Language } from '../shared/messages/index.js';
import { Sql, sql, trusted } from '../shared/sql.js';

/**
 * What the compiled reads know of each GraphQL object type they answer: the entity (its table,
 * its columns, its filters) and, field by field, how PostgreSQL builds the field's value. A field
 * that is not listed is not answered by SQL: a query selecting it takes the resolvers' path, whole.
 * Listing a field promises that SQL answers exactly what its resolver answers (read-model.test.ts
 * compares both on every page it serves) and that the field has no rule of its own beyond the
 * agency (a field with @Authorized roles is refused when the schema is built).
 */
export type FieldRead =
  /** The column of the entity property of the same name. */
  | { kind: 'column' }
  /** A jsonb column holding an object: the selected keys, as they are. */
  | { kind: 'jsonKeys'; keys: readonly string[] }
  /** The to-one relation (ManyToOne) of the same name: the related row of `type`, or null. */
  | { kind: 'toOne'; type: string }
  /**
   * A many-to-many collection of the same name through `pivot` (`pivot.own` = this row,
   * `pivot.other` = the item), by `order` (as bytes), then id.
   */
  | { kind: 'list'; type: string; pivot: { table: string; own: string; other: string }; order: string }
  /**
   * The rows of `type` whose `parent` property points at this row (a one-to-many), by `order` (as
   * bytes when it is text), then id; `where` turns the field's arguments into a condition.
   */
  | { kind: 'children'; type: string; parent: string; order: string; where?: RowCondition }
  /** A mission's agenda day (see compile.ts agendaJson). */
  | { kind: 'agenda' }
  /**
   * A value computed by SQL from the row `row` (and its agency's row): a scalar, or an object of
   * which any of `object.keys` may be selected (the expression builds them all).
   */
  | { kind: 'expression'; sql: (row: string) => Sql; object?: { keys: readonly string[] } }
  /** An amount of money: `{ amount, currency }` from two columns, null when either is. */
  | { kind: 'money'; amount: string; currency: string }
  /** For an archived (merged) record: the live record it became, following merges of merges. */
  | { kind: 'liveRecord'; type: string }
  /**
   * A page of the rows of `type` that belong to this row: those whose `parent` property points at
   * it, or for which `belongs(row alias, this row's alias)` holds; in `order` (then id, the
   * same way). `filters`: arguments taken only when absent or null; `where`: arguments turned
   * into a condition on the rows. `connection`: the connection's type (`<type>Connection` unless
   * given), `aggregates` its fields over all the rows.
   */
  | {
      kind: 'connection';
      type: string;
      parent: { property: string } | { belongs: (row: string, parent: string) => string };
      order: OrderKey;
      filters?: readonly string[];
      where?: RowCondition;
      connection?: string;
      aggregates?: Aggregates;
    };

/** Arguments of a field that narrow its rows: their values made a MikroORM condition on the rows. */
export interface RowCondition {
  arguments: readonly string[];
  where: (args: Record<string, unknown>, language: Language) => FilterQuery<object>;
}

/**
 * Fields of a connection computed over all its rows (every page, not only the one read): `sql` is
 * one JSON object holding every field of `fields`, from `rows` (a statement of those rows, all
 * their columns) and the viewer's agency; each field's shape tells what a selection may pick of it
 * (`keys` of an object, or of each object of a list).
 */
export interface Aggregates {
  sql: (rows: Sql, agencyId: string) => Sql;
  fields: Record<string, { keys?: readonly string[]; list?: boolean }>;
}

/** A page's order: a property, its direction, and where undated (null) rows go (last). */
export interface OrderKey {
  property: string;
  direction: 'asc' | 'desc';
  nullsLast?: boolean;
}

export interface ReadType {
  entity: EntityClass<object>;
  fields: Record<string, FieldRead>;
}

/**
 * A deal's amount in its agency's base currency, as deal.resolver.ts converts it: at the rate of
 * its close day (today while open), rounded to cents; null without an amount or a rate, and then
 * `missing` tells which.
 */
function inBaseCurrency(row: string): { amount: Sql; missing: Sql } {
  const converted = (value: string) => sql`(select ${trusted(value)} from agency as a
    cross join lateral (select ${trusted(rateSql(`${row}.currency`, `coalesce(${row}.closed_on, ?::date)`, 'a.base_currency'))} as rate) as r
    where a.id = ${trusted(row)}.agency_id)`;
  const withToday = (statement: Sql) => new Sql(statement.text, [today(), ...statement.params]);
  return {
    amount: withToday(
      converted(
        `case when ${row}.amount is null or r.rate is null then null else json_build_object('amount', round(${row}.amount * r.rate, 2)::text, 'currency', rtrim(a.base_currency)) end`,
      ),
    ),
    missing: withToday(converted(`${row}.amount is not null and r.rate is null`)),
  };
}

const MONEY = { keys: ['amount', 'currency'] } as const;

/** `value` (SQL over `c`) of the latest confirmation of the deal `row`, or null. */
function latestConfirmation(row: string, value: string): Sql {
  return trusted(`(select ${value} from deal_confirmation c
    where c.agency_id = ${row}.agency_id and c.deal_id = ${row}.id order by c.created_at desc, c.id desc limit 1)`);
}

/** A stage's totals, as stage-totals.service.ts sums them for the resolvers (stageTotalsJson). */
const STAGE_TOTALS: Aggregates = {
  sql: stageTotalsJson,
  fields: {
    totalAmount: MONEY,
    currenciesWithoutRate: {},
    totalsByCurrency: { ...MONEY, list: true },
  },
};

const column = { kind: 'column' } as const;
const columns = (...names: string[]) => Object.fromEntries(names.map((name) => [name, column]));

export const READ_TYPES: Record<string, ReadType> = {
  Company: {
    entity: Company,
    fields: {
      ...columns(
        'id',
        'name',
        'kind',
        'country',
        'city',
        'website',
        'brands',
        'notes',
        'createdAt',
        'updatedAt',
        'mergedAt',
      ),
      accountManager: { kind: 'toOne', type: 'User' },
      sectors: {
        kind: 'list',
        type: 'Sector',
        pivot: { table: 'company_sector', own: 'company_id', other: 'sector_id' },
        order: 'code',
      },
      mergedInto: { kind: 'liveRecord', type: 'Company' },
      contacts: {
        kind: 'connection',
        type: 'Contact',
        parent: { property: 'company' },
        order: { property: 'normalizedName', direction: 'asc' },
      },
      // As modules/interaction/company-timeline.ts: as exporter or as counterpart, newest first.
      interactions: {
        kind: 'connection',
        type: 'Interaction',
        parent: {
          belongs: (row, parent) => `(${row}.exporter_id = ${parent}.id or ${row}.counterpart_id = ${parent}.id)`,
        },
        order: { property: 'occurredAt', direction: 'desc' },
        filters: ['filter'],
      },
      tasks: {
        kind: 'connection',
        type: 'Task',
        parent: { property: 'company' },
        order: { property: 'dueOn', direction: 'asc' },
        filters: ['filter'],
      },
      // As modules/mission/mission.loaders.ts companyMissions: as a participant, latest first, undated last.
      missions: {
        kind: 'connection',
        type: 'Mission',
        parent: {
          belongs: (row, parent) =>
            `exists (select 1 from mission_participant as mp where mp.mission_id = ${row}.id and mp.company_id = ${parent}.id)`,
        },
        order: { property: 'startsOn', direction: 'desc', nullsLast: true },
      },
    },
  },
  Contact: {
    entity: Contact,
    fields: {
      ...columns('id', 'fullName', 'jobTitle', 'email', 'phone', 'languages', 'createdAt', 'updatedAt', 'mergedAt'),
      company: { kind: 'toOne', type: 'Company' },
    },
  },
  Sector: {
    entity: Sector,
    fields: {
      ...columns('id', 'code', 'createdAt', 'updatedAt'),
      names: { kind: 'jsonKeys', keys: ['fr', 'en', 'ru'] },
    },
  },
  Interaction: {
    entity: Interaction,
    fields: {
      contacts: {
        kind: 'list',
        type: 'Contact',
        pivot: { table: 'interaction_contact', own: 'interaction_id', other: 'contact_id' },
        order: 'normalizedName',
      },
      ...columns('id', 'kind', 'subject', 'occurredAt', 'status', 'outcome', 'notes', 'startsAt', 'endsAt', 'place'),
      ...columns('createdAt', 'updatedAt'),
      author: { kind: 'toOne', type: 'User' },
      exporter: { kind: 'toOne', type: 'Company' },
      counterpart: { kind: 'toOne', type: 'Company' },
      mission: { kind: 'toOne', type: 'Mission' },
      deal: { kind: 'toOne', type: 'Deal' },
    },
  },
  Task: {
    entity: Task,
    fields: {
      ...columns('id', 'title', 'notes', 'dueOn', 'done', 'doneAt', 'createdAt', 'updatedAt'),
      assignee: { kind: 'toOne', type: 'User' },
    },
  },
  Mission: {
    entity: Mission,
    fields: {
      ...columns('id', 'name', 'kind', 'status', 'hostCountry', 'city', 'startsOn', 'endsOn', 'createdAt', 'updatedAt'),
      ...columns('datesApproximate', 'description'),
      timeZone: { kind: 'expression', sql: (row) => hostTimeZoneSql(`${row}.host_country`) },
      budget: { kind: 'money', amount: 'budgetAmount', currency: 'budgetCurrency' },
      lead: { kind: 'toOne', type: 'User' },
      organizer: { kind: 'toOne', type: 'Agency' },
      partners: {
        kind: 'list',
        type: 'Company',
        pivot: { table: 'mission_partner', own: 'mission_id', other: 'company_id' },
        order: 'normalizedName',
      },
      participants: {
        kind: 'connection',
        type: 'MissionParticipant',
        parent: { property: 'mission' },
        order: { property: 'createdAt', direction: 'asc' },
        filters: ['filter'],
      },
      agenda: { kind: 'agenda' },
    },
  },
  MissionParticipant: {
    entity: MissionParticipant,
    fields: {
      ...columns('id', 'status', 'notes', 'createdAt', 'updatedAt'),
      company: { kind: 'toOne', type: 'Company' },
      // As mission.loaders.ts participantMeetings: the MEETINGs of its company in its mission, oldest first.
      meetings: {
        kind: 'connection',
        type: 'Interaction',
        parent: {
          belongs: (row, parent) =>
            `(${row}.mission_id = ${parent}.mission_id and ${row}.exporter_id = ${parent}.company_id and ${row}.kind = 'MEETING')`,
        },
        order: { property: 'occurredAt', direction: 'asc' },
      },
    },
  },
  Agency: { entity: Agency, fields: columns('id', 'name', 'shortName') },
  Deal: {
    entity: Deal,
    fields: {
      ...columns('id', 'title', 'version', 'currency', 'expectedCloseOn', 'closedOn', 'createdAt', 'updatedAt'),
      ...columns('lostReason', 'destinationCountry', 'products'),
      amount: { kind: 'money', amount: 'amount', currency: 'currency' },
      amountInBaseCurrency: { kind: 'expression', sql: (row) => inBaseCurrency(row).amount, object: MONEY },
      exchangeRateMissing: { kind: 'expression', sql: (row) => inBaseCurrency(row).missing },
      // As confirmation.resolver.ts: the latest request to the exporter, by createdAt then id.
      confirmationStatus: { kind: 'expression', sql: (row) => latestConfirmation(row, 'c.status') },
      confirmedValue: {
        kind: 'expression',
        sql: (row) =>
          latestConfirmation(
            row,
            `case when c.confirmed_amount is null or c.confirmed_currency is null then null
              else json_build_object('amount', c.confirmed_amount::text, 'currency', rtrim(c.confirmed_currency)) end`,
          ),
        object: MONEY,
      },
      stage: { kind: 'toOne', type: 'PipelineStage' },
      exporter: { kind: 'toOne', type: 'Company' },
      buyer: { kind: 'toOne', type: 'Company' },
      owner: { kind: 'toOne', type: 'User' },
      pipeline: { kind: 'toOne', type: 'Pipeline' },
      sourceMission: { kind: 'toOne', type: 'Mission' },
      sourceInteraction: { kind: 'toOne', type: 'Interaction' },
      sector: { kind: 'toOne', type: 'Sector' },
      stageHistory: {
        kind: 'connection',
        type: 'DealStageChange',
        parent: { property: 'deal' },
        order: { property: 'changedAt', direction: 'asc' },
      },
    },
  },
  DealStageChange: {
    entity: DealStageChange,
    fields: {
      ...columns('id', 'changedAt'),
      changedBy: { kind: 'toOne', type: 'User' },
      fromStage: { kind: 'toOne', type: 'PipelineStage' },
      toStage: { kind: 'toOne', type: 'PipelineStage' },
    },
  },
  Pipeline: {
    entity: Pipeline,
    fields: {
      ...columns('id', 'name', 'isDefault', 'createdAt', 'updatedAt'),
      // As pipeline.resolver.ts stages: by position, then id; the retired ones only when asked.
      stages: {
        kind: 'children',
        type: 'PipelineStage',
        parent: 'pipeline',
        order: 'position',
        where: { arguments: ['includeRetired'], where: (args) => (args.includeRetired ? {} : { retired: false }) },
      },
    },
  },
  PipelineStage: {
    entity: PipelineStage,
    fields: {
      ...columns('id', 'name', 'category', 'position', 'probability', 'retired'),
      pipeline: { kind: 'toOne', type: 'Pipeline' },
      // As stage-deals.resolver.ts: a column of the board, oldest first, its totals over all its deals.
      deals: {
        kind: 'connection',
        type: 'Deal',
        connection: 'PipelineStageDealConnection',
        parent: { property: 'stage' },
        order: { property: 'createdAt', direction: 'asc' },
        where: {
          arguments: ['filter'],
          where: (args, language) => dealWhere(args.filter as DealFilter | null, language) as FilterQuery<object>,
        },
        aggregates: STAGE_TOTALS,
      },
    },
  },
  User: {
    entity: User,
    fields: columns('id', 'fullName', 'email', 'role', 'active', 'deactivatedAt', 'locale', 'createdAt', 'updatedAt'),
  },
};
