import { type ApolloServerPlugin, type GraphQLRequestContext, type GraphQLResponse, HeaderMap } from '@apollo/server';
import { type DocumentNode, type FieldNode, type FragmentDefinitionNode, getArgumentValues, Kind } from 'graphql';
import { getVariableValues } from 'graphql/execution/values.js';
import type { Context } from '../graphql/context.js';
import type { ConnectionShape } from '../shared/connection.js';
import { compiledReads, type FieldRequest, type Prepared, preparePage, prepareRecord } from './compiled-page.js';
import type { RawJson } from './raw-json.js';
import { ROOT_READS } from './root-reads.js';
import {
  rootSelection,
  type Selection,
  type SelectionContext,
  selectionOf,
  subSelection,
  TYPENAME,
} from './selection.js';

/**
 * A query whose every root field the compiled reads answer is answered without graphql-js
 * walking it: PostgreSQL prints each record and each page's nodes exactly as the response spells
 * them (compile.ts, exact mode), and those texts go into the response as they are (raw-json.ts).
 * Issue 14's profiles: graphql-js completing a page's ~2,000 values, then printing them, and the
 * garbage of both, were a third of the server's CPU per page. Apollo's pipeline runs as for any
 * operation (parsing, validation, limits and budgets, logs); only execution is replaced, and
 * only when every root field can be: otherwise graphql-js executes the operation (and the
 * compiled reads still answer its root fields). Anything uncertain (variables or arguments that
 * do not coerce, a cursor refused, an error of the database) is left to graphql-js too, which
 * answers it with its usual errors.
 */
/** Off in the tests that compare it with graphql-js's walk; `answered` counts the operations it answered. */
export const textAnswering = { enabled: true, answered: 0 };

export function textAnswers(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async responseForOperation(request) {
          try {
            return await answerInText(request);
          } catch {
            return null;
          }
        },
      };
    },
  };
}

type Answer = () => Promise<unknown>;

async function answerInText(request: GraphQLRequestContext<Context>): Promise<GraphQLResponse | null> {
  const ctx = request.contextValue;
  const operation = request.operation;
  const rawJson = ctx.rawJson;
  // Signed in: every root field the text answers know is `@Authorized()` and asks no role.
  if (!rawJson || !textAnswering.enabled || !compiledReads.enabled || !ctx.viewer || operation?.operation !== 'query')
    return null;
  const variables = getVariableValues(
    request.schema,
    operation.variableDefinitions ?? [],
    request.request.variables ?? {},
  );
  if (variables.errors) return null;
  const context: SelectionContext = { fragments: fragmentsOf(request.document), variableValues: variables.coerced };
  const root = rootSelection(operation.selectionSet, 'Query', context);
  if (!root) return null;
  const answers: [string, Answer][] = [];
  for (const [key, nodes] of root) {
    const name = nodes[0].name.value;
    const answer =
      name === TYPENAME
        ? async () => 'Query'
        : await rootAnswer(ctx, rawJson, { schema: request.schema, fieldNodes: nodes, ...context }, name);
    if (!answer) return null;
    answers.push([key, answer]);
  }
  // All at once: their statements go to PostgreSQL as one (statement-batch.ts).
  const values = await Promise.all(answers.map(([, answer]) => answer()));
  const data = Object.fromEntries(answers.map(([name], index) => [name, values[index]]));
  textAnswering.answered++;
  return { http: { headers: new HeaderMap() }, body: { kind: 'single', singleResult: { data } } };
}

function fragmentsOf(document: DocumentNode | undefined): Record<string, FragmentDefinitionNode> {
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const definition of document?.definitions ?? []) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
  }
  return fragments;
}

/** The answer of one root field, its statement compiled; undefined when it cannot be answered in text. */
async function rootAnswer(ctx: Context, rawJson: RawJson, info: FieldRequest, name: string) {
  const read = ROOT_READS[name];
  const field = info.schema.getQueryType()?.getFields()[name];
  if (!read || !field) return undefined;
  const args = getArgumentValues(field, info.fieldNodes[0] as FieldNode, info.variableValues);
  if (read.kind === 'record') {
    const request = read.request(ctx, args);
    if (!request) return async () => null;
    const record = (await prepareRecord(ctx, info, request, true)) as Prepared<string | null> | undefined;
    return record && (async () => textOrNull(rawJson, await record()));
  }
  const request = read.request(ctx, args);
  const page = (await preparePage(ctx, info, request, true)) as Prepared<ConnectionShape<string>> | undefined;
  if (!page) return undefined;
  const connection = selectionOf(info.fieldNodes, `${request.typeName}Connection`, info);
  return connection && (async () => connectionAnswer(rawJson, await page(), connection, request.typeName, info));
}

function textOrNull(rawJson: RawJson, text: string | null): string | null {
  return text === null ? null : rawJson.slot(text);
}

/**
 * A root page as the response spells it, in the selection's order: its nodes are the texts
 * PostgreSQL printed; the cursors, page info and count are JavaScript's (compiled-page.ts).
 */
async function connectionAnswer(
  rawJson: RawJson,
  page: ConnectionShape<string>,
  connection: Selection,
  typeName: string,
  context: SelectionContext,
): Promise<Record<string, unknown>> {
  const answer: Record<string, unknown> = {};
  for (const key of connection.keys()) {
    if (key === TYPENAME) answer[key] = `${typeName}Connection`;
    else if (key === 'totalCount') answer[key] = await page.totalCount();
    else if (key === 'nodes') answer[key] = page.edges.map((edge) => rawJson.slot(edge.node));
    else if (key === 'pageInfo') {
      const info = subSelection(connection, key, 'PageInfo', context) ?? new Map();
      answer[key] = keysOf(info, 'PageInfo', (name) => page.pageInfo[name as keyof typeof page.pageInfo]);
    } else if (key === 'edges') {
      const edge = subSelection(connection, key, `${typeName}Edge`, context) ?? new Map();
      answer[key] = page.edges.map(({ node, cursor }) =>
        keysOf(edge, `${typeName}Edge`, (name) => (name === 'node' ? rawJson.slot(node) : cursor)),
      );
    }
  }
  return answer;
}

function keysOf(selection: Selection, typeName: string, value: (key: string) => unknown): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  for (const key of selection.keys()) object[key] = key === TYPENAME ? typeName : value(key);
  return object;
}
