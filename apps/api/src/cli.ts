import { parseArgs } from 'node:util';
import { loadConfig, type Config } from './config';
import { migrateDownOne, migrateToLatest } from './db/database';
import { systemClock } from './lib/clock';

// Each command loads its own modules when it runs (the bundle is split per command): an import
// need not load the web server, exceljs and proj4 first, which took about 0.6 s of every start.

const HELP = `yuanqu — 园区 platform

  yuanqu serve [--demo]                 run the server (PORT, DATABASE_URL); --demo loads the demo base on first start
  yuanqu migrate [--down]               migrate to latest (or undo the last migration)
  yuanqu user create --username U --password P --role admin|staff|leader|enterprise
                     [--enterprise USCC] [--name NAME] [--departments economy,service] [--units CODE,CODE]
  yuanqu user reset --username U --password P      set a password the user must change at next login
  yuanqu user disable --username U | user enable --username U
  yuanqu unit create --code CODE --name NAME --kind district|base|park|zone [--parent CODE]
  yuanqu unit list                      the organisation tree
  yuanqu import enterprises FILE        import an xlsx (all rows or none)
  yuanqu import figures FILE [--acknowledge-warnings]
                                        import statistical figures (the template of 统计分析 → 导入); all rows or none
  yuanqu export enterprises FILE        export every enterprise to an xlsx
  yuanqu land idle-job [--as-of DATE]   run the daily idle-land job now (on DATE, default today); opens cases, idempotent
  yuanqu backup FILE                    online backup (SQLite file, or pg_dump custom format)
  yuanqu restore FILE                   restore a backup into DATABASE_URL (server stopped)
  yuanqu generate [--parks 200] [--enterprises 50000] [--years 0] [--industrial] [--land]
                                        synthetic province-scale data (bench), with years of monthly figures;
                                        --industrial: all industrial (亩产效益); --land: parcels and leases
`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      demo: { type: 'boolean' },
      down: { type: 'boolean' },
      username: { type: 'string' },
      password: { type: 'string' },
      role: { type: 'string' },
      enterprise: { type: 'string' },
      name: { type: 'string' },
      departments: { type: 'string' },
      units: { type: 'string' },
      parks: { type: 'string' },
      code: { type: 'string' },
      kind: { type: 'string' },
      parent: { type: 'string' },
      enterprises: { type: 'string' },
      years: { type: 'string' },
      industrial: { type: 'boolean' },
      land: { type: 'boolean' },
      'acknowledge-warnings': { type: 'boolean' },
      'as-of': { type: 'string' },
    },
  });
  const config: Config = loadConfig(process.env, { demo: values.demo });
  switch (command) {
    case 'serve':
      await (await import('./main')).serve(config);
      return -1;
    case 'migrate':
      return migrate(config, values.down ?? false);
    case 'user':
      return (await import('./cli/user')).runUser(config, positionals[0], values);
    case 'unit':
      return (await import('./cli/unit')).runUnit(config, positionals[0], values);
    case 'import':
      if ((positionals[0] !== 'enterprises' && positionals[0] !== 'figures') || !positionals[1]) break;
      return (await import('./cli/import')).runImport(config, positionals[0], positionals[1], values['acknowledge-warnings'] ?? false);
    case 'export':
      if (positionals[0] !== 'enterprises' || !positionals[1]) break;
      return (await import('./cli/export')).runExport(config, positionals[1]);
    case 'land':
      return (await import('./cli/land')).runLand(config, positionals[0], values['as-of']);
    case 'backup':
      if (!positionals[0]) break;
      return (await import('./cli/backup')).runBackup(config, positionals[0]);
    case 'restore':
      if (!positionals[0]) break;
      return (await import('./cli/backup')).runRestore(config, positionals[0]);
    case 'generate':
      return (await import('./cli/generate')).runGenerate(config, { parks: Number(values.parks ?? 200), enterprises: Number(values.enterprises ?? 50_000), years: Number(values.years ?? 0), industrial: values.industrial, land: values.land }, systemClock);
  }
  process.stdout.write(HELP);
  return command === undefined || command === 'help' || command === '--help' ? 0 : 2;
}

async function migrate(config: Config, down: boolean): Promise<number> {
  if (!down) {
    await migrateToLatest(config.database);
    console.log('database is at the latest migration');
    return 0;
  }
  await migrateDownOne(config.database);
  console.log('undid the last migration');
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
