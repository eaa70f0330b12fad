import type { Config } from '../config';
import { openDatabase, type DatabaseHandle } from '../db/database';
import { systemClock } from '../lib/clock';
import type { RequestContext } from '../modules/audit/audit.context';
import type { Viewer } from '../modules/auth/viewer';

/** The operator at the command line: full scope, audited as "cli". */
export const CLI_VIEWER: Viewer = {
  userId: 'cli',
  username: 'cli',
  displayName: '命令行',
  role: 'admin',
  departments: [],
  enterpriseId: null,
  unitIds: null,
  unitPaths: null,
  sessionId: 'cli',
  csrfToken: '',
  mustChangePassword: false,
};

export const cliContext: RequestContext = { viewer: CLI_VIEWER, requestId: null, ip: null, clock: systemClock };

/** Opens the database for one command and always closes it. */
export async function withDatabase<T>(config: Config, fn: (h: DatabaseHandle) => Promise<T>): Promise<T> {
  const handle = openDatabase(config.database);
  try {
    return await fn(handle);
  } finally {
    await handle.close();
  }
}
