import type { IdleCase, IdleCaseAction, IdleCaseListQuery, IdleJobResult } from '@yuanqu/contracts';
import { request } from './client';

/** Idle-land cases in scope, newest first, with their acts and computed deadlines. */
export function listIdleCases(query: IdleCaseListQuery): Promise<IdleCase[]> {
  return request<IdleCase[]>('/land/idle-cases', { query: { ...query } });
}

/** Runs the daily idle-land job now: a case for each new finding. */
export function runIdleJob(): Promise<IdleJobResult> {
  return request<IdleJobResult>('/land/idle-cases/run', { method: 'POST', body: {} });
}

/** Records the next act, dated today by the server; a stale version answers 409 with the case as it stands. */
export function recordIdleAction(id: string, act: IdleCaseAction): Promise<IdleCase> {
  return request<IdleCase>(`/land/idle-cases/${encodeURIComponent(id)}/actions`, { method: 'POST', body: act });
}
