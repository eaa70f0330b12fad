// ESLint 9 flat config. The web app (apps/web) is checked by vue-tsc instead.
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';

export default defineConfig([
  globalIgnores([
    '**/node_modules/',
    '**/dist/',
    'apps/web/',
    'data/',
    '.tmp/',
    '**/test-results/',
    '**/playwright-report/',
    '**/coverage/',
    '**/*.d.ts',
  ]),
  {
    files: ['**/*.ts'],
    extends: [tseslint.configs.recommended],
    rules: {
      'no-console': 'warn',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
    },
  },
  {
    // command-line tools and benchmarks talk to the terminal
    files: ['apps/api/src/cli.ts', 'apps/api/src/cli/**', 'bench/**', 'scripts/**', 'e2e/**'],
    rules: { 'no-console': 'off' },
  },
  {
    // Migrations are frozen snapshots typed against Kysely<any>, not against today's schema.
    files: ['apps/api/src/db/migrations/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // The server prints its address and the demo accounts at start.
    files: ['apps/api/src/main.ts'],
    rules: { 'no-console': 'off' },
  },
]);
