import type { ImportResult } from '@yuanqu/contracts';
import { API_BASE, ApiError, errorFromBody, getCsrfToken, reportFailure } from './client';

export interface UploadOptions {
  /** The same key for a retried upload of the same file, so the server writes it once. */
  idempotencyKey: string;
  onProgress?: (percent: number) => void;
}

/** Uploads an import file with XHR rather than fetch, because only XHR reports upload progress. */
export function uploadImport(route: string, file: File, options: UploadOptions): Promise<ImportResult> {
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
