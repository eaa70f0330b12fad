import { runGroupsOf, type EvaluationComparison, type EvaluationRunDetail, type EvaluationScheme, type RunGroup, type RunResult } from '@yuanqu/contracts';
import type { Db } from '../../db/database';
import { notFound } from '../../lib/errors';
import { unitInScope, type Viewer } from '../auth/viewer';
import { compareResults } from './compare';
import { readRow } from './evaluation.service';
import { readInputs, resultReader } from './result-rows';
import { runSummary } from './run-summary';
import { findRunRow, rankedCounts, runBasis, runResultRows, type RunRow } from './run.repository';

/** A stored run as its outputs read it: the run, its scheme copy, and the results in the reader's scope. */
export interface StoredRun {
  row: RunRow;
  scheme: EvaluationScheme;
  groups: RunGroup[];
  results: RunResult[];
}

/**
 * A run as computed (and adjusted in review), with the results of the enterprises in the reader's
 * scope, each with its consecutive years and policies, who the enterprise is now (USCC, park or
 * zone) and the note of its T reason from the stored inputs.
 */
export async function readRun(db: Db, viewer: Pick<Viewer, 'unitPaths'>, id: string, enterpriseId?: string): Promise<StoredRun> {
  const row = await findRunRow(db, id);
  if (!row) throw notFound('evaluation run');
  const scheme = JSON.parse(row.scheme) as EvaluationScheme;
  const [stored, ranked] = [await runResultRows(db, id, enterpriseId), (await rankedCounts(db, [id])).get(id)!];
  const read = resultReader(scheme, runBasis(row));
  const results = stored
    .filter((r) => unitInScope(viewer, r.unitPath))
    .map((r) => {
      const result = readRow(scheme, read(r, r.result), r.consecutive);
      // Only a T result has a note to show; the inputs of the others stay unparsed.
      const exemptNote = result.status === 'exempt' ? (readInputs(r.enterpriseId, r.inputs).exempt?.note ?? null) : null;
      return { ...result, uscc: r.uscc, unitId: r.unitId, unitName: r.unitName, exemptNote };
    });
  return { row, scheme, groups: runGroupsOf(scheme, (key) => ranked.get(key) ?? 0), results };
}

/** The scheme's items staff adjust with, with their labels. */
export const schemeItems = (scheme: EvaluationScheme) => ({ adjustmentItems: scheme.adjustmentItems, vetoItems: scheme.vetoItems, exemptReasons: scheme.exemptReasons });

/** The display names of the accounts that adjusted a run or moved it through review, by username (a removed account keeps its username). */
async function reviewPeople(db: Db, row: RunRow): Promise<Record<string, string>> {
  const adjusters = await db.selectFrom('evaluationAdjustment').select('createdBy').distinct().where('runId', '=', row.id).execute();
  const usernames = [...new Set([row.submittedBy, row.reviewedBy, row.publishedBy, ...adjusters.map((a) => a.createdBy)])].filter((u): u is string => u !== null);
  const users = usernames.length === 0 ? [] : await db.selectFrom('user').select(['username', 'displayName']).where('username', 'in', usernames).execute();
  return Object.fromEntries(usernames.map((u) => [u, users.find((x) => x.username === u)?.displayName || u]));
}

/** A run's results (in the viewer's scope), with the labels pages need (groups and indicators), the scheme's items staff adjust with and who reviewed it. */
export async function getRun(db: Db, viewer: Viewer, id: string, enterpriseId?: string): Promise<EvaluationRunDetail> {
  const { row, scheme, groups, results } = await readRun(db, viewer, id, enterpriseId);
  return { ...runSummary(row), groups, items: schemeItems(scheme), results, people: await reviewPeople(db, row) };
}

/** Two runs side by side (typically the previous year's and this one's): who moved up or down a class. */
export async function compareRuns(db: Db, viewer: Viewer, fromId: string, toId: string): Promise<EvaluationComparison> {
  const [from, to] = [await readRun(db, viewer, fromId), await readRun(db, viewer, toId)];
  return { from: runSummary(from.row), to: runSummary(to.row), ...compareResults(from.results, to.results) };
}
