import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { csp, serviceWorker } from './tools/vite-offline';
import { inlineHelpers } from './tools/vite-inline';

export default defineConfig({
  plugins: [react(), csp(), serviceWorker()],
  // the simulator's one-expression helpers written out where they are called (tools/vite-inline.ts)
  worker: { format: 'es', plugins: () => [inlineHelpers()] },
  build: { target: 'es2022', chunkSizeWarningLimit: 800 },
  test: {
    include: ['sim/**/*.test.ts', 'tools/**/*.test.ts', 'web/**/*.test.ts', 'web/**/*.test.tsx'],
    exclude: ['e2e/**', 'node_modules/**'],
    // the initcalls (protocols, notifiers, link kinds) for tests that build a World from sim/net/world; every
    // snapshot checks the rows it keeps against the same rows read again (sim/testing/snapshot_verify.ts)
    setupFiles: ['sim/init.ts', 'sim/testing/snapshot_verify.ts'],
  },
});
