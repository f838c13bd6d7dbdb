import { timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { ApiError } from '../errors/api-error.js';

/** The header the studio sends its CSRF token in; a form on another site cannot set it. */
export const CSRF_HEADER = 'x-csrf-token';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function isStateChanging(method: string): boolean {
  return !SAFE_METHODS.has(method);
}

/**
 * Refuses a state-changing request whose Origin (or, failing that, Referer)
 * names another site. Browsers always send Origin on cross-site POSTs, so
 * this stops login CSRF even before a session exists.
 */
export function checkSameOrigin(request: FastifyRequest): void {
  const origin = request.headers.origin ?? refererOrigin(request.headers.referer);
  if (origin === undefined || origin === 'null') {
    if (request.headers.origin === 'null') throw csrfError('The request came from an opaque origin.');
    return; // Not a browser (curl, scripts): nothing to forge.
  }
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    throw csrfError('The Origin header is not a URL.');
  }
  if (host !== request.headers.host) throw csrfError(`Requests from ${origin} are not accepted.`);
}

/** Double-submit check: the header must carry the token bound to the session. */
export function checkCsrfToken(request: FastifyRequest, expected: string): void {
  const sent = request.headers[CSRF_HEADER];
  if (typeof sent !== 'string' || !sameString(sent, expected)) {
    throw csrfError(`Missing or wrong ${CSRF_HEADER} header; read the token from GET /api/v1/auth/me.`);
  }
}

function refererOrigin(referer: string | undefined): string | undefined {
  if (!referer) return undefined;
  try {
    return new URL(referer).origin;
  } catch {
    return undefined;
  }
}

function sameString(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

const csrfError = (message: string) => new ApiError('csrf-rejected', message);
