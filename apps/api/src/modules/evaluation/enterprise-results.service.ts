import { runGroupsOf, type EnterpriseResult, type EvaluationScheme } from '@yuanqu/contracts';
import type { Db } from '../../db/database';
import { notFound } from '../../lib/errors';
import { enterpriseInScope, type Viewer } from '../auth/viewer';
import { readRow } from './evaluation.service';
import { schemeItems } from './evaluation-read.service';
import { listObjections } from './objection.service';
import { RESULT_COLUMNS, rankedCounts, runBasis } from './run.repository';
import { resultReader } from './result-rows';
import { schemeRef } from './run-summary';

/**
 * An enterprise's published results, newest year first — one per year, from the latest
 * publication of that year — each with its indicators against the benchmarks, its rank among the
 * ranked members of its group, the policies that apply and its objections. An enterprise user
 * reads only its own; the committee those in its scope.
 */
export async function enterpriseResults(db: Db, viewer: Viewer, enterpriseId: string): Promise<EnterpriseResult[]> {
  const enterprise = await db.selectFrom('enterprise as e').innerJoin('unit as u', 'u.id', 'e.unitId').select(['e.id', 'u.path as unitPath']).where('e.id', '=', enterpriseId).executeTakeFirst();
  if (!enterprise || !enterpriseInScope(viewer, enterprise)) throw notFound('enterprise');
  const rows = await db
    .selectFrom('evaluationResult as r')
    .innerJoin('evaluationRun as run', 'run.id', 'r.runId')
    .select(['run.id', 'run.year', 'run.schemeId', 'run.scheme', 'run.basis', 'run.publishedAt', ...RESULT_COLUMNS, 'r.consecutive'])
    .where('r.enterpriseId', '=', enterpriseId)
    .where('run.state', '=', 'published')
    .orderBy('run.year', 'desc')
    .orderBy('run.publishedAt', 'desc')
    .execute();
  const latest = rows.filter((r, i) => i === 0 || rows[i - 1]!.year !== r.year);
  const objections = await listObjections(db, viewer, { enterpriseId });
  const ranked = await rankedCounts(db, latest.map((r) => r.id));
  return latest.map((r) => {
    const scheme = JSON.parse(r.scheme) as EvaluationScheme;
    const group = runGroupsOf(scheme, (key) => ranked.get(r.id)!.get(key) ?? 0).find((g) => g.key === r.groupKey) ?? null;
    return {
      runId: r.id,
      year: r.year,
      scheme: schemeRef(scheme, r.schemeId),
      publishedAt: r.publishedAt!,
      group,
      rankedInGroup: group?.ranked ?? 0,
      result: readRow(scheme, resultReader(scheme, runBasis(r))(r, r.result), r.consecutive),
      items: schemeItems(scheme),
      objections: objections.filter((o) => o.runId === r.id),
    };
  });
}
