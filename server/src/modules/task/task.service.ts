import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../graphql/context.js';
import { msg } from '../../shared/messages/index.js';
import { refuse, UserErrorsException } from '../../shared/mutation.js';
import { type UserError, UserErrorCode, userError } from '../../shared/user-error.js';
import { recordAudit, snapshot } from '../audit/audit.service.js';
import { Company } from '../company/company.entity.js';
import { Deal } from '../deal/deal.entity.js';
import { Mission } from '../mission/mission.entity.js';
import { User } from '../user/user.entity.js';
import { Role } from '../user/user.enums.js';
import { Task } from './task.entity.js';
import type { CompleteTaskInput, CreateTaskInput } from './task.inputs.js';

const AUDITED = ['title', 'notes', 'dueOn', 'done', 'doneAt', 'assignee', 'company', 'mission', 'deal'] as const;

const field = (name: string) => ['input', name];

/** Who may get a task: an active user of the agency whose role can complete it. */
async function assignee(em: EntityManager, id: string, errors: UserError[]): Promise<User | null> {
  const user = await em.findOne(User, id);
  if (!user) {
    errors.push(userError(UserErrorCode.NOT_FOUND, msg('noSuchUser'), field('assigneeId')));
  } else if (!user.active) {
    errors.push(
      userError(UserErrorCode.INVALID, msg('noLongerHasAccess', { name: user.fullName }), field('assigneeId')),
    );
  } else if (user.role === Role.ANALYST) {
    errors.push(
      userError(UserErrorCode.INVALID, msg('assigneeIsAnalyst', { name: user.fullName }), field('assigneeId')),
    );
  }
  return user;
}

export async function createTask(em: EntityManager, ctx: Context, input: CreateTaskInput): Promise<Task> {
  const errors: UserError[] = [];
  const title = input.title.trim();
  if (!title) errors.push(userError(UserErrorCode.REQUIRED, msg('giveTitle'), field('title')));

  const about = (['companyId', 'missionId', 'dealId'] as const).filter((name) => input[name] != null);
  if (about.length === 0) {
    errors.push(userError(UserErrorCode.REQUIRED, msg('taskNeedsSubject'), field('companyId')));
  }
  for (const extra of about.slice(1)) {
    errors.push(userError(UserErrorCode.INVALID, msg('taskHasOneSubject'), field(extra)));
  }
  const [user, company, mission, deal] = await Promise.all([
    assignee(em, input.assigneeId ?? ctx.viewer!.userId, errors),
    input.companyId ? em.findOne(Company, input.companyId) : null,
    input.missionId ? em.findOne(Mission, input.missionId) : null,
    input.dealId ? em.findOne(Deal, input.dealId) : null,
  ]);
  if (input.companyId && !company)
    errors.push(userError(UserErrorCode.NOT_FOUND, msg('noSuchCompany'), field('companyId')));
  if (input.missionId && !mission)
    errors.push(userError(UserErrorCode.NOT_FOUND, msg('noSuchMission'), field('missionId')));
  if (input.dealId && !deal) errors.push(userError(UserErrorCode.NOT_FOUND, msg('noSuchDeal'), field('dealId')));
  if (errors.length > 0) throw new UserErrorsException(errors);

  const task = em.create(Task, {
    agency: ctx.viewer!.agencyId,
    title,
    notes: input.notes ?? null,
    dueOn: input.dueOn,
    assignee: user!,
    company,
    mission,
    deal,
  });
  recordAudit(em, ctx, { action: 'createTask', entity: 'Task', entityId: task.id, after: snapshot(task, AUDITED) });
  return task;
}

/**
 * Marks a task done. Idempotent: completing a task that is already done returns it unchanged
 * (keeping when it was done) and writes nothing, so a retried request is harmless.
 */
export async function completeTask(em: EntityManager, ctx: Context, input: CompleteTaskInput): Promise<Task> {
  const task = await em.findOne(Task, input.taskId);
  if (!task) return refuse(UserErrorCode.NOT_FOUND, msg('noSuchTask'), field('taskId'));
  if (task.done) return task;
  const before = snapshot(task, AUDITED);
  task.done = true;
  task.doneAt = new Date();
  recordAudit(em, ctx, {
    action: 'completeTask',
    entity: 'Task',
    entityId: task.id,
    before,
    after: snapshot(task, AUDITED),
  });
  return task;
}
