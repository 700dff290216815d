import type { Rel } from '@mikro-orm/core';
import { Entity, Index, ManyToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType } from 'type-graphql';
import { AgencyOwned } from '../../shared/agency-owned.entity.js';
import { User } from '../user/user.entity.js';

@ObjectType({ description: 'A personal token for GraphQL clients. The secret is shown once, at creation.' })
@Entity()
@Index({ properties: ['user'] })
export class ApiToken extends AgencyOwned {
  @ManyToOne(() => User, { deleteRule: 'cascade' })
  user!: Rel<User>;

  @Field()
  @Property({ length: 100 })
  name!: string;

  @Field({ description: 'The first characters of the secret, to recognise it.' })
  @Property({ length: 16 })
  prefix!: string;

  @Property({ type: 'character', length: 64, hidden: true })
  @Unique({ name: 'api_token_hash_unique' })
  tokenHash!: string;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  expiresAt?: Date | null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  lastUsedAt?: Date | null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  revokedAt?: Date | null;
}
