import type { Config } from '../config';
import { migrateToLatest } from '../db/database';
import { localDate } from '../lib/clock';
import { runIdleJob } from '../modules/land/idle-case.job';
import { cliContext, withDatabase } from './context';

/** `yuanqu land idle-job [--as-of DATE]`: the daily idle-land job, on a chosen day (default today). */
export async function runLand(config: Config, action: string | undefined, asOf: string | undefined): Promise<number> {
  if (action !== 'idle-job') throw new Error('usage: yuanqu land idle-job [--as-of YYYY-MM-DD]');
  if (asOf !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(asOf)) throw new Error('--as-of must be a date YYYY-MM-DD');
  await migrateToLatest(config.database);
  return withDatabase(config, async ({ db }) => {
    const result = await runIdleJob(db, cliContext, asOf ?? localDate(cliContext.clock.now()));
    console.log(`idle-land job on ${result.asOf}: ${result.opened} case(s) opened, ${result.feeWithdrawn} fee(s) withdrawn for a government-caused delay (${result.ms} ms)`);
    return 0;
  });
}
