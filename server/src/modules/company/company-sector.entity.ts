import type { Rel } from '@mikro-orm/core';
import { Entity, Index, ManyToOne } from '@mikro-orm/decorators/legacy';
import { Sector } from '../sector/sector.entity.js';
import { Company } from './company.entity.js';

/** The sectors of a company (pivot of `Company.sectors`), declared to index its sector column. */
@Entity({ tableName: 'company_sector' })
@Index({ properties: ['sector'] })
export class CompanySector {
  @ManyToOne(() => Company, { primary: true, deleteRule: 'cascade' })
  company!: Rel<Company>;

  @ManyToOne(() => Sector, { primary: true, deleteRule: 'cascade' })
  sector!: Rel<Sector>;
}
