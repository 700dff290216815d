import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: ['./server/vitest.config.ts', './web/vitest.config.ts', './tests/e2e/vitest.config.ts'],
    // The run ends with vitest's summary line (CI reads it), without tuning hints after it.
    experimental: {
      diagnostics: { isolate: false, environment: false, import: false, transform: false },
    },
  },
});
