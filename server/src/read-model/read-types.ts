import type { EntityClass } from '@mikro-orm/core';
import { Company } from '../modules/company/company.entity.js';
import { Contact } from '../modules/contact/contact.entity.js';
import { Sector } from '../modules/sector/sector.entity.js';
import { User } from '../modules/user/user.entity.js';
import type { OrderSpec } from '../shared/connection.js';
import { OrderDirection } from '../shared/connection.js';

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
  /** A many-to-many collection of the same name through `pivot` (`pivot.own` = this row, `pivot.other` = the item). */
  | { kind: 'list'; type: string; pivot: { table: string; own: string; other: string }; order: string }
  /** A connection of the rows of `type` whose `parent` property is this row, in `order`. */
  | { kind: 'connection'; type: string; parent: string; order: OrderSpec };

export interface ReadType {
  entity: EntityClass<object>;
  fields: Record<string, FieldRead>;
}

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
      contacts: {
        kind: 'connection',
        type: 'Contact',
        parent: 'company',
        order: { field: 'normalizedName', direction: OrderDirection.ASC },
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
  User: {
    entity: User,
    fields: columns('id', 'fullName', 'email', 'role', 'active', 'deactivatedAt', 'locale', 'createdAt', 'updatedAt'),
  },
};
