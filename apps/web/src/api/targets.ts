import type { TargetEvaluation, TargetInput, TargetList, TargetUpdate } from '@yuanqu/contracts';
import { request } from './client';

export type TargetStatusFilter = 'active' | 'retired' | 'all';

/** The targets with how each stands at the end of `asOfYear` (the latest full year when omitted). */
export function listTargets(query: { asOfYear?: number; status: TargetStatusFilter }): Promise<TargetList> {
  return request<TargetList>('/targets', { query: { ...query } });
}

export function createTarget(body: TargetInput): Promise<TargetEvaluation> {
  return request<TargetEvaluation>('/targets', { method: 'POST', body });
}

const path = (id: string) => `/targets/${encodeURIComponent(id)}`;

/** A stale version answers 409 CONFLICT with the target as it now stands in `details.current`. */
export function updateTarget(id: string, patch: TargetUpdate): Promise<TargetEvaluation> {
  return request<TargetEvaluation>(path(id), { method: 'PATCH', body: patch });
}

export function setTargetStatus(id: string, action: 'retire' | 'restore', version: number): Promise<TargetEvaluation> {
  return request<TargetEvaluation>(`${path(id)}/${action}`, { method: 'POST', body: { version } });
}
