import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['**/src/**/*.test.ts', '**/src/**/*.test.tsx', 'workflows/**/*.test.ts'],
    exclude: ['**/node_modules/**', 'data/**', 'build/**'],
    // One Temporal dev server and one store for the whole run, on free ports in a temp dir.
    globalSetup: ['stack/src/testing/global-setup.ts'],
    // Temporal's native core bridge is safest in child processes rather than worker threads.
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
