import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';

/** A sign-in the server refused for now (RATE_LIMITED, HTTP 429): how long to wait, and why. */
export interface SignInRefusal {
  seconds: number;
  /** `busy`: too many sign-ins at once on the server; otherwise too many failures. */
  busy: boolean;
}

function seconds(value: unknown): number {
  const n = Number(value);
  return Number.isFinite(n) && n > 0 ? Math.ceil(n) : 60;
}

/** The refusal in a sign-in's error, or null when the error is something else. */
export function signInRefusal(error: unknown): SignInRefusal | null {
  if (CombinedGraphQLErrors.is(error)) {
    const limited = error.errors.find((e) => e.extensions?.code === 'RATE_LIMITED');
    if (!limited) return null;
    return { seconds: seconds(limited.extensions?.retryAfterSeconds), busy: limited.extensions?.limit === 'busy' };
  }
  if (ServerError.is(error) && error.statusCode === 429) {
    return { seconds: seconds(error.response.headers.get('retry-after')), busy: false };
  }
  return null;
}

/** The wait as the UI says it: seconds under a minute, else whole minutes rounded up. */
export function waitUnit(total: number): { value: number; unit: 'second' | 'minute' } {
  return total < 60 ? { value: total, unit: 'second' } : { value: Math.ceil(total / 60), unit: 'minute' };
}
