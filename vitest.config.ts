import { defineConfig } from 'vitest/config';

// Two projects: `unit` (pure code, no database) and `api` (the app against a real database:
// SQLite by default, PostgreSQL when TEST_DATABASE_URL is set).
export default defineConfig({
  test: {
    env: { TZ: 'UTC' },
    projects: [
      {
        test: {
          name: 'unit',
          include: ['packages/*/src/**/*.test.ts', 'apps/api/src/**/*.test.ts'],
          exclude: ['apps/api/src/**/*.routes.test.ts', 'apps/api/src/**/*.db.test.ts', '**/node_modules/**'],
        },
      },
      {
        extends: './apps/web/vite.config.ts',
        test: { name: 'web', root: './apps/web', include: ['src/**/*.test.ts'], environment: 'happy-dom' },
      },
      {
        test: {
          name: 'api',
          include: ['apps/api/src/**/*.routes.test.ts', 'apps/api/src/**/*.db.test.ts'],
          pool: 'forks',
          fileParallelism: false,
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
