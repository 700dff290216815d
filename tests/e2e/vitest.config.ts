import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// End-to-end: the built server (embedded PGlite, demo data, the built web app) in a temporary
// data directory on a free port, driven by Debian's Chromium through playwright-core.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  test: {
    name: 'e2e',
    environment: 'node',
    include: ['**/*.e2e.test.ts'],
    globalSetup: ['support/global-setup.ts'],
    // One server and one browser at a time: the flows share the demo agency and 2 cores.
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
