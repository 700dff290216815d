import type { ApolloServerPlugin } from '@apollo/server';
import { type DocumentNode, type GraphQLSchema, getVariableValues, type OperationDefinitionNode } from 'graphql';
import type { QueryLimits } from '../config.js';
import { DEFAULT_PAGE_SIZE } from '../shared/connection.js';
import type { Context } from './context.js';
import type { CostBudget } from './cost-budget.js';
import { QueryTooComplexError, RateLimitedError } from './errors.js';
import { actualCost, type CostModel, requestedCost } from './query-cost.js';
import { type QueryShape, queryShape } from './query-shape.js';

/** `extensions.cost` of every response. */
export interface CostReport {
  /** Computed before execution from the page sizes asked for. */
  requested: number;
  /** Counted on the response (0 when nothing ran). */
  actual: number;
  /** The most one request may cost. */
  limit: number;
  /** Points left in the API token's per-minute budget; null for web sessions and anonymous calls (no budget). */
  remaining: number | null;
}

function coercedVariables(schema: GraphQLSchema, operation: OperationDefinitionNode, raw: unknown) {
  const result = getVariableValues(schema, operation.variableDefinitions ?? [], (raw ?? {}) as Record<string, unknown>);
  // Variables that do not coerce fail the request before execution: nothing to count.
  return result.coerced;
}

/**
 * Depth, alias, directive and cost limits, checked once the operation is known and before any resolver
 * runs (so before any SQL but the viewer's look-up); then the token's budget. Every response
 * reports its cost in `extensions.cost`.
 */
/**
 * The shape and the requested cost of a document, kept for its next requests: Apollo keeps each
 * parsed and validated document (its document store, an LRU by query text), so the same text
 * comes back as the same DocumentNode; the cost also depends on the variables (page sizes), kept
 * per variables up to COSTS_PER_DOCUMENT, then counted again. A document Apollo forgets is freed.
 */
interface DocumentMemo {
  shape?: ReturnType<typeof queryShape>;
  costs: Map<string, number>;
}
const memos = new WeakMap<OperationDefinitionNode, DocumentMemo>();
const COSTS_PER_DOCUMENT = 64;
const MEMO_KEY_MAX = 2048;

function memoOf(operation: OperationDefinitionNode): DocumentMemo {
  let memo = memos.get(operation);
  if (!memo) {
    memo = { costs: new Map() };
    memos.set(operation, memo);
  }
  return memo;
}

/**
 * Refuses an operation whose shape is over the limits (depth, aliases, directives, introspection):
 * over HTTP (queryLimits below) and over WebSocket (http/live.ts) alike.
 */
export function refuseTooComplex(shape: QueryShape, limits: QueryLimits): void {
  if (shape.depth > limits.maxDepth) {
    throw new QueryTooComplexError(`The query is ${shape.depth} levels deep; the limit is ${limits.maxDepth}.`, {
      limit: 'depth',
      value: shape.depth,
      max: limits.maxDepth,
    });
  }
  if (shape.aliases > limits.maxAliases) {
    throw new QueryTooComplexError(`The query has ${shape.aliases} aliases; the limit is ${limits.maxAliases}.`, {
      limit: 'aliases',
      value: shape.aliases,
      max: limits.maxAliases,
    });
  }
  if (shape.directives > limits.maxDirectives) {
    throw new QueryTooComplexError(
      `The query has ${shape.directives} directives; the limit is ${limits.maxDirectives}.`,
      { limit: 'directives', value: shape.directives, max: limits.maxDirectives },
    );
  }
  if (shape.schemas > 1) {
    throw new QueryTooComplexError(
      `The query asks for __schema ${shape.schemas} times; it may be asked for once per operation.`,
      { limit: 'introspection', value: shape.schemas, max: 1 },
    );
  }
}

export function queryLimits(limits: QueryLimits, budget: CostBudget): ApolloServerPlugin<Context> {
  const model: CostModel = {
    defaultPageSize: DEFAULT_PAGE_SIZE,
    listSize: limits.listSize,
    mutationCost: limits.mutationCost,
  };
  return {
    async requestDidStart() {
      const report: CostReport = { requested: 0, actual: 0, limit: limits.maxCost, remaining: null };
      let variables: Record<string, unknown> | undefined;
      let budgetKey: string | undefined;
      let executed = false;
      return {
        async didResolveOperation({ document, operation, request, schema, contextValue }) {
          if (!operation) return; // Apollo refuses a document without the named operation itself
          const memo = memoOf(operation);
          memo.shape ??= queryShape(document, operation);
          refuseTooComplex(memo.shape, limits);
          variables = coercedVariables(schema, operation, request.variables);
          if (!variables) return;
          const costKey = JSON.stringify(variables);
          let requested = memo.costs.get(costKey);
          if (requested === undefined) {
            requested = requestedCost(schema, document, operation, variables, model);
            if (memo.costs.size >= COSTS_PER_DOCUMENT) memo.costs.clear();
            // Large variables (a mutation's input) are not kept: the memo must stay small.
            if (costKey.length <= MEMO_KEY_MAX) memo.costs.set(costKey, requested);
          }
          report.requested = requested;
          if (report.requested > limits.maxCost) {
            throw new QueryTooComplexError(
              `The query costs ${report.requested} points; the limit is ${limits.maxCost}. ` +
                'Ask for smaller pages (first/last) or fewer nested lists, and page through the rest.',
              { limit: 'cost', value: report.requested, max: limits.maxCost },
            );
          }
          const viewer = contextValue.viewer;
          if (viewer?.via !== 'token') return;
          const key = `user:${viewer.userId}`;
          const taken = await budget.take(key, report.requested);
          report.remaining = taken.remaining;
          if (!taken.ok) {
            throw new RateLimitedError(
              `The API budget of this token's user is spent: this query costs ${report.requested} points, ` +
                `${taken.remaining} are left and ${budget.perMinute} come back per minute. ` +
                `Retry in ${taken.retryAfterSeconds} s.`,
              { retryAfterSeconds: taken.retryAfterSeconds, cost: report.requested, remaining: taken.remaining },
            );
          }
          budgetKey = key;
        },
        async executionDidStart() {
          executed = true;
        },
        async willSendResponse({ response, document, operation, schema, contextValue }) {
          if (response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          // Answered in text (read-model/text-answers.ts): executed too, its texts read back to count.
          const rawJson = contextValue.rawJson;
          if (rawJson?.used) executed = true;
          if (executed && document && operation && variables && result.data) {
            const data = rawJson ? rawJson.parsed(result.data) : result.data;
            report.actual = actualCost(schema, document as DocumentNode, operation, variables, data, model);
          }
          // A response with errors may hide what ran (a failing non-null root field nulls all of
          // `data`): it is charged at least its requested cost, never refunded.
          const charged = executed && result.errors?.length ? Math.max(report.actual, report.requested) : report.actual;
          if (budgetKey) report.remaining = await budget.settle(budgetKey, charged - report.requested);
          result.extensions = { ...result.extensions, cost: { ...report } };
        },
      };
    },
  };
}
