import { DEFAULT_SCHEME, type EvaluationScheme } from '@yuanqu/contracts';
import type { Config } from '../../config';
import type { Db } from '../../db/database';
import { notFound } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { appendAudit } from '../audit/audit.repository';
import { auditEvent, type RequestContext } from '../audit/audit.context';
import { unitInScope, type Viewer } from '../auth/viewer';
import { evaluate } from './evaluation';
import type { ResultRow, RunSummary } from './evaluation.schemas';
import { explainer } from './explain';
import { insertResults } from './evaluation.repository';
import { gatherInputs, type GatheredEnterprise } from './gather';
import { step, type ProgressSink } from './progress';

/** `progress`, when given, is told of each chunk gathered and stored. */
type Deps = { db: Db; config: Config; progress?: ProgressSink };

const schemeRef = (s: EvaluationScheme) => ({ code: s.code, version: s.version, name: s.name, reference: s.reference });

/** The scheme on a year's data: what was gathered, and each enterprise's result with why. */
export async function computeEvaluation(deps: Deps, viewer: Viewer, year: number, scheme: EvaluationScheme = DEFAULT_SCHEME): Promise<{ gathered: GatheredEnterprise[]; rows: ResultRow[] }> {
  const gathered = await gatherInputs(deps.db, viewer, year, deps.progress);
  await step(deps.progress, 'computing', 0, gathered.length);
  const run = evaluate(scheme, gathered.map((g) => g.input));
  const byId = new Map(gathered.map((g) => [g.input.enterpriseId, g]));
  const explainOf = explainer(scheme, run);
  const rows = run.results.map((r) => {
    const g = byId.get(r.enterpriseId)!;
    const why = explainOf(r.enterpriseId);
    return {
      enterpriseId: r.enterpriseId,
      name: g.name,
      groupKey: r.groupKey,
      status: r.status,
      total: r.total,
      rank: r.rank,
      class: r.class,
      exemptReason: r.exemptReason,
      landMu: g.input.landMu,
      missing: g.missing,
      indicators: r.indicators.map(({ key, weight, value, benchmark, score, handling }) => ({ key, weight, value, benchmark, score, handling })),
      shortfalls: why?.shortfalls.map(({ key, lost }) => ({ key, lost })) ?? [],
      nextClass: why?.nextClass ?? null,
    };
  });
  return { gathered, rows };
}

export async function previewEvaluation(deps: Deps, viewer: Viewer, year: number) {
  return { year, scheme: schemeRef(DEFAULT_SCHEME), results: (await computeEvaluation(deps, viewer, year)).rows };
}

/**
 * Runs the reference scheme on a year and keeps everything: a copy of the scheme, and for every
 * enterprise the inputs it was computed from beside its result, so the run reads the same however
 * the figures or the land change afterwards (a re-run is a new run).
 */
export async function createRun(deps: Deps, ctx: RequestContext, year: number): Promise<RunSummary> {
  const viewer = ctx.viewer!;
  const { gathered, rows } = await computeEvaluation(deps, viewer, year);
  const inputs = new Map(gathered.map((g) => [g.input.enterpriseId, g.input]));
  const id = newId();
  const createdAt = ctx.clock.now().toISOString();
  const run = { id, year, schemeCode: DEFAULT_SCHEME.code, schemeVersion: DEFAULT_SCHEME.version, scheme: JSON.stringify(DEFAULT_SCHEME), scope: viewer.unitIds === null ? null : JSON.stringify(viewer.unitIds), state: 'draft', enterprises: rows.length, createdBy: viewer.displayName || viewer.username, createdAt, version: 1 };
  await deps.db.transaction().execute(async (trx) => {
    await trx.insertInto('evaluationRun').values(run).execute();
    await insertResults(trx, id, rows, inputs, deps.progress);
    await appendAudit(trx, [auditEvent(ctx, 'evaluation.run', { entityType: 'evaluationRun', entityId: id, detail: { year, scheme: `${DEFAULT_SCHEME.code}@${DEFAULT_SCHEME.version}`, enterprises: rows.length } })]);
  });
  return summary(run);
}

function summary(r: { id: string; year: number; scheme: string; state: string; enterprises: number; createdBy: string; createdAt: string }): RunSummary {
  return { id: r.id, year: r.year, scheme: schemeRef(JSON.parse(r.scheme) as EvaluationScheme), state: r.state as RunSummary['state'], enterprises: r.enterprises, createdBy: r.createdBy, createdAt: r.createdAt };
}

/** Runs, newest first (what each holds is filtered by scope when it is read). */
export async function listRuns(db: Db): Promise<RunSummary[]> {
  return (await db.selectFrom('evaluationRun').selectAll().orderBy('createdAt', 'desc').execute()).map(summary);
}

/** A run with the results of the enterprises in the viewer's scope, as they were computed. */
export async function getRun(db: Db, viewer: Viewer, id: string) {
  const run = await db.selectFrom('evaluationRun').selectAll().where('id', '=', id).executeTakeFirst();
  if (!run) throw notFound('evaluation run');
  const rows = await db
    .selectFrom('evaluationResult as r')
    .innerJoin('enterprise as e', 'e.id', 'r.enterpriseId')
    .innerJoin('unit as u', 'u.id', 'e.unitId')
    .select(['r.result', 'u.path'])
    .where('r.runId', '=', id)
    .orderBy('r.enterpriseId')
    .execute();
  return { ...summary(run), results: rows.filter((r) => unitInScope(viewer, r.path)).map((r) => JSON.parse(r.result) as ResultRow) };
}
