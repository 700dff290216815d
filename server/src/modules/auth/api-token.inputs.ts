import { IsInt, IsNotEmpty, IsOptional, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';

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

@InputType()
export class RevokeApiTokenInput {
  @Field(() => ID)
  @IsUUID()
  apiTokenId!: string;
}
