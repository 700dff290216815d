import { ApolloLink, type OperationVariables, type TypedDocumentNode, type Unmasked } from '@apollo/client';
import { type FormattedExecutionResult, getOperationAST } from 'graphql';
import { Observable } from 'rxjs';

type Respond = (variables: Record<string, unknown>) => ApolloLink.Result;

type AnswerResult<TData> = FormattedExecutionResult<Unmasked<TData>>;

export interface Answer {
  operationName: string;
  respond: Respond;
}

/**
 * How the fake server answers one operation: `answer(SignInMutation).with((variables) => result)`.
 * The result is type-checked against the document (the document is bound first, so literal
 * types such as __typename are checked rather than widened).
 */
export function answer<TData, TVariables extends OperationVariables>(document: TypedDocumentNode<TData, TVariables>) {
  const operationName = getOperationAST(document)?.name?.value;
  if (!operationName) throw new Error('answer() needs a named operation');
  return {
    with: (respond: (variables: TVariables) => AnswerResult<TData>): Answer => ({
      operationName,
      respond: respond as Respond,
    }),
  };
}

/**
 * A terminating link that answers each operation by name, like a tiny fake server.
 * Unlike MockLink it has no once-only responses, so it suits flows that refetch.
 * `calls` records every operation name in order.
 */
export function scriptedLink(...answers: Answer[]) {
  const calls: string[] = [];
  const byName = new Map(answers.map((a) => [a.operationName, a.respond]));
  const link = new ApolloLink(
    (operation) =>
      new Observable<ApolloLink.Result>((observer) => {
        const name = operation.operationName ?? '';
        calls.push(name);
        const respond = byName.get(name);
        if (!respond) {
          observer.error(new Error(`No scripted answer for ${name}`));
          return;
        }
        // Answer on a later tick, as a network would.
        const timer = setTimeout(() => {
          try {
            observer.next(respond(operation.variables));
            observer.complete();
          } catch (error) {
            observer.error(error);
          }
        });
        return () => clearTimeout(timer);
      }),
  );
  return { link, calls };
}

export const unauthenticated = {
  data: null,
  errors: [{ message: 'Sign in first.', extensions: { code: 'UNAUTHENTICATED' } }],
};
