import type { AdjustmentInput, AdjustmentRow, EnterpriseResult, ObjectionOutcome, ObjectionRow, PolicyLever, PolicyListRow, RunSummary, RunTransition } from '@yuanqu/contracts';
import { API_BASE, queryString, request } from './client';

const run = (id: string) => `/evaluation/runs/${encodeURIComponent(id)}`;

export function listAdjustments(runId: string): Promise<AdjustmentRow[]> {
  return request<AdjustmentRow[]>(`${run(runId)}/adjustments`);
}

/** Adds a 加分/减分, veto or T to a draft run; the run is computed again. */
export function addAdjustment(runId: string, body: AdjustmentInput): Promise<{ adjustment: AdjustmentRow; run: RunSummary }> {
  return request(`${run(runId)}/adjustments`, { method: 'POST', body });
}

export function removeAdjustment(runId: string, adjustmentId: string): Promise<RunSummary> {
  return request<RunSummary>(`${run(runId)}/adjustments/${encodeURIComponent(adjustmentId)}`, { method: 'DELETE' });
}

/** Submit, approve, return or publish; a stale version answers 409 with the run as it stands. */
export function transitionRun(runId: string, body: RunTransition): Promise<RunSummary> {
  return request<RunSummary>(`${run(runId)}/transitions`, { method: 'POST', body });
}

export function policyList(runId: string, lever: PolicyLever): Promise<PolicyListRow[]> {
  return request<PolicyListRow[]>(`${run(runId)}/policies`, { query: { lever } });
}

/** The download address of a lever's list (a plain link: the browser streams the file). */
export function policyListExportUrl(runId: string, lever: PolicyLever): string {
  return `${API_BASE}${run(runId)}/policies/export${queryString({ lever })}`;
}

export function enterpriseResults(enterpriseId: string): Promise<EnterpriseResult[]> {
  return request<EnterpriseResult[]>(`/evaluation/enterprises/${encodeURIComponent(enterpriseId)}/results`);
}

export function fileObjection(runId: string, text: string): Promise<ObjectionRow> {
  return request<ObjectionRow>(`${run(runId)}/objections`, { method: 'POST', body: { text } });
}

export function listObjections(filter: { state?: 'open' | 'answered'; runId?: string }): Promise<ObjectionRow[]> {
  return request<ObjectionRow[]>('/evaluation/objections', { query: { ...filter } });
}

export function answerObjection(id: string, body: { version: number; outcome: ObjectionOutcome; answer: string }): Promise<ObjectionRow> {
  return request<ObjectionRow>(`/evaluation/objections/${encodeURIComponent(id)}/answer`, { method: 'POST', body });
}
