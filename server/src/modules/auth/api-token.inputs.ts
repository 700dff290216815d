import { IsInt, IsNotEmpty, IsOptional, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { UserError } from '../../shared/user-error.js';
import { ApiToken } from './api-token.entity.js';

@InputType()
export class CreateApiTokenInput {
  @Field({ description: 'What the token is for, e.g. "Jupyter notebook".' })
  @IsNotEmpty()
  @MaxLength(100)
  name!: string;

  @Field(() => Int, { nullable: true, description: 'Days until it expires (1-365); no value: 90 days.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(365)
  expiresInDays?: number | null;
}

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

@InputType()
export class RevokeApiTokenInput {
  @Field(() => ID)
  @IsUUID()
  apiTokenId!: string;
}

@ObjectType()
export class RevokeApiTokenPayload {
  @Field(() => ApiToken, { nullable: true })
  apiToken?: ApiToken;

  @Field(() => [UserError])
  userErrors!: UserError[];
}
