import type { FastifyError, FastifyInstance } from 'fastify';
import { ApiError } from './api-error.js';
import { errorBody, type ApiErrorCode } from '@freedom-ratings/contract';
import { databaseFault } from '@freedom-ratings/db';

/** Fastify's own client errors, renamed into our vocabulary of error codes. */
const FASTIFY_CODES: Record<string, ApiErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload-too-large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported-media-type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'bad-request',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'invalid-json',
  FST_ERR_CTP_INVALID_JSON_BODY: 'invalid-json',
  FST_ERR_BAD_URL: 'bad-request',
  FST_CP_ERR_INVALID_CONTENT_ENCODING: 'unsupported-media-type',
};

/** When a client should try again after a temporary failure, in seconds (sent as Retry-After). */
const RETRY_AFTER: Partial<Record<ApiErrorCode, number>> = { 'database-busy': 1, 'database-unavailable': 5 };

/** A refusal that knows its own wait (a sign-in limit) says it in details.retryAfterSeconds. */
function retryAfterIn(details: unknown): number | undefined {
  const wait = (details as { retryAfterSeconds?: unknown } | null)?.retryAfterSeconds;
  return typeof wait === 'number' ? wait : undefined;
}

const DATABASE_MESSAGES = {
  busy: 'Another process is writing to the database; nothing was written. Retry shortly.',
  unavailable: 'The database does not answer; retry shortly.',
} as const;

/**
 * Makes every failure answer `{error: {code, message, details}}`. Client
 * errors say what was wrong; server errors are logged in full and answered
 * with a generic message, so no stack trace or SQL ever reaches a client.
 */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | ApiError | Error, request, reply) => {
    if (err instanceof ApiError) {
      if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
      const retryAfter = RETRY_AFTER[err.code] ?? retryAfterIn(err.details);
      if (retryAfter !== undefined && !reply.hasHeader('retry-after')) reply.header('retry-after', String(retryAfter));
      return reply.code(err.statusCode).send(errorBody(err.code, err.message, err.details));
    }
    // A busy or unreachable database is temporary, not a bug: 503 with when to retry, logged as a warning.
    const fault = databaseFault(err);
    if (fault) {
      request.log.warn({ err }, `database ${fault}`);
      const code = fault === 'busy' ? 'database-busy' : 'database-unavailable';
      reply.header('cache-control', 'no-store').header('retry-after', String(RETRY_AFTER[code]));
      return reply.code(503).send(errorBody(code, DATABASE_MESSAGES[fault]));
    }
    const status = (err as FastifyError).statusCode;
    if (status !== undefined && status >= 400 && status < 500) {
      const fastifyCode = (err as FastifyError).code ?? '';
      const code = FASTIFY_CODES[fastifyCode] ?? (status === 404 ? 'not-found' : 'bad-request');
      // JSON.parse's own message names the position of the fault, which helps.
      const message =
        code === 'invalid-json' && err.name === 'SyntaxError' ? `Invalid JSON: ${err.message}` : err.message;
      reply.header('cache-control', 'no-store');
      return reply.code(status).send(errorBody(code, message));
    }
    request.log.error({ err }, 'request failed');
    reply.header('cache-control', 'no-store');
    return reply
      .code(500)
      .send(errorBody('internal-error', 'The server could not answer this request; the failure has been logged.'));
  });

  app.setNotFoundHandler((request, reply) => {
    reply.header('cache-control', 'no-store');
    return reply.code(404).send(errorBody('not-found', `No route ${request.method} ${request.url.split('?')[0]}.`));
  });
}
