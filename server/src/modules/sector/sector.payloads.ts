import { Field, ObjectType } from 'type-graphql';
import { UserError } from '../../shared/user-error.js';
import { Sector } from './sector.entity.js';

@ObjectType()
export class CreateSectorPayload {
  @Field(() => Sector, { nullable: true })
  sector?: Sector;

  @Field(() => [UserError])
  userErrors!: UserError[];
}

@ObjectType()
export class UpdateSectorPayload extends CreateSectorPayload {}
