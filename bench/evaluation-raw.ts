// The raw limit of a 亩产效益 run: what reading its rows and writing its results cost with no logic.
import { performance } from 'node:perf_hooks';
import { figuresRead, type EvaluationScheme } from '@yuanqu/contracts';
import { sql } from 'kysely';
import type { Db } from '../apps/api/src/db/database';
import { insertRows, snake } from '../apps/api/src/db/dialect';
import type { EvaluationResultTable } from '../apps/api/src/db/schema';

/** A plain read of the rows the gather reads for a scheme benchmarked on its own year: one query each, no chunks, rows as the driver gives them. */
export async function rawRead(db: Db, year: number, scheme: EvaluationScheme): Promise<number> {
  const raw = db.withoutPlugins();
  const figures = sql.join(figuresRead(scheme.groups).map((k) => sql.ref(snake(k))));
  const start = performance.now();
  await sql`select e.id, e.name, e.scale, e.scale_since, e.industry_code, e.established_on, u.path from enterprise e join unit u on u.id = e.unit_id where e.category = 'industrial' and e.status = 'active'`.execute(raw);
  await sql`select enterprise_id, period, ${figures} from stat_report where status = 'approved' and period = ${`${year}-12`}`.execute(raw);
  await sql`select id, tenure, status, registered_area_sqm, holder_enterprise_id from parcel where holder_enterprise_id is not null`.execute(raw);
  await sql`select * from parcel_lease`.execute(raw);
  return performance.now() - start;
}

/** A stored run's result rows as they are in the table (inputs and result already JSON). */
export async function resultRowsOf(db: Db, runId: string): Promise<EvaluationResultTable[]> {
  return db.selectFrom('evaluationResult').selectAll().where('runId', '=', runId).execute();
}

/** The same number of result rows, already serialised, inserted under a scratch run in one transaction, then removed. */
export async function rawInsert(db: Db, rows: readonly EvaluationResultTable[]): Promise<number> {
  const run = await db.selectFrom('evaluationRun').selectAll().limit(1).executeTakeFirst();
  const id = `raw-${performance.now()}`;
  const scratch = rows.map((r) => ({ ...r, runId: id }));
  const start = performance.now();
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('evaluationRun').values({ ...(run ?? placeholderRun), id }).execute();
    await insertRows(trx, 'evaluationResult', scratch);
  });
  const elapsed = performance.now() - start;
  await db.deleteFrom('evaluationResult').where('runId', '=', id).execute();
  await db.deleteFrom('evaluationRun').where('id', '=', id).execute();
  return elapsed;
}

const placeholderRun = { year: 2000, schemeCode: 'raw', schemeVersion: 1, scheme: '{}', scope: null, state: 'draft', enterprises: 0, createdBy: 'bench', createdAt: '2000-01-01T00:00:00Z', version: 1 };
