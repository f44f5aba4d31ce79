import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    exclude: ['**/node_modules/**', 'data/**', 'build/**', 'builder-ui/dist/**'],
    // Temporal's native core bridge is safest in child processes rather than worker threads.
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 180_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          include: [
            '**/src/**/*.test.ts',
            'workflows/**/*.test.ts',
            'builder-ui/scripts/**/*.test.ts',
          ],
          // One Temporal dev server and one store for the whole run, on free ports in a temp dir.
          globalSetup: ['stack/src/testing/global-setup.ts'],
        },
      },
      {
        // The builder's components, in a DOM (end-to-end tests are *.test.ts: real Chromium).
        extends: true,
        test: {
          name: 'ui',
          include: ['builder-ui/src/**/*.test.tsx'],
          environment: 'jsdom',
        },
      },
    ],
  },
});
