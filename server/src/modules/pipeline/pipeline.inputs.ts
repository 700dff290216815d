import {
  ArrayMaxSize,
  IsBoolean,
  IsEnum,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { OrderDirection } from '../../shared/connection.js';
import { StageCategory } from './pipeline.enums.js';

export const MAX_STAGES = 30;

@InputType({ description: 'A stage in the new list of stages of a pipeline; its place in the list is its position.' })
export class PipelineStageInput {
  @Field(() => ID, {
    nullable: true,
    description: 'An existing stage of the pipeline (to rename, reorder or retire it); none for a new stage.',
  })
  @IsOptional()
  @IsUUID('all')
  id?: string | null;

  @Field()
  @IsNotEmpty()
  @MaxLength(120)
  name!: string;

  @Field(() => StageCategory)
  @IsEnum(StageCategory)
  category!: StageCategory;

  @Field(() => Int, { description: 'Default probability of winning, in percent (0 to 100).' })
  @IsInt()
  @Min(0)
  @Max(100)
  probability!: number;

  @Field(() => Boolean, {
    defaultValue: false,
    description: 'A retired stage takes no new deals; the deals in it stay, and its history is kept.',
  })
  @IsBoolean()
  retired!: boolean;
}

@InputType()
export class CreatePipelineInput {
  @Field()
  @IsNotEmpty()
  @MaxLength(120)
  name!: string;

  @Field(() => [PipelineStageInput], {
    nullable: true,
    description: 'The stages in order; the default export pipeline stages when omitted.',
  })
  @IsOptional()
  @ArrayMaxSize(MAX_STAGES)
  @ValidateNested()
  stages?: PipelineStageInput[] | null;

  @Field(() => Boolean, {
    defaultValue: false,
    description: 'Make it the default pipeline, where new deals go unless told otherwise.',
  })
  @IsBoolean()
  isDefault!: boolean;
}

@InputType({
  description:
    'The new list of stages of a pipeline, in order: stages with an id are kept (renamed, reordered, retired), stages without one are added, and stages left out are removed (only a stage no deal is in, or ever went through, can be removed: retire it instead).',
})
export class UpdatePipelineStagesInput {
  @Field(() => ID)
  @IsUUID('all')
  pipelineId!: string;

  @Field(() => [PipelineStageInput])
  @ArrayMaxSize(MAX_STAGES)
  @ValidateNested()
  stages!: PipelineStageInput[];

  @Field(() => String, { nullable: true, description: 'A new name for the pipeline.' })
  @IsOptional()
  @IsNotEmpty()
  @MaxLength(120)
  name?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'true makes it the default pipeline (another pipeline stops being the default).',
  })
  @IsOptional()
  @IsBoolean()
  isDefault?: boolean | null;
}

export enum PipelineOrderField {
  NAME = 'name',
  CREATED_AT = 'createdAt',
}
registerEnumType(PipelineOrderField, { name: 'PipelineOrderField' });

@InputType()
export class PipelineOrder {
  @Field(() => PipelineOrderField)
  field!: PipelineOrderField;

  @Field(() => OrderDirection, { defaultValue: OrderDirection.ASC })
  direction!: OrderDirection;
}
