import type { Rel } from '@mikro-orm/core';
import { Entity, Index, ManyToOne, Unique } from '@mikro-orm/decorators/legacy';
import { AgencyOwned } from '../../shared/agency-owned.entity.js';
import { Company } from '../company/company.entity.js';
import { Mission } from '../mission/mission.entity.js';
import { User } from '../user/user.entity.js';

/**
 * A meeting suggestion someone dismissed: not suggested again to that exporter for that mission,
 * and a signal against the counterpart for exporters of the same sectors elsewhere.
 */
@Entity()
@Unique({ properties: ['mission', 'exporter', 'counterpart'] })
@Index({ properties: ['agency', 'counterpart'] })
@Index({ properties: ['exporter'] })
@Index({ properties: ['counterpart'] })
@Index({ properties: ['dismissedBy'] })
export class SuggestionDismissal extends AgencyOwned {
  @ManyToOne(() => Mission, { deleteRule: 'cascade' })
  mission!: Rel<Mission>;

  @ManyToOne(() => Company, { deleteRule: 'cascade' })
  exporter!: Rel<Company>;

  @ManyToOne(() => Company, { deleteRule: 'cascade' })
  counterpart!: Rel<Company>;

  @ManyToOne(() => User, { deleteRule: 'restrict' })
  dismissedBy!: Rel<User>;
}
