import type { Migration, MigrationProvider } from 'kysely';
import * as createFoundation from './20261126T1700-create-foundation';

// Migrations are listed here rather than read from disk so the bundled server carries them.
const migrations: Record<string, Migration> = {
  '20261126T1700-create-foundation': createFoundation,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
