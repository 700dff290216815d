import { Field, ObjectType } from 'type-graphql';
import { UserError } from '../../shared/user-error.js';
import { Task } from './task.entity.js';

@ObjectType()
export class CreateTaskPayload {
  @Field(() => Task, { nullable: true })
  task?: Task;

  @Field(() => [UserError])
  userErrors!: UserError[];
}

@ObjectType()
export class CompleteTaskPayload extends CreateTaskPayload {}
