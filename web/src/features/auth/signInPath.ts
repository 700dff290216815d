export const SIGN_IN_PATH = '/sign-in';

/** The sign-in URL that brings the user back to `next` afterwards. */
export function signInPath(next?: string, options: { expired?: boolean } = {}): string {
  const params = new URLSearchParams();
  const target = safeNextPath(next);
  if (target !== '/') params.set('next', target);
  if (options.expired) params.set('reason', 'expired');
  const query = params.toString();
  return query ? `${SIGN_IN_PATH}?${query}` : SIGN_IN_PATH;
}

/**
 * Where to go after signing in. Only a path on this origin is accepted: `next` comes from
 * the URL, and following `//evil.example` or `https://...` would make this an open redirect.
 */
export function safeNextPath(raw: string | null | undefined): string {
  if (!raw?.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\')) return '/';
  const url = new URL(raw, 'http://local.invalid');
  if (url.origin !== 'http://local.invalid' || url.pathname === SIGN_IN_PATH) return '/';
  return `${url.pathname}${url.search}${url.hash}`;
}
