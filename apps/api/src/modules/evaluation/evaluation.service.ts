import { DEFAULT_SCHEME, runGroupsOf, type EvaluationScheme, type ResultRow, type RunSummary } from '@yuanqu/contracts';
import type { Config } from '../../config';
import type { Db } from '../../db/database';
import { notFound } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { appendAudit } from '../audit/audit.repository';
import { auditEvent, type RequestContext } from '../audit/audit.context';
import type { Viewer } from '../auth/viewer';
import { insertResults } from './evaluation.repository';
import { gatherInputs, type GatheredEnterprise } from './gather';
import { policiesFor } from './policies';
import { step, type ProgressSink } from './progress';
import { consecutiveOf } from './recompute';
import { computeRows, keptInputs, resultReader, type ComputedRow, type RunBasis, type StoredRow } from './result-rows';
import { runSummary, schemeRef } from './run-summary';
import { freezeScheme } from './scheme.repository';
import type { ChosenScheme } from './scheme.service';

/** `progress`, when given, hears each stage of a run (gathering, computing, storing) with its count. */
type Deps = { db: Db; config: Config; progress?: ProgressSink };

/** The scheme on a year's data: what was gathered, each enterprise's result as a run keeps it, and the run's basis. */
export async function computeEvaluation(deps: Deps, viewer: Viewer, year: number, scheme: EvaluationScheme = DEFAULT_SCHEME): Promise<{ gathered: GatheredEnterprise[]; basis: RunBasis; rows: ComputedRow[] }> {
  const gathered = await gatherInputs(deps.db, viewer, year, scheme, deps.progress);
  await step(deps.progress, 'computing', 0, gathered.length);
  return { gathered, ...computeRows(scheme, gathered) };
}

/** What a run of the scheme would give, read as a stored run reads. */
export async function previewEvaluation(deps: Deps, viewer: Viewer, year: number, chosen: ChosenScheme) {
  const { scheme } = chosen;
  const { basis, rows } = await computeEvaluation(deps, viewer, year, scheme);
  const consecutive = await consecutiveOf(deps.db, year, scopeOf(viewer), rows);
  const ranked = (key: string) => rows.filter((r) => r.groupKey === key && r.status === 'ranked').length;
  const read = resultReader(scheme, basis);
  return { year, scheme: schemeRef(scheme, chosen.id), groups: runGroupsOf(scheme, ranked), results: rows.map((r) => readRow(scheme, read(r, r.kept), consecutive.get(r.enterpriseId) ?? null)) };
}

const scopeOf = (viewer: Viewer) => (viewer.unitIds === null ? null : JSON.stringify(viewer.unitIds));

/** A stored row as read: with its consecutive years in the class and the class's policies that apply. */
export const readRow = (scheme: EvaluationScheme, row: StoredRow, consecutive: number | null): ResultRow => ({ ...row, consecutive, policies: policiesFor(scheme, row.class, consecutive) });

/**
 * Runs a scheme version on a year and keeps everything: which version, a copy of its scheme, and
 * for every enterprise the inputs it was computed from beside its result, so the run reads the
 * same however the figures or the land change afterwards (a re-run is a new run). The version is
 * frozen in the same transaction.
 */
export async function createRun(deps: Deps, ctx: RequestContext, year: number, chosen: ChosenScheme): Promise<RunSummary> {
  const viewer = ctx.viewer!;
  const { scheme } = chosen;
  const { gathered, basis, rows } = await computeEvaluation(deps, viewer, year, scheme);
  const inputs = new Map(gathered.map((g) => [g.input.enterpriseId, g.input]));
  const id = newId();
  const createdAt = ctx.clock.now().toISOString();
  const scope = scopeOf(viewer);
  const review = { submittedBy: null, submittedAt: null, reviewedBy: null, reviewedAt: null, reviewNote: null, publishedBy: null, publishedAt: null };
  const run = { id, year, schemeId: chosen.id, schemeCode: scheme.code, schemeVersion: scheme.version, scheme: JSON.stringify(scheme), basis: JSON.stringify(basis), scope, state: 'draft', enterprises: rows.length, createdBy: viewer.displayName || viewer.username, createdAt, ...review, version: 1 };
  await deps.db.transaction().execute(async (trx) => {
    if (!(await freezeScheme(trx, chosen.id, createdAt))) throw notFound('evaluation scheme');
    await trx.insertInto('evaluationRun').values(run).execute();
    const consecutive = await consecutiveOf(trx, year, scope, rows);
    await insertResults(trx, id, rows, (enterpriseId) => keptInputs(inputs.get(enterpriseId)!), consecutive, deps.progress);
    await appendAudit(trx, [auditEvent(ctx, 'evaluation.run', { entityType: 'evaluationRun', entityId: id, detail: { year, schemeId: chosen.id, scheme: `${scheme.code}@${scheme.version}`, enterprises: rows.length } })]);
  });
  return runSummary(run);
}

/** Runs, newest first (what each holds is filtered by scope when it is read). */
export async function listRuns(db: Db): Promise<RunSummary[]> {
  return (await db.selectFrom('evaluationRun').selectAll().orderBy('createdAt', 'desc').execute()).map(runSummary);
}
