import type { AuthChecker } from 'type-graphql';
import type { Role } from '../modules/user/user.enums.js';
import type { Context } from './context.js';
import { ForbiddenError, UnauthenticatedError } from './errors.js';

/**
 * `@Authorized()` needs a signed-in viewer; `@Authorized(Role.ADMIN, ...)` needs one of the
 * roles. The role is read from the database on every request, so a change applies at once.
 */
export const authChecker: AuthChecker<Context, Role> = ({ context }, roles) => {
  if (!context.viewer) throw new UnauthenticatedError();
  if (roles.length > 0 && !roles.includes(context.viewer.role)) throw new ForbiddenError();
  return true;
};
