import type { SchemeRecord, SchemeSummary, SchemeUpdate } from '@yuanqu/contracts';
import { request } from './client';

const path = (id: string) => `/evaluation/schemes/${encodeURIComponent(id)}`;

/** Every version of every 亩产效益 scheme, newest version first. */
export function listSchemes(): Promise<SchemeSummary[]> {
  return request<SchemeSummary[]>('/evaluation/schemes');
}

export function getScheme(id: string): Promise<SchemeRecord> {
  return request<SchemeRecord>(path(id));
}

/** 409 CONFLICT (someone saved first) or SCHEME_FROZEN (a run used it), each with the record as it stands in `details.current`. */
export function updateScheme(id: string, body: SchemeUpdate): Promise<SchemeRecord> {
  return request<SchemeRecord>(path(id), { method: 'PUT', body });
}

/** A new, editable version copied from this one. */
export function copyScheme(id: string): Promise<SchemeRecord> {
  return request<SchemeRecord>(`${path(id)}/versions`, { method: 'POST' });
}

export function deleteScheme(id: string): Promise<void> {
  return request<void>(path(id), { method: 'DELETE' });
}
