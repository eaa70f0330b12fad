import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';
import type { Config } from '../config';
import { migrateToLatest } from '../db/database';
import { likeOperator } from '../db/dialect';
import { AppError } from '../lib/errors';
import { exportRow, streamWorkbook } from '../modules/enterprise/enterprise-excel';
import { importEnterprises } from '../modules/enterprise/enterprise-import.service';
import { eachEnterprise } from '../modules/enterprise/enterprise.repository';
import { presentEnterprise } from '../modules/enterprise/enterprise.presenter';
import { unitMap } from '../modules/unit/unit.repository';
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
    const units = await unitMap(db);
    let n = 0;
    const stream = streamWorkbook('企业', true, async (add) => {
      for await (const page of eachEnterprise(db, CLI_VIEWER, { status: 'all' }, likeOperator(config.database))) {
        for (const r of page) add(exportRow(presentEnterprise(r, CLI_VIEWER, units), units));
        n += page.length;
      }
    });
    await pipeline(stream, fs.createWriteStream(file));
    console.log(`exported ${n} enterprises to ${file}`);
    return 0;
  });
}
