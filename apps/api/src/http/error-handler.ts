import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { ErrorCode } from '@yuanqu/contracts';
import { isSqliteBusy } from '../db/sqlite-pair';
import { AppError } from '../lib/errors';

const STATUS: Record<ErrorCode, number> = {
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  FORBIDDEN: 403,
  CSRF: 403,
  FIELD_NOT_PERMITTED: 403,
  PASSWORD_CHANGE_REQUIRED: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  DUPLICATE: 409,
  ACCOUNT_LOCKED: 423,
  PASSWORD_POLICY: 400,
  RATE_LIMITED: 429,
  IMPORT_INVALID: 422,
  IMPORT_FILE_REJECTED: 400,
  IDEMPOTENCY_KEY_REUSED: 422,
  WARNINGS_UNACKNOWLEDGED: 422,
  PAYLOAD_TOO_LARGE: 413,
  SCHEME_FROZEN: 409,
  BUSY: 503,
  INTERNAL: 500,
};

export function statusOf(code: ErrorCode): number {
  return STATUS[code];
}

/** A unique constraint refused the write: SQLite's SQLITE_CONSTRAINT_UNIQUE/PRIMARYKEY or PostgreSQL's 23505. */
function isUniqueViolation(err: unknown): boolean {
  const code = (err as { code?: unknown }).code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === '23505';
}

/** Maps every error to `{ error: { code, message, details, requestId } }`; never leaks a stack or SQL. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | AppError, request, reply) => {
    const requestId = request.id;
    if (err instanceof AppError) {
      return reply.status(STATUS[err.code]).send({ error: { code: err.code, message: err.message, details: err.details, requestId } });
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const issues = err.validation.map((v) => ({ in: err.validationContext, path: v.instancePath.replace(/^\//, '').replaceAll('/', '.'), message: v.message }));
      return reply.status(400).send({ error: { code: 'VALIDATION', message: 'the request is not valid', details: { issues }, requestId } });
    }
    if (isUniqueViolation(err)) {
      // Two writers raced for the same slot (a unique index caught it): the later one retries.
      return reply.status(409).send({ error: { code: 'CONFLICT', message: 'someone else saved the same record at the same moment; reload and try again', requestId } });
    }
    // SQLite's writer stayed locked by another process for the whole busy timeout (a long `yuanqu import`).
    if (isSqliteBusy(err)) {
      return reply.status(503).header('retry-after', '5').send({ error: { code: 'BUSY', message: 'the database is busy with a long write (an import); try again in a few seconds', requestId } });
    }
    const status = 'statusCode' in err && typeof err.statusCode === 'number' ? err.statusCode : 500;
    if (status === 413) {
      return reply.status(413).send({ error: { code: 'PAYLOAD_TOO_LARGE', message: 'the upload is too large', requestId } });
    }
    if (status >= 400 && status < 500) {
      // Fastify's own 4xx (bad JSON, wrong content type): safe to describe, nothing internal in it.
      return reply.status(status).send({ error: { code: 'VALIDATION', message: err.message, requestId } });
    }
    request.log.error({ err }, 'unhandled error');
    return reply.status(500).send({ error: { code: 'INTERNAL', message: 'internal error', requestId } });
  });
}
