import { API_ERRORS, type ApiErrorCode } from '@freedom-ratings/contract';

/**
 * An error the client can act on. Route handlers throw it; the error handler
 * turns it into `{error: {code, message, details}}` with the status the
 * contract's catalogue gives the code. The message is shown to anyone who sent
 * the request, so it must never carry anything the caller may not see (an
 * unpublished edition's existence, a score, a stack trace).
 */
export class ApiError extends Error {
  readonly statusCode: number;

  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly details: unknown = null,
  ) {
    super(message);
    this.name = 'ApiError';
    this.statusCode = API_ERRORS[code].status;
  }
}

export const unauthorized = (message = 'Sign in first.') => new ApiError('unauthenticated', message);
export const forbidden = (message: string) => new ApiError('forbidden', message);
export const notFound = (message: string) => new ApiError('not-found', message);
