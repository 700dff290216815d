import { describe, expect, it } from 'vitest';
import { Role } from '../modules/user/user.enums.js';
import { authChecker as checker } from './auth-checker.js';
import type { Context } from './context.js';

const authChecker = checker as Extract<typeof checker, (...args: never[]) => unknown>;

function check(role: Role | undefined, required: Role[]) {
  const context = { viewer: role ? { role } : undefined } as unknown as Context;
  try {
    return authChecker({ context, root: {}, args: {}, info: {} as never }, required) ? 'allowed' : 'refused';
  } catch (error) {
    return (error as { extensions: { code: string } }).extensions.code;
  }
}

describe('auth checker', () => {
  const matrix: [Role[], Record<string, string>][] = [
    [[], { ADMIN: 'allowed', ACCOUNT_MANAGER: 'allowed', ANALYST: 'allowed', anonymous: 'UNAUTHENTICATED' }],
    [
      [Role.ADMIN],
      { ADMIN: 'allowed', ACCOUNT_MANAGER: 'FORBIDDEN', ANALYST: 'FORBIDDEN', anonymous: 'UNAUTHENTICATED' },
    ],
    [
      [Role.ADMIN, Role.ACCOUNT_MANAGER],
      { ADMIN: 'allowed', ACCOUNT_MANAGER: 'allowed', ANALYST: 'FORBIDDEN', anonymous: 'UNAUTHENTICATED' },
    ],
    [
      [Role.ADMIN, Role.ANALYST],
      { ADMIN: 'allowed', ACCOUNT_MANAGER: 'FORBIDDEN', ANALYST: 'allowed', anonymous: 'UNAUTHENTICATED' },
    ],
  ];
  for (const [required, expected] of matrix) {
    it(`@Authorized(${required.join(', ') || 'any signed-in user'})`, () => {
      const actual = Object.fromEntries(
        [Role.ADMIN, Role.ACCOUNT_MANAGER, Role.ANALYST, undefined].map((role) => [
          role ?? 'anonymous',
          check(role, required),
        ]),
      );
      expect(actual).toEqual(expected);
    });
  }
});
