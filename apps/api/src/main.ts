import { buildApp } from './app';
import type { Config } from './config';
import { migrateToLatest, openDatabase } from './db/database';
import { DEMO_ACCOUNTS } from './demo/demo-data';
import { loadDemo } from './demo/seed';
import { DAY, HOUR, localDate, systemClock } from './lib/clock';
import { systemContext } from './modules/audit/audit.context';
import { purgeAudit } from './modules/audit/audit.repository';
import { runIdleJob } from './modules/land/idle-case.job';

/** Migrates, loads the demo base if asked and the database is empty, and listens until a signal. */
export async function serve(config: Config): Promise<void> {
  await migrateToLatest(config.database);
  const database = openDatabase(config.database);
  const deps = { config, db: database.db, clock: systemClock };
  if (config.demo) {
    if (await loadDemo(deps)) console.log('\n演示数据已载入 / demo base loaded.');
    console.log('\n演示账号 / demo accounts (demo mode only; initial passwords):');
    for (const a of DEMO_ACCOUNTS) console.log(`  ${a.role.padEnd(10)} ${a.username.padEnd(10)} ${a.password}   ${a.displayName}`);
    console.log('');
  }
  const app = await buildApp(deps);
  const purge = () => purgeAudit(database.db, new Date(systemClock.now().getTime() - config.auditRetentionDays * DAY).toISOString()).catch((err: unknown) => app.log.error({ err }, 'audit purge failed'));
  // The daily jobs run at start and every six hours; each is idempotent within a day.
  const idleJob = () => runIdleJob(database.db, systemContext(systemClock), localDate(systemClock.now())).catch((err: unknown) => app.log.error({ err }, 'idle-land job failed'));
  const daily = async () => {
    await purge();
    await idleJob();
  };
  await daily();
  const timer = setInterval(() => void daily(), 6 * HOUR);
  timer.unref();
  const stop = async () => {
    clearInterval(timer);
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  await app.listen({ port: config.port, host: config.host });
  console.log(`园区 Yuanqu: http://localhost:${config.port}/  (API docs /api/docs)`);
}
