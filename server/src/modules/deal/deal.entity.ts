import { type Opt, type Rel } from '@mikro-orm/core';
import { Check, Entity, Index, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { Field, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '../../graphql/scalars.js';
import { AgencyOwned } from '../../shared/agency-owned.entity.js';
import { Company } from '../company/company.entity.js';
import { Interaction } from '../interaction/interaction.entity.js';
import { Mission } from '../mission/mission.entity.js';
import { Pipeline } from '../pipeline/pipeline.entity.js';
import { PipelineStage } from '../pipeline/pipeline-stage.entity.js';
import { Sector } from '../sector/sector.entity.js';
import { User } from '../user/user.entity.js';

@ObjectType({ description: 'A lead on its way to a signed export contract.' })
@Entity()
@Index({ properties: ['agency', 'createdAt', 'id'] })
@Index({ properties: ['stage', 'createdAt', 'id'] })
@Index({ properties: ['agency', 'closedOn'] })
@Index({ properties: ['sourceMission'] })
@Index({ properties: ['exporter'] })
@Index({ properties: ['buyer'] })
@Check({ name: 'deal_amount_check', expression: 'amount is null or amount >= 0' })
@Check({ name: 'deal_currency_check', expression: "currency ~ '^[A-Z]{3}$'" })
@Check({
  name: 'deal_destination_country_check',
  expression: "destination_country is null or destination_country ~ '^[A-Z]{2}$'",
})
@Check({ name: 'deal_version_check', expression: 'version >= 1' })
export class Deal extends AgencyOwned {
  @Field()
  @Property({ length: 300 })
  title!: string;

  @ManyToOne(() => Pipeline, { deleteRule: 'restrict' })
  pipeline!: Rel<Pipeline>;

  @ManyToOne(() => PipelineStage, { deleteRule: 'restrict' })
  stage!: Rel<PipelineStage>;

  @ManyToOne(() => Company, { deleteRule: 'restrict' })
  exporter!: Rel<Company>;

  @ManyToOne(() => Company, { nullable: true, deleteRule: 'restrict' })
  buyer?: Rel<Company> | null;

  @ManyToOne(() => Mission, { nullable: true, deleteRule: 'set null' })
  sourceMission?: Rel<Mission> | null;

  /** The meeting that produced the lead. */
  @ManyToOne(() => Interaction, { nullable: true, deleteRule: 'set null' })
  sourceInteraction?: Rel<Interaction> | null;

  @ManyToOne(() => User, { deleteRule: 'restrict' })
  owner!: Rel<User>;

  @Property({ type: 'decimal', precision: 18, scale: 2, nullable: true })
  amount?: string | null;

  @Field({ description: 'ISO 4217 code of the currency of the amount.' })
  @Property({ type: 'character', length: 3 })
  currency!: string;

  @Field(() => DateScalar, { nullable: true })
  @Property({ type: 'date', nullable: true })
  expectedCloseOn?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'The day the deal entered a WON or LOST stage.' })
  @Property({ type: 'date', nullable: true })
  closedOn?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  lostReason?: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2 code of the market.' })
  @Property({ type: 'character', length: 2, nullable: true })
  destinationCountry?: string | null;

  @ManyToOne(() => Sector, { nullable: true, deleteRule: 'set null' })
  sector?: Rel<Sector> | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  products?: string | null;

  @Field(() => Int, { description: 'Increases on every change: send it back to moveDeal and updateDeal.' })
  @Property({ type: 'integer', version: true })
  version!: number & Opt;
}
