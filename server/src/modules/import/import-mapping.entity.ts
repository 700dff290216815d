import { Entity, Enum, Property, Unique } from '@mikro-orm/decorators/legacy';
import { AgencyOwned } from '../../shared/agency-owned.entity.js';
import { ImportKind } from './import.enums.js';

/** The column mapping an agency last confirmed for a kind of import, keyed by normalised header. */
@Entity()
@Unique({ name: 'import_mapping_agency_kind_unique', properties: ['agency', 'kind'] })
export class ImportMapping extends AgencyOwned {
  @Enum({ items: () => ImportKind })
  kind!: ImportKind;

  @Property({ type: 'jsonb' })
  columns!: Record<string, string>;
}
