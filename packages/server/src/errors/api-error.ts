/**
 * An error the client can act on. Route handlers throw it; the error handler
 * turns it into `{error: {code, message, details}}` with its status. The
 * message is shown to anyone who sent the request, so it must never carry
 * anything the caller may not see (an unpublished edition's existence, a
 * score, a stack trace).
 */
export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly details: unknown = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const badRequest = (code: string, message: string, details: unknown = null) =>
  new ApiError(400, code, message, details);
export const unauthorized = (message = 'Sign in first.') => new ApiError(401, 'unauthenticated', message);
export const forbidden = (message: string) => new ApiError(403, 'forbidden', message);
export const notFound = (message: string) => new ApiError(404, 'not-found', message);
export const conflict = (code: string, message: string, details: unknown = null) =>
  new ApiError(409, code, message, details);
