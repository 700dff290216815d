import { IsNotEmpty, IsOptional, IsUUID, MaxLength } from 'class-validator';
import { Field, ID, InputType, registerEnumType } from 'type-graphql';
import { DateScalar } from '../../graphql/scalars.js';
import { OrderDirection } from '../../shared/connection.js';

@InputType({ description: 'Tasks matching all the given conditions (lists: any of the values).' })
export class TaskFilter {
  @Field(() => [ID], { nullable: true })
  assigneeIds?: string[] | null;

  @Field(() => DateScalar, { nullable: true, description: 'Due strictly before this date (today: overdue tasks).' })
  dueBefore?: string | null;

  @Field(() => Boolean, { nullable: true })
  done?: boolean | null;

  @Field(() => [ID], { nullable: true })
  dealIds?: string[] | null;

  @Field(() => [ID], { nullable: true })
  companyIds?: string[] | null;

  @Field(() => [ID], { nullable: true })
  missionIds?: string[] | null;
}

export enum TaskOrderField {
  DUE_ON = 'dueOn',
  CREATED_AT = 'createdAt',
}
registerEnumType(TaskOrderField, { name: 'TaskOrderField' });

@InputType()
export class TaskOrder {
  @Field(() => TaskOrderField)
  field!: TaskOrderField;

  @Field(() => OrderDirection, { defaultValue: OrderDirection.ASC })
  direction!: OrderDirection;
}

@InputType({ description: 'A follow-up about exactly one company, mission or deal.' })
export class CreateTaskInput {
  @Field()
  @IsNotEmpty()
  @MaxLength(300)
  title!: string;

  @Field(() => DateScalar)
  dueOn!: string;

  @Field(() => ID, { nullable: true, description: 'An active admin or account manager of the agency. Default: you.' })
  @IsOptional()
  @IsUUID()
  assigneeId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  companyId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  missionId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  dealId?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(20_000)
  notes?: string | null;
}

@InputType()
export class CompleteTaskInput {
  @Field(() => ID)
  @IsUUID()
  taskId!: string;
}
