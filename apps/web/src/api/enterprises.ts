import type {
  Change,
  ENTERPRISE_SORTS,
  Enterprise,
  EnterpriseCategory,
  EnterpriseFields,
  EnterpriseList,
  EnterpriseStats,
  EnterpriseUpdate,
  ImportResult,
  IndustryChain,
  QualificationType,
  Scale,
} from '@yuanqu/contracts';
import { API_BASE, queryString, request } from './client';
import { uploadImport, type UploadOptions } from './upload';

export type EnterpriseSort = (typeof ENTERPRISE_SORTS)[number];

/** The list filters; also the query of the export, so the file matches what the list shows. */
export interface EnterpriseFilters {
  q?: string;
  unitId?: string;
  industryChain?: IndustryChain;
  category?: EnterpriseCategory;
  scale?: Scale;
  qualification?: QualificationType;
  status: 'active' | 'archived' | 'all';
}

export interface EnterpriseListParams extends EnterpriseFilters {
  page: number;
  pageSize: number;
  sort: EnterpriseSort;
}

const path = (id: string) => `/enterprises/${encodeURIComponent(id)}`;

export function listEnterprises(params: EnterpriseListParams): Promise<EnterpriseList> {
  return request<EnterpriseList>('/enterprises', { query: { ...params } });
}

export function getEnterpriseStats(): Promise<EnterpriseStats> {
  return request<EnterpriseStats>('/enterprises/stats');
}

export function getEnterprise(id: string): Promise<Enterprise> {
  return request<Enterprise>(path(id));
}

export function getEnterpriseHistory(id: string): Promise<Change[]> {
  return request<Change[]>(`${path(id)}/history`);
}

export function createEnterprise(fields: EnterpriseFields): Promise<Enterprise> {
  return request<Enterprise>('/enterprises', { method: 'POST', body: fields });
}

export function updateEnterprise(id: string, patch: EnterpriseUpdate): Promise<Enterprise> {
  return request<Enterprise>(path(id), { method: 'PATCH', body: patch });
}

export function archiveEnterprise(id: string, version: number): Promise<Enterprise> {
  return request<Enterprise>(`${path(id)}/archive`, { method: 'POST', body: { version } });
}

export function restoreEnterprise(id: string, version: number): Promise<Enterprise> {
  return request<Enterprise>(`${path(id)}/restore`, { method: 'POST', body: { version } });
}

/** The export download address for the current filters (a plain link: the browser streams the file). */
export function exportUrl(filters: EnterpriseFilters): string {
  return `${API_BASE}/enterprises/export${queryString({ ...filters })}`;
}

export const IMPORT_TEMPLATE_URL = `${API_BASE}/enterprises/import-template`;

/** Uploads the import file; the whole file is written or none of it. */
export function importEnterprises(file: File, options: UploadOptions): Promise<ImportResult> {
  return uploadImport('/enterprises/import', file, options);
}
