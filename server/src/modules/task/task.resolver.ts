import { Arg, Args, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { DateScalar } from '../../graphql/scalars.js';
import { ConnectionType, OrderDirection, PageArgs, paginate } from '../../shared/connection.js';
import { loadOptionalRef, loadRef } from '../../shared/load.js';
import { runMutation } from '../../shared/mutation.js';
import { Company } from '../company/company.entity.js';
import { Deal } from '../deal/deal.entity.js';
import { Mission } from '../mission/mission.entity.js';
import { User } from '../user/user.entity.js';
import { Role } from '../user/user.enums.js';
import { Task } from './task.entity.js';
import { taskWhere } from './task.filter.js';
import { CompleteTaskInput, CreateTaskInput, TaskFilter, TaskOrder, TaskOrderField } from './task.inputs.js';
import { CompleteTaskPayload, CreateTaskPayload } from './task.payloads.js';
import { completeTask, createTask } from './task.service.js';

export const TaskConnection = ConnectionType(Task);

@Resolver(() => Task)
export class TaskResolver {
  @Authorized()
  @Query(() => TaskConnection, { description: "The agency's follow-up tasks (default: by due date)." })
  tasks(
    @Args() page: PageArgs,
    @Arg('filter', () => TaskFilter, { nullable: true }) filter: TaskFilter | null,
    @Arg('orderBy', () => TaskOrder, { nullable: true }) orderBy: TaskOrder | null,
    @Ctx() { em }: Context,
  ) {
    return paginate(
      em,
      Task,
      taskWhere(filter),
      orderBy ?? { field: TaskOrderField.DUE_ON, direction: OrderDirection.ASC },
      page,
    );
  }

  @FieldResolver(() => DateScalar, { nullable: true })
  dueOn(@Root() task: Task): string | null {
    return task.dueOn ?? null;
  }

  @FieldResolver(() => User)
  assignee(@Root() task: Task): Promise<User> {
    return loadRef(task.assignee);
  }

  @FieldResolver(() => Company, { nullable: true, description: 'The company the task is about, if it is.' })
  company(@Root() task: Task): Promise<Company | null> {
    return loadOptionalRef(task.company);
  }

  @FieldResolver(() => Mission, { nullable: true, description: 'The mission the task is about, if it is.' })
  mission(@Root() task: Task): Promise<Mission | null> {
    return loadOptionalRef(task.mission);
  }

  @FieldResolver(() => Deal, { nullable: true, description: 'The deal the task is about, if it is.' })
  deal(@Root() task: Task): Promise<Deal | null> {
    return loadOptionalRef(task.deal);
  }

  @Authorized(Role.ADMIN, Role.ACCOUNT_MANAGER)
  @Mutation(() => CreateTaskPayload)
  createTask(@Arg('input') input: CreateTaskInput, @Ctx() ctx: Context) {
    return runMutation(ctx, input, async (em) => ({ task: await createTask(em, ctx, input) }));
  }

  @Authorized(Role.ADMIN, Role.ACCOUNT_MANAGER)
  @Mutation(() => CompleteTaskPayload, {
    description: 'Marks a task done. Completing a task that is already done changes nothing.',
  })
  completeTask(@Arg('input') input: CompleteTaskInput, @Ctx() ctx: Context) {
    return runMutation(ctx, input, async (em) => ({ task: await completeTask(em, ctx, input) }));
  }
}
