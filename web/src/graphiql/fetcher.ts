import type { GraphiQLProps } from 'graphiql';
import { GraphQLError } from 'graphql';

type Fetcher = GraphiQLProps['fetcher'];
type FetcherResult = Awaited<ReturnType<Fetcher>>;

/**
 * POSTs to this origin's /graphql with the session cookie, plus a bearer token when one
 * was pasted. Headers typed in GraphiQL's own editor are sent too and win on conflict.
 */
export function createFetcher(getToken: () => string, endpoint = '/graphql'): Fetcher {
  return async (params, options) => {
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
      'apollo-require-preflight': 'true',
    };
    const token = getToken().trim();
    if (token) headers.authorization = `Bearer ${token}`;
    for (const [name, value] of Object.entries(options?.headers ?? {})) headers[name.toLowerCase()] = String(value);

    const response = await fetch(endpoint, {
      method: 'POST',
      credentials: 'include',
      headers,
      body: JSON.stringify(params),
    });
    const text = await response.text();
    try {
      return JSON.parse(text) as FetcherResult;
    } catch {
      // A proxy error page or an empty body: show it instead of a JSON parse failure.
      return { errors: [new GraphQLError(`HTTP ${response.status} ${response.statusText}: ${text.slice(0, 500)}`)] };
    }
  };
}
