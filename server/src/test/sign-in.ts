import type { TestServer } from './test-server.js';

/** The demo users tests sign in as (see db/seed): Mosprom's three roles, and the admin of another agency. */
export const DEMO_USERS = {
  admin: 'admin@mosprom.demo',
  manager: 'manager@mosprom.demo',
  analyst: 'analyst@mosprom.demo',
  asmex: 'admin@asmex.demo',
} as const;

export type DemoUser = keyof typeof DEMO_USERS;

/**
 * Signs demo users in, one after the other, and returns their session cookies by name:
 * `({ admin, manager } = await signIn(server, 'admin', 'manager'))`.
 */
export async function signIn<const U extends DemoUser>(server: TestServer, ...users: U[]): Promise<Record<U, string>> {
  const cookies = {} as Record<U, string>;
  for (const user of users) cookies[user] = await server.login(DEMO_USERS[user]);
  return cookies;
}
