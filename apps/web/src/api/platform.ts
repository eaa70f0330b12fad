import type { AuditEntry, Industry, Unit, UnitCreate } from '@yuanqu/contracts';
import { request } from './client';

export function listUnits(): Promise<Unit[]> {
  return request<Unit[]>('/units');
}

/** Administrators only; the kind must fit under the parent (VALIDATION `{field: 'kind'}`), codes are unique (DUPLICATE). */
export function createUnit(body: UnitCreate): Promise<Unit> {
  return request<Unit>('/units', { method: 'POST', body });
}

/** GB/T 4754-2017, all four levels. */
export function listIndustries(): Promise<Industry[]> {
  return request<Industry[]>('/dictionaries/industries');
}

export interface AuditQuery {
  page: number;
  pageSize: number;
  action?: string;
  actor?: string;
  entityId?: string;
  from?: string;
  to?: string;
}

export function listAudit(query: AuditQuery): Promise<{ items: AuditEntry[]; total: number }> {
  return request('/audit', { query: { ...query } });
}

export interface AuditVerification {
  ok: boolean;
  checked: number;
  brokenAt: number | null;
}

export function verifyAudit(): Promise<AuditVerification> {
  return request<AuditVerification>('/audit/verify');
}
