import type { Rel } from '@mikro-orm/core';
import { Entity, Index, ManyToOne } from '@mikro-orm/decorators/legacy';
import { Sector } from '../sector/sector.entity.js';
import { Mission } from './mission.entity.js';

/** The target sectors of a mission (pivot of `Mission.targetSectors`), declared to index its sector column. */
@Entity({ tableName: 'mission_target_sector' })
@Index({ properties: ['sector'] })
export class MissionTargetSector {
  @ManyToOne(() => Mission, { primary: true, deleteRule: 'cascade' })
  mission!: Rel<Mission>;

  @ManyToOne(() => Sector, { primary: true, deleteRule: 'cascade' })
  sector!: Rel<Sector>;
}
