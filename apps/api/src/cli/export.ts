import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';
import type { Config } from '../config';
import { migrateToLatest } from '../db/database';
import { streamWorkbook } from '../modules/enterprise/enterprise-excel';
import { exportEnterprises } from '../modules/enterprise/enterprise.service';
import { CLI_VIEWER, withDatabase } from './context';

/** `yuanqu export enterprises FILE`: every enterprise, archived too, as the list exports them. */
export async function runExport(config: Config, file: string): Promise<number> {
  await migrateToLatest(config.database);
  return withDatabase(config, async ({ db }) => {
    let n = 0;
    const stream = streamWorkbook('企业', true, async (add) => {
      n = await exportEnterprises({ db, config }, CLI_VIEWER, { status: 'all' }, add);
    });
    await pipeline(stream, fs.createWriteStream(file));
    console.log(`exported ${n} enterprises to ${file}`);
    return 0;
  });
}
