import type { TypePolicies } from '@apollo/client';

/**
 * Cache identity and merging rules, one place for the whole app.
 * Entities with an `id` are normalized by default (`User:<id>`, `Agency:<id>`).
 * Payload and error types carry no identity: they stay embedded in the result that
 * returned them instead of being merged into one another.
 * Connection fields get their pagination policy here as they appear.
 */
export const typePolicies: TypePolicies = {
  LoginPayload: { keyFields: false },
  LogoutPayload: { keyFields: false },
  UserError: { keyFields: false },
};
