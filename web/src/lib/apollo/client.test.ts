import { ApolloLink, gql, HttpLink } from '@apollo/client';
import { of } from 'rxjs';
import { describe, expect, it, vi } from 'vitest';
import { createApolloClient } from './client';

const query = gql`
  query Probe {
    viewer {
      id
    }
  }
`;

describe('createApolloClient', () => {
  it('reports a GraphQL error with code UNAUTHENTICATED', async () => {
    const onUnauthenticated = vi.fn();
    const transport = new ApolloLink(() =>
      of({ data: null, errors: [{ message: 'Sign in first.', extensions: { code: 'UNAUTHENTICATED' } }] }),
    );
    const client = createApolloClient({ transport, onUnauthenticated });

    await expect(client.query({ query })).rejects.toThrow('Sign in first.');
    expect(onUnauthenticated).toHaveBeenCalledTimes(1);
  });

  it('reports an HTTP 401 answered as plain JSON', async () => {
    const onUnauthenticated = vi.fn();
    const fetch = vi.fn(
      async () =>
        new Response(
          JSON.stringify({ errors: [{ message: 'Sign in first.', extensions: { code: 'UNAUTHENTICATED' } }] }),
          {
            status: 401,
            headers: { 'content-type': 'application/json' },
          },
        ),
    );
    const client = createApolloClient({ transport: new HttpLink({ uri: '/graphql', fetch }), onUnauthenticated });

    await expect(client.query({ query })).rejects.toThrow();
    expect(onUnauthenticated).toHaveBeenCalledTimes(1);
  });

  it('leaves other errors to the component that asked', async () => {
    const onUnauthenticated = vi.fn();
    const transport = new ApolloLink(() =>
      of({ data: null, errors: [{ message: 'Nope.', extensions: { code: 'FORBIDDEN' } }] }),
    );
    const client = createApolloClient({ transport, onUnauthenticated });

    await expect(client.query({ query })).rejects.toThrow('Nope.');
    expect(onUnauthenticated).not.toHaveBeenCalled();
  });

  it('sends the CSRF-prevention header and same-origin credentials', async () => {
    const fetch = vi.fn(
      async (_url: RequestInfo | URL, _init?: RequestInit) =>
        new Response(JSON.stringify({ data: { viewer: null } }), { headers: { 'content-type': 'application/json' } }),
    );
    vi.stubGlobal('fetch', fetch);
    try {
      const client = createApolloClient({ onUnauthenticated: () => {} });
      await client.query({ query });
      const init = fetch.mock.calls[0]?.[1];
      expect(fetch.mock.calls[0]?.[0]).toBe('/graphql');
      expect(init?.credentials).toBe('same-origin');
      expect(new Headers(init?.headers).get('apollo-require-preflight')).toBe('true');
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('asks the server for messages in the UI language of the moment', async () => {
    const fetch = vi.fn(
      async (_url: RequestInfo | URL, _init?: RequestInit) =>
        new Response(JSON.stringify({ data: { viewer: null } }), { headers: { 'content-type': 'application/json' } }),
    );
    vi.stubGlobal('fetch', fetch);
    try {
      let language = 'ru';
      const client = createApolloClient({ onUnauthenticated: () => {}, language: () => language });
      await client.query({ query, fetchPolicy: 'network-only' });
      language = 'fr';
      await client.query({ query, fetchPolicy: 'network-only' });
      const sent = fetch.mock.calls.map((call) => new Headers(call[1]?.headers).get('accept-language'));
      expect(sent).toEqual(['ru', 'fr']);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
