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
import { API_BASE, ApiError, errorFromBody, getCsrfToken, queryString, reportFailure, request } from './client';

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

export interface ImportOptions {
  /** The same key for a retried upload of the same file, so the server writes it once. */
  idempotencyKey: string;
  onProgress?: (percent: number) => void;
}

/** Uploads a spreadsheet with XHR rather than fetch, because only XHR reports upload progress. */
export function importEnterprises(file: File, options: ImportOptions): Promise<ImportResult> {
  const route = '/enterprises/import';
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', API_BASE + route);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Idempotency-Key', options.idempotencyKey);
    const csrf = getCsrfToken();
    if (csrf) xhr.setRequestHeader('X-CSRF-Token', csrf);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) options.onProgress?.(Math.round((event.loaded / event.total) * 100));
    };
    xhr.onload = () => {
      let body: unknown = undefined;
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : undefined;
      } catch {
        body = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as ImportResult);
      else reject(reportFailure(errorFromBody(xhr.status, body, xhr.getResponseHeader('x-request-id') ?? undefined), route));
    };
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK', 'upload failed'));
    const form = new FormData();
    form.append('file', file);
    xhr.send(form);
  });
}
