import { Field, ObjectType } from 'type-graphql';
import { UserError } from '../../shared/user-error.js';
import { ApiToken } from './api-token.entity.js';

@ObjectType()
export class CreateApiTokenPayload {
  @Field(() => ApiToken, { nullable: true })
  apiToken?: ApiToken;

  @Field(() => String, {
    nullable: true,
    description: 'The secret, shown this once: send it as `Authorization: Bearer <secret>`. Only its hash is kept.',
  })
  secret?: string;

  @Field(() => [UserError])
  userErrors!: UserError[];
}

@ObjectType()
export class RevokeApiTokenPayload {
  @Field(() => ApiToken, { nullable: true })
  apiToken?: ApiToken;

  @Field(() => [UserError])
  userErrors!: UserError[];
}
