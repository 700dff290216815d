import type { FilterQuery } from '@mikro-orm/core';
import { conditions, idList } from '../../shared/filters.js';
import type { Task } from './task.entity.js';
import type { TaskFilter } from './task.inputs.js';

/** The MikroORM condition for a TaskFilter (agency scoping comes from the EntityManager). */
export function taskWhere(filter: TaskFilter | null | undefined): FilterQuery<Task> {
  if (!filter) return {};
  const and = conditions({
    assignee: idList(filter.assigneeIds),
    deal: idList(filter.dealIds),
    company: idList(filter.companyIds),
    mission: idList(filter.missionIds),
  });
  if (filter.dueBefore) and.push({ dueOn: { $lt: filter.dueBefore } });
  if (filter.done != null) and.push({ done: filter.done });
  return (and.length > 0 ? { $and: and } : {}) as FilterQuery<Task>;
}
