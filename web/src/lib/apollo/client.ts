import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { ErrorLink } from '@apollo/client/link/error';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { getMainDefinition } from '@apollo/client/utilities';
import { createClient } from 'graphql-ws';
import { typePolicies } from './typePolicies';
import { isUnauthenticated } from './unauthenticated';

export interface CreateApolloClientOptions {
  /** Called once per failed operation whose session is missing or expired. */
  onUnauthenticated: () => void;
  /** The UI language at the time of each request: the server writes its userErrors in it. */
  language?: () => string;
  /** The terminating link; tests pass a MockLink. Defaults to HTTP on the same origin. */
  transport?: ApolloLink;
}

export function createHttpTransport(): ApolloLink {
  return new HttpLink({
    uri: '/graphql',
    credentials: 'same-origin',
    // Apollo Server's CSRF prevention lets a request through when it cannot be a "simple"
    // cross-site request; this header guarantees that for every method and content type.
    headers: { 'apollo-require-preflight': 'true' },
  });
}

/**
 * Queries and mutations over HTTP, subscriptions (the live board, the agenda) over a WebSocket on
 * the same origin and path, signed in by the session cookie the browser sends with it. The socket
 * opens with the first subscription and reconnects by itself; after a reconnection `onReconnected`
 * runs (the client refetches what is on screen: events sent meanwhile are not replayed).
 */
export function createLiveTransport(onReconnected: () => void, connect = createClient): ApolloLink {
  const protocol = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
  const socket = connect({
    url: `${protocol}//${window.location.host}/graphql`,
    retryAttempts: Number.POSITIVE_INFINITY,
    shouldRetry: () => true,
    on: {
      connected: (_socket, _payload, wasRetry) => {
        if (wasRetry) onReconnected();
      },
    },
  });
  return ApolloLink.split(
    ({ query }) => {
      const definition = getMainDefinition(query);
      return definition.kind === 'OperationDefinition' && definition.operation === 'subscription';
    },
    new GraphQLWsLink(socket),
    createHttpTransport(),
  );
}

/** The app's one Apollo Client: the single place that reacts to a lost session. */
export function createApolloClient({
  onUnauthenticated,
  transport,
  language,
}: CreateApolloClientOptions): ApolloClient {
  const sessionLink = new ErrorLink(({ error }) => {
    if (isUnauthenticated(error)) onUnauthenticated();
  });
  const languageLink = new ApolloLink((operation, forward) => {
    const current = language?.();
    if (current) {
      operation.setContext(({ headers = {} }: { headers?: Record<string, string> }) => ({
        headers: { ...headers, 'accept-language': current },
      }));
    }
    return forward(operation);
  });

  // After the live socket reconnects, what is on screen is fetched again (see createLiveTransport).
  const refetchShown = () => void client.refetchQueries({ include: 'active' });
  const client: ApolloClient = new ApolloClient({
    link: ApolloLink.from([sessionLink, languageLink, transport ?? createLiveTransport(refetchShown)]),
    cache: new InMemoryCache({ typePolicies }),
    // Components see only the fields their own fragment asks for.
    dataMasking: true,
  });
  return client;
}
