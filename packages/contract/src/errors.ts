/**
 * Every error code the API answers with, its HTTP status and what it means:
 * one catalogue, so a client can switch on `error.code` and the OpenAPI
 * document lists them all. A route throws a code from here; the status comes
 * with it and is never chosen again at the throw site.
 */
export const API_ERRORS = {
  'bad-request': { status: 400, description: 'The request line, headers or body framing are malformed.' },
  'invalid-request': {
    status: 400,
    description: 'Parameters, query or body break the schema; details list every problem.',
  },
  'invalid-json': { status: 400, description: 'The body is not valid JSON.' },
  'unknown-edition': { status: 400, description: 'The edition named in the body does not exist.' },
  'unknown-entity': { status: 400, description: 'The country or territory named in the body does not exist.' },
  'unknown-user': { status: 400, description: 'A user id in the body does not exist.' },
  'unknown-version': { status: 400, description: 'The assessment has no such version.' },
  unauthenticated: { status: 401, description: 'Sign in first (or the session has expired).' },
  'invalid-credentials': { status: 401, description: 'Wrong email or password.' },
  forbidden: { status: 403, description: 'Signed in, but the role or assignment does not allow this.' },
  'csrf-rejected': {
    status: 403,
    description: 'A state-changing request without the session’s CSRF token or from another origin.',
  },
  'password-change-required': {
    status: 403,
    description: 'The one-time password must be changed before anything else.',
  },
  'not-found': { status: 404, description: 'No such route, or nothing published there.' },
  'request-timeout': { status: 408, description: 'The request did not arrive in full in time.' },
  'edition-exists': { status: 409, description: 'The edition is already open or published.' },
  'edition-published': {
    status: 409,
    description: 'The edition is published: its data can no longer change this way.',
  },
  'invalid-transition': { status: 409, description: 'The workflow does not allow this move from the current state.' },
  'not-editable': { status: 409, description: 'The assessment is not in an editable state.' },
  'not-ready': { status: 409, description: 'Not every assessment is approved or withheld.' },
  'not-published': {
    status: 409,
    description: 'Only a published assessment of a published edition takes a correction; a draft is edited directly.',
  },
  'user-exists': { status: 409, description: 'A user with this email exists.' },
  'registry-conflict': {
    status: 409,
    description:
      'The entity registry refuses the change: a slug, code or name is taken, or a succession contradicts another; details name the field.',
  },
  'concurrent-change': {
    status: 409,
    description: 'An assessment changed while the request ran; nothing was written. Try again.',
  },
  'version-mismatch': {
    status: 412,
    description: 'Someone saved in between: read again and resend with the new ETag.',
  },
  'payload-too-large': { status: 413, description: 'The body is larger than the route accepts.' },
  'uri-too-long': { status: 414, description: 'A path segment is longer than any resource name.' },
  'unsupported-media-type': { status: 415, description: 'The body’s content type or encoding is not accepted.' },
  'if-match-required': {
    status: 428,
    description: 'A write must send If-Match with the ETag it read (`*` names no version and is refused).',
  },
  'invalid-methodology': {
    status: 422,
    description: 'The methodology file breaks the format or its rules; details.problems lists each with its JSON path.',
  },
  'invalid-scores': {
    status: 422,
    description: 'The scores do not fit the methodology; details.problems lists each with its path.',
  },
  'no-change': {
    status: 422,
    description: 'The correction would change no published figure or text; nothing was stored.',
  },
  'too-many-attempts': { status: 429, description: 'Too many failed sign-ins; details say when to retry.' },
  'headers-too-large': { status: 431, description: 'The request line and headers together are too large.' },
  'internal-error': { status: 500, description: 'The server failed; the failure is logged, no detail is sent.' },
  'database-busy': {
    status: 503,
    description: 'Another process holds the database’s write lock; nothing was written. Retry after `Retry-After`.',
  },
  'database-unavailable': {
    status: 503,
    description: 'The database does not answer; public answers already cached are still served.',
  },
  'shutting-down': { status: 503, description: 'The server is shutting down; retry shortly.' },
} as const satisfies Record<string, { status: number; description: string }>;

export type ApiErrorCode = keyof typeof API_ERRORS;

export const API_ERROR_CODES = Object.keys(API_ERRORS) as [ApiErrorCode, ...ApiErrorCode[]];

/** The one shape every error response has, whatever went wrong. */
export interface ErrorBody {
  error: {
    code: ApiErrorCode;
    message: string;
    details: unknown;
  };
}

export function errorBody(code: ApiErrorCode, message: string, details: unknown = null): ErrorBody {
  return { error: { code, message, details } };
}
