import type { EvaluationInput, EvaluationScheme } from '@yuanqu/contracts';
import type { Db, Trx } from '../../db/database';
import type { EvaluationAdjustmentTable } from '../../db/schema';
import { insertResults } from './evaluation.repository';
import { consecutiveYears } from './policies';
import { computeRows, readInputs, type KeptResult, type StoredRow } from './result-rows';

type Adjustment = Pick<EvaluationAdjustmentTable, 'enterpriseId' | 'kind' | 'code' | 'points' | 'reason'>;

/** The gathered input with the staff's adjustments on top: vetoes, 加分/减分, and a T they marked (which replaces an automatic one). */
export function withAdjustments(input: EvaluationInput, adjustments: readonly Adjustment[]): EvaluationInput {
  const own = adjustments.filter((a) => a.enterpriseId === input.enterpriseId);
  const exempt = own.find((a) => a.kind === 'exempt');
  return {
    ...input,
    vetoes: [...input.vetoes, ...own.filter((a) => a.kind === 'veto').map((a) => ({ code: a.code, note: a.reason }))],
    adjustments: [...input.adjustments, ...own.filter((a) => a.kind === 'bonus' || a.kind === 'penalty').map((a) => ({ code: a.code, points: a.points!, reason: a.reason }))],
    exempt: exempt ? { reason: exempt.code, note: exempt.reason } : input.exempt,
  };
}

/**
 * Last year's standing of each enterprise: its class and consecutive years in the latest
 * published run of `year − 1` with the same scope (methodology §1, D's surcharge by years).
 */
export async function previousStanding(db: Db | Trx, year: number, scope: string | null): Promise<Map<string, { class: string | null; consecutive: number | null }>> {
  let query = db.selectFrom('evaluationRun').select('id').where('year', '=', year - 1).where('state', '=', 'published');
  query = scope === null ? query.where('scope', 'is', null) : query.where('scope', '=', scope);
  const run = await query.orderBy('publishedAt', 'desc').executeTakeFirst();
  if (!run) return new Map();
  const rows = await db.selectFrom('evaluationResult').select(['enterpriseId', 'class', 'consecutive']).where('runId', '=', run.id).execute();
  return new Map(rows.map((r) => [r.enterpriseId, { class: r.class, consecutive: r.consecutive }]));
}

/** Each row's consecutive years in its class, counted on from last year's published standing. */
export async function consecutiveOf(db: Db | Trx, year: number, scope: string | null, rows: readonly Pick<StoredRow, 'enterpriseId' | 'class'>[]): Promise<Map<string, number | null>> {
  const previous = await previousStanding(db, year, scope);
  return new Map(rows.map((r) => [r.enterpriseId, consecutiveYears(r.class, previous.get(r.enterpriseId))]));
}

/**
 * Computes a run again from the inputs it keeps and its adjustments, under its own scheme copy:
 * ranks and classes of the whole group move when one member is vetoed or gets points, so every
 * result row and the run's basis are rewritten (in one transaction with the change that caused it).
 */
export async function recomputeRun(trx: Trx, run: { id: string; year: number; scope: string | null; scheme: string }): Promise<void> {
  const scheme = JSON.parse(run.scheme) as EvaluationScheme;
  const stored = await trx.selectFrom('evaluationResult').select(['enterpriseId', 'inputs', 'result']).where('runId', '=', run.id).execute();
  const adjustments = await trx.selectFrom('evaluationAdjustment').select(['enterpriseId', 'kind', 'code', 'points', 'reason']).where('runId', '=', run.id).execute();
  const gathered = stored.map((s) => {
    const before = JSON.parse(s.result) as Pick<KeptResult, 'name' | 'missing'>;
    return { input: withAdjustments(readInputs(s.enterpriseId, s.inputs), adjustments), name: before.name, missing: before.missing };
  });
  const { basis, rows } = computeRows(scheme, gathered);
  const consecutive = await consecutiveOf(trx, run.year, run.scope, rows);
  const inputs = new Map(stored.map((s) => [s.enterpriseId, s.inputs]));
  await trx.deleteFrom('evaluationResult').where('runId', '=', run.id).execute();
  await trx.updateTable('evaluationRun').set({ basis: JSON.stringify(basis) }).where('id', '=', run.id).execute();
  await insertResults(trx, run.id, rows, (enterpriseId) => inputs.get(enterpriseId)!, consecutive);
}
