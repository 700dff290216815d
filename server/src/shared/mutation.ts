import {
  CheckConstraintViolationException,
  ForeignKeyConstraintViolationException,
  NotNullConstraintViolationException,
  UniqueConstraintViolationException,
} from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { AgencyScopeError } from '../db/agency-scope.js';
import type { Context } from '../graphql/context.js';
import { type Message, msg, render } from './messages/index.js';
import { type UserError, UserErrorCode, userError } from './user-error.js';
import { validateInput } from './validation.js';

/** Thrown by services to refuse a mutation: its transaction rolls back, the errors reach the client. */
export class UserErrorsException extends Error {
  constructor(readonly errors: UserError[]) {
    super(errors.map((error) => render(error.text)).join('; '));
  }
}

export function refuse(code: UserErrorCode, text: Message, field?: string[], existingId?: string): never {
  throw new UserErrorsException([userError(code, text, field, existingId)]);
}

export type Payload<T> = T & { userErrors: UserError[] };

/**
 * The one way a mutation runs: validate the input's declared rules, then run the work in one
 * transaction on the viewer's agency-scoped EntityManager. Refusals (UserErrorsException) and
 * constraint violations roll everything back and come back as userErrors; nothing is written.
 */
export async function runMutation<T extends object>(
  ctx: Context,
  input: object | undefined,
  work: (em: EntityManager) => Promise<T>,
): Promise<Payload<Partial<T>>> {
  if (input) {
    const errors = await validateInput(input);
    if (errors.length > 0) return { userErrors: errors } as Payload<Partial<T>>;
  }
  try {
    let inner: EntityManager | undefined;
    const result = await ctx.em.transactional((em) => {
      inner = em as EntityManager;
      return work(inner);
    });
    runAfterCommit(inner);
    return { ...result, userErrors: [] };
  } catch (error) {
    ctx.em.clear();
    const errors = asUserErrors(error);
    if (errors) return { userErrors: errors } as Payload<Partial<T>>;
    throw error;
  }
}

const afterCommit = new WeakMap<EntityManager, (() => void)[]>();

/**
 * Runs `task` once the transaction of `em` (a mutation's, see runMutation) has committed, and
 * never if it rolls back: what must not happen for a change that did not (wake the mail
 * dispatcher for a mail written in it).
 */
export function onCommit(em: EntityManager, task: () => void): void {
  const tasks = afterCommit.get(em) ?? [];
  tasks.push(task);
  afterCommit.set(em, tasks);
}

function runAfterCommit(em: EntityManager | undefined): void {
  if (!em) return;
  for (const task of afterCommit.get(em) ?? []) task();
  afterCommit.delete(em);
}

function asUserErrors(error: unknown): UserError[] | undefined {
  if (error instanceof UserErrorsException) return error.errors;
  if (error instanceof AgencyScopeError) return [userError(UserErrorCode.NOT_FOUND, msg('referenceMissing'))];
  if (error instanceof UniqueConstraintViolationException) {
    return [userError(UserErrorCode.DUPLICATE, msg('duplicateValues'))];
  }
  if (error instanceof ForeignKeyConstraintViolationException) {
    return [userError(UserErrorCode.NOT_FOUND, msg('referenceMissing'))];
  }
  if (error instanceof CheckConstraintViolationException || error instanceof NotNullConstraintViolationException) {
    return [userError(UserErrorCode.INVALID, msg('dataModelRule'))];
  }
  return undefined;
}
