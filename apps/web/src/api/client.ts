import type { ErrorCode } from '@yuanqu/contracts';

/** An error answered by the API, parsed from `{ error: { code, message, details, requestId } }`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | 'NETWORK',
    message: string,
    readonly details: unknown = undefined,
    readonly requestId: string | undefined = undefined,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** The record as it now stands, from a 409 CONFLICT (`details.current`), or null for any other failure. */
export function conflictCurrent<T>(error: unknown): T | null {
  if (!(error instanceof ApiError) || error.code !== 'CONFLICT') return null;
  const current = (error.details as { current?: unknown } | null)?.current;
  return current && typeof current === 'object' ? (current as T) : null;
}

export const API_BASE = '/api/v1';

let csrfToken: string | null = null;
type FailureListener = (error: ApiError, path: string) => void;
let onFailure: FailureListener | null = null;

/** The session's CSRF token, sent as `X-CSRF-Token` on every state-changing request. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function getCsrfToken(): string | null {
  return csrfToken;
}

/** One listener (installed by the router) reacts to 401 and to a forced password change. */
export function setFailureListener(listener: FailureListener | null): void {
  onFailure = listener;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  query?: Record<string, string | number | undefined | null>;
  body?: unknown;
  headers?: Record<string, string>;
  /** The login call answers 401 for a wrong password: that is a form error, not an expired session. */
  quiet401?: boolean;
}

/** `?a=1&b=2` from the defined, non-empty entries, or '' when there are none. */
export function queryString(query: RequestOptions['query']): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

/** Turns any failed response body into an ApiError; non-JSON bodies (a proxy's HTML) get INTERNAL. */
export function errorFromBody(status: number, body: unknown, fallbackRequestId?: string): ApiError {
  const err = (body as { error?: Record<string, unknown> } | null)?.error;
  if (err && typeof err.code === 'string') {
    return new ApiError(
      status,
      err.code as ErrorCode,
      typeof err.message === 'string' ? err.message : err.code,
      err.details,
      typeof err.requestId === 'string' ? err.requestId : fallbackRequestId,
    );
  }
  const code: ErrorCode = status === 401 ? 'UNAUTHENTICATED' : status === 403 ? 'FORBIDDEN' : status === 404 ? 'NOT_FOUND' : status === 413 ? 'PAYLOAD_TOO_LARGE' : 'INTERNAL';
  return new ApiError(status, code, `HTTP ${status}`, undefined, fallbackRequestId);
}

/** Reports a failure to the listener, then hands it back for the caller to throw. */
export function reportFailure(error: ApiError, path: string, quiet401 = false): ApiError {
  if (!(quiet401 && error.status === 401)) onFailure?.(error, path);
  return error;
}

/** Calls the API and returns the parsed JSON (undefined for 204); throws ApiError otherwise. */
export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(API_BASE + path + queryString(options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
  } catch (cause) {
    throw new ApiError(0, 'NETWORK', cause instanceof Error ? cause.message : String(cause));
  }

  const text = await response.text();
  let body: unknown = undefined;
  if (text) {
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
  }
  if (!response.ok) {
    const requestId = response.headers.get('x-request-id') ?? undefined;
    throw reportFailure(errorFromBody(response.status, body, requestId), path, options.quiet401);
  }
  return body as T;
}
