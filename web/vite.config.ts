import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Where `vite` (dev) forwards API calls; CRM_API_URL overrides it when 4000 is taken.
const api = process.env.CRM_API_URL || 'http://127.0.0.1:4000';

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    // GraphiQL's page is one ~770 kB chunk by design (a developer tool, loaded only at
    // /graphiql); the app's own chunks stay far below this.
    chunkSizeWarningLimit: 800,
    // Vite 8 bundles with Rolldown; `rolldownOptions` is the current name of `rollupOptions`.
    rolldownOptions: {
      input: {
        main: 'index.html',
        graphiql: 'graphiql.html',
      },
      onLog(level, log, handler) {
        // graphiql ships react-compiler-runtime, whose "use no memo" directive is meaningless once bundled.
        if (log.code === 'MODULE_LEVEL_DIRECTIVE' && log.id?.includes('react-compiler-runtime')) return;
        handler(level, log);
      },
      output: {
        // The React runtime changes least often and both pages share it: its own long-cached chunk.
        codeSplitting: {
          groups: [{ name: 'react', test: /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/ }],
        },
      },
    },
  },
  server: {
    proxy: {
      '/graphql': { target: api, changeOrigin: false },
      '/healthz': { target: api },
    },
  },
});
