import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';
import type { Config } from '../config';
import { migrateToLatest } from '../db/database';
import { AppError } from '../lib/errors';
import { streamWorkbook } from '../modules/enterprise/enterprise-excel';
import { exportEnterprises } from '../modules/enterprise/enterprise.service';
import { importEnterprises } from '../modules/enterprise/enterprise-import.service';
import { CLI_VIEWER, cliContext, withDatabase } from './context';

export async function runImport(config: Config, file: string): Promise<number> {
  await migrateToLatest(config.database);
  return withDatabase(config, async ({ db }) => {
    try {
      const r = await importEnterprises({ db, config }, cliContext, { file: fs.readFileSync(file), idempotencyKey: null });
      console.log(r.duplicate ? `already imported as ${r.importId}; nothing changed` : `imported ${r.importId}: ${r.created} created, ${r.updated} updated, ${r.unchanged} unchanged`);
      return 0;
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      console.error(err.message);
      const problems = (err.details as { problems?: { row: number; column: string; value: string; reason: string }[] } | undefined)?.problems ?? [];
      for (const p of problems) console.error(`  第${p.row}行 ${p.column} “${p.value}”: ${p.reason}`);
      return 1;
    }
  });
}

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
