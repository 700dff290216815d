import 'reflect-metadata';
import { type GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { answerPrecomputed } from '../read-model/precomputed.js';
import { authChecker } from './auth-checker.js';
import { resolvers } from './resolvers.js';
import { DateTimeScalar } from './scalars.js';

let built: Promise<GraphQLSchema> | undefined;

/** The executable schema, built once per process from the decorated classes. */
export function graphqlSchema(): Promise<GraphQLSchema> {
  built ??= buildSchema({
    resolvers,
    authChecker,
    authMode: 'error',
    // Inputs are validated by the services, which answer with userErrors, not exceptions.
    validate: false,
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
    orphanedTypes: [],
    // Subscriptions subscribe to the process's events themselves (modules/events): type-graphql's
    // topics are not used, and its PubSub is asked for nothing.
    pubSub: {
      publish: () => {
        throw new Error('Publish through modules/events, not type-graphql topics');
      },
      subscribe: () => {
        throw new Error('Subscribe through modules/events, not type-graphql topics');
      },
    },
  }).then(answerPrecomputed);
  return built;
}

/** The SDL committed at schema/schema.graphql: sorted, so diffs show real changes only. */
export async function printedSchema(): Promise<string> {
  return `${printSchema(lexicographicSortSchema(await graphqlSchema()))}\n`;
}
