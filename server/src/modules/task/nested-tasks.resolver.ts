import { Arg, Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { ConnectionType, OrderDirection } from '../../shared/connection.js';
import { NestedPageArgs, nestedPage } from '../../shared/nested-connection.js';
import { Company } from '../company/company.entity.js';
import { Mission } from '../mission/mission.entity.js';
import { Task } from './task.entity.js';
import { taskWhere } from './task.filter.js';
import { TaskFilter } from './task.inputs.js';

const TaskConnection = ConnectionType(Task);

/** The tasks about one parent (a mission, a company), by due date: one batched page per request. */
function tasksAbout(
  ctx: Context,
  parent: 'mission' | 'company',
  parentId: string,
  page: NestedPageArgs,
  filter: TaskFilter | null,
) {
  return nestedPage(ctx, {
    entity: Task,
    parent,
    parentId,
    order: { field: 'dueOn', direction: OrderDirection.ASC },
    ...page,
    where: taskWhere(filter),
  });
}

@Resolver(() => Mission)
export class MissionTasksResolver {
  @FieldResolver(() => TaskConnection, { description: "The mission's follow-up tasks, by due date." })
  tasks(
    @Root() mission: Mission,
    @Args() page: NestedPageArgs,
    @Arg('filter', () => TaskFilter, { nullable: true }) filter: TaskFilter | null,
    @Ctx() ctx: Context,
  ) {
    return tasksAbout(ctx, 'mission', mission.id, page, filter);
  }
}

@Resolver(() => Company)
export class CompanyTasksResolver {
  @FieldResolver(() => TaskConnection, {
    description: 'The follow-up tasks about the company itself (not those of its deals or missions), by due date.',
  })
  tasks(
    @Root() company: Company,
    @Args() page: NestedPageArgs,
    @Arg('filter', () => TaskFilter, { nullable: true }) filter: TaskFilter | null,
    @Ctx() ctx: Context,
  ) {
    return tasksAbout(ctx, 'company', company.id, page, filter);
  }
}
