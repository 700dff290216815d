/** Writes schema/schema.graphql from the code (`pnpm schema`); `--check` fails when it is stale. */
import 'reflect-metadata';
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { repoRoot } from '../config.js';
import { printedSchema } from './schema.js';

const file = resolve(repoRoot, 'schema/schema.graphql');
const sdl = await printedSchema();
if (process.argv.includes('--check')) {
  let committed = '';
  try {
    committed = readFileSync(file, 'utf8');
  } catch {}
  if (committed !== sdl) {
    console.error('schema/schema.graphql is stale: run `pnpm schema` and commit it.');
    process.exit(1);
  }
  console.log('schema/schema.graphql is up to date.');
} else {
  writeFileSync(file, sdl);
  console.log(`Wrote ${file}`);
}
