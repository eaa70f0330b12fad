import type { EvaluationComparison, EvaluationPreview, EvaluationRunDetail, RunProgress, RunSummary } from '@yuanqu/contracts';
import { API_BASE, request } from './client';

/** A scheme version (default: the newest reference one) on a year's figures and land, computed now and not stored: what a run would show, and what is missing. */
export function previewEvaluation(year: number, schemeId?: string): Promise<EvaluationPreview> {
  return request<EvaluationPreview>('/evaluation/preview', { query: { year, schemeId } });
}

/** The runs, newest first. */
export function listRuns(): Promise<RunSummary[]> {
  return request<RunSummary[]>('/evaluation/runs');
}

/** Computes and keeps a run of the year under a scheme version (经济发展 staff and admins); the version is frozen from then on. With a token its progress can be read meanwhile. */
export function createRun(year: number, schemeId?: string, progressToken?: string): Promise<RunSummary> {
  return request<RunSummary>('/evaluation/runs', { method: 'POST', body: { year, schemeId, progressToken } });
}

/** Where the caller's run with this token stands; 404 until the server has started it. */
export function runProgress(token: string): Promise<RunProgress> {
  return request<RunProgress>(`/evaluation/runs/progress/${encodeURIComponent(token)}`);
}

const runPath = (id: string) => `/evaluation/runs/${encodeURIComponent(id)}`;

/** A run's results in the reader's scope, with its groups' indicator labels; with an enterprise, that one's result only. */
export function getRun(id: string, enterpriseId?: string): Promise<EvaluationRunDetail> {
  return request<EvaluationRunDetail>(runPath(id), { query: { enterpriseId } });
}

/** The workbook a committee publishes, as a download link. */
export function runExportUrl(id: string): string {
  return `${API_BASE}${runPath(id)}/export`;
}

/** Two runs side by side: each enterprise's class in both, its movement, and the transition counts. */
export function compareRuns(from: string, to: string): Promise<EvaluationComparison> {
  return request<EvaluationComparison>('/evaluation/compare', { query: { from, to } });
}
