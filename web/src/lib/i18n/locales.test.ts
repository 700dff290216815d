import { describe, expect, it } from 'vitest';
import { resources } from './resources';

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, inner]) => keys(inner, prefix ? `${prefix}.${key}` : key));
}

// French is the reference; a key missing in English or Russian would show the French text there.
describe('translations', () => {
  for (const namespace of Object.keys(resources.fr) as (keyof typeof resources.fr)[]) {
    it(`${namespace}: English and Russian have exactly the French keys`, () => {
      const reference = keys(resources.fr[namespace]).sort();
      expect(keys(resources.en[namespace]).sort()).toEqual(reference);
      expect(keys(resources.ru[namespace]).sort()).toEqual(reference);
    });
  }
});
