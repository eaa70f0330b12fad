import type { DisposalCase, DisposalInput, DisposalKind, DisposalList, DisposalState, DisposalStateChange, DisposalUpdate, MilestoneAdd, MilestoneUpdate } from '@yuanqu/contracts';
import { request } from './client';

/** The filters of the 低效用地处置 list; the server matches `q` against code, title and enterprises. */
export interface DisposalFilters {
  kind?: DisposalKind;
  state?: DisposalState;
  unitId?: string;
  q?: string;
}

const path = (id: string) => `/land/disposals/${encodeURIComponent(id)}`;

/** The cases in scope, with the day (server's China date) overdue was judged on. */
export function listDisposals(filters: DisposalFilters): Promise<DisposalList> {
  return request<DisposalList>('/land/disposals', { query: { ...filters } });
}

export function getDisposal(id: string): Promise<DisposalCase> {
  return request<DisposalCase>(path(id));
}

export function createDisposal(body: DisposalInput): Promise<DisposalCase> {
  return request<DisposalCase>('/land/disposals', { method: 'POST', body });
}

/** A stale version answers 409 CONFLICT with the case as it now stands in `details.current`, as do the calls below. */
export function updateDisposal(id: string, patch: DisposalUpdate): Promise<DisposalCase> {
  return request<DisposalCase>(path(id), { method: 'PATCH', body: patch });
}

export function changeDisposalState(id: string, body: DisposalStateChange): Promise<DisposalCase> {
  return request<DisposalCase>(`${path(id)}/state`, { method: 'POST', body });
}

export function addMilestone(id: string, body: MilestoneAdd): Promise<DisposalCase> {
  return request<DisposalCase>(`${path(id)}/milestones`, { method: 'POST', body });
}

/** Edits a milestone, or ticks it done (`doneOn`) or undone (`doneOn: null`). */
export function updateMilestone(id: string, milestoneId: string, body: MilestoneUpdate): Promise<DisposalCase> {
  return request<DisposalCase>(`${path(id)}/milestones/${encodeURIComponent(milestoneId)}`, { method: 'PATCH', body });
}
