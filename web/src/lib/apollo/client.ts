import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { ErrorLink } from '@apollo/client/link/error';
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

  return new ApolloClient({
    link: ApolloLink.from([sessionLink, languageLink, transport ?? createHttpTransport()]),
    cache: new InMemoryCache({ typePolicies }),
    // Components see only the fields their own fragment asks for.
    dataMasking: true,
  });
}
