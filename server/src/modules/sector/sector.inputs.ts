import { IsNotEmpty, IsOptional, IsUUID, Matches, MaxLength, ValidateNested } from 'class-validator';
import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { OrderDirection } from '../../shared/connection.js';

@ObjectType('SectorNames')
@InputType('SectorNamesInput')
export class SectorNamesInput {
  @Field()
  @IsNotEmpty()
  @MaxLength(120)
  fr!: string;

  @Field()
  @IsNotEmpty()
  @MaxLength(120)
  en!: string;

  @Field()
  @IsNotEmpty()
  @MaxLength(120)
  ru!: string;
}

@InputType()
export class CreateSectorInput {
  @Field({ description: 'Short stable code, e.g. "medical-equipment".' })
  @Matches(/^[a-z0-9][a-z0-9-]{0,59}$/)
  code!: string;

  @Field(() => SectorNamesInput)
  @ValidateNested()
  names!: SectorNamesInput;
}

@InputType()
export class UpdateSectorInput {
  @Field(() => ID)
  @IsUUID()
  sectorId!: string;

  @Field({ nullable: true })
  @IsOptional()
  @Matches(/^[a-z0-9][a-z0-9-]{0,59}$/)
  code?: string;

  @Field(() => SectorNamesInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  names?: SectorNamesInput;
}

export enum SectorOrderField {
  CODE = 'code',
  CREATED_AT = 'createdAt',
}
registerEnumType(SectorOrderField, { name: 'SectorOrderField' });

@InputType()
export class SectorOrder {
  @Field(() => SectorOrderField)
  field!: SectorOrderField;

  @Field(() => OrderDirection, { defaultValue: OrderDirection.ASC })
  direction!: OrderDirection;
}
