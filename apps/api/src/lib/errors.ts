import type { ErrorCode } from '@yuanqu/contracts';

/** A failure the caller can act on. Domain code throws these; the HTTP layer maps code → status. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const notFound = (what: string) => new AppError('NOT_FOUND', `${what} not found`);
export const forbidden = (message = 'not permitted') => new AppError('FORBIDDEN', message);
export const conflict = (current: unknown) =>
  new AppError('CONFLICT', 'the record was changed by someone else; reload and apply your change again', { current });
