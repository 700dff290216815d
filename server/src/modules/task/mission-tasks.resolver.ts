import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { ConnectionType, OrderDirection } from '../../shared/connection.js';
import { nestedPage } from '../../shared/nested-connection.js';
import { Mission } from '../mission/mission.entity.js';
import { Task } from './task.entity.js';
import { TaskFilter } from './task.inputs.js';
import { taskWhere } from './task.service.js';

const TaskConnection = ConnectionType(Task);

@Resolver(() => Mission)
export class MissionTasksResolver {
  @FieldResolver(() => TaskConnection, { description: "The mission's follow-up tasks, by due date." })
  tasks(
    @Root() mission: Mission,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('filter', () => TaskFilter, { nullable: true }) filter: TaskFilter | null,
    @Ctx() ctx: Context,
  ) {
    return nestedPage(ctx, {
      entity: Task,
      parent: 'mission',
      parentId: mission.id,
      order: { field: 'dueOn', direction: OrderDirection.ASC },
      first,
      after,
      where: taskWhere(filter),
    });
  }
}
