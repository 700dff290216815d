import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../config.js';
import { printedSchema } from './schema.js';

describe('schema/schema.graphql', () => {
  it('is what the code generates (run `pnpm schema` after changing the API)', async () => {
    const committed = readFileSync(resolve(repoRoot, 'schema/schema.graphql'), 'utf8');
    expect(await printedSchema()).toBe(committed);
  });
});
