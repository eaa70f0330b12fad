/** Error codes the API returns in `{ error: { code, message, details, requestId } }`. */
export const ERROR_CODES = [
  'VALIDATION',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'CSRF',
  'NOT_FOUND',
  'CONFLICT',
  'DUPLICATE',
  'ACCOUNT_LOCKED',
  'INVALID_CREDENTIALS',
  'PASSWORD_POLICY',
  'PASSWORD_CHANGE_REQUIRED',
  'RATE_LIMITED',
  'FIELD_NOT_PERMITTED',
  'IMPORT_INVALID',
  'IMPORT_FILE_REJECTED',
  'IDEMPOTENCY_KEY_REUSED',
  'WARNINGS_UNACKNOWLEDGED',
  'PAYLOAD_TOO_LARGE',
  /** A scheme version a run has used cannot change; copy it to a new version. */
  'SCHEME_FROZEN',
  /** The database is taken by a long write (`yuanqu import` in another process on SQLite); try again shortly. */
  'BUSY',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ApiErrorBody {
  error: { code: ErrorCode; message: string; details?: unknown; requestId?: string };
}

/** One problem found in an uploaded spreadsheet, located as the clerk sees it. */
export interface ImportProblem {
  row: number;
  column: string;
  value: string;
  reason: string;
}
