import type { Context } from '../graphql/context.js';

/**
 * The value (usually a DataLoader) kept under `key` for the rest of the request, created on
 * first use: everything asked for in the same tick of one request shares it, nothing outlives it.
 */
export function perRequest<V>(ctx: Context, key: string, create: () => V): V {
  let value = ctx.loaders.get(key) as V | undefined;
  if (!value) {
    value = create();
    ctx.loaders.set(key, value);
  }
  return value;
}
