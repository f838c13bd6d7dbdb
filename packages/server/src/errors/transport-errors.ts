import type { Socket } from 'node:net';
import { API_ERRORS, errorBody, type ApiErrorCode } from '@freedom-ratings/contract';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';

/**
 * Headers every error answer carries, also those written before a request
 * reached a route: the body is JSON and only JSON, and no cache keeps it.
 */
export const ERROR_HEADERS = {
  'content-type': 'application/json; charset=utf-8',
  'x-content-type-options': 'nosniff',
  'cache-control': 'no-store',
} as const;

/** Node's parser errors (a request that never became one) in our vocabulary. */
function clientErrorCode(err: { code?: string }): { code: ApiErrorCode; message: string } {
  switch (err.code) {
    case 'HPE_HEADER_OVERFLOW':
      return { code: 'headers-too-large', message: 'The request line and headers are larger than 16 KiB.' };
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return { code: 'request-timeout', message: 'The request did not arrive in full in time.' };
    default:
      return {
        code: 'bad-request',
        message:
          'The request is not valid HTTP/1.1 (request line, a header, or a body that does not match its length).',
      };
  }
}

/**
 * Fastify's `clientErrorHandler`: a request Node's HTTP parser refused (headers
 * too large, bytes after a body that overran its Content-Length, a broken
 * request line). There is no request object yet, so the answer is written to
 * the socket as it is, and the connection closed, as HTTP requires after a
 * framing error.
 */
export function answerClientError(err: Error & { code?: string }, socket: Socket): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  if (socket.writable) {
    const { code, message } = clientErrorCode(err);
    const status = API_ERRORS[code].status;
    const body = JSON.stringify(errorBody(code, message));
    const headers = { ...ERROR_HEADERS, 'content-length': Buffer.byteLength(body), connection: 'close' };
    const head = Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`);
    socket.write(`HTTP/1.1 ${status} ${statusText(status)}\r\n${head.join('')}\r\n${body}`);
  }
  socket.destroy(err);
}

/**
 * Fastify's `frameworkErrors`: the router could not even pick a route — a
 * path that is not valid percent-encoding (`%ff`), or a path segment over
 * the router's length limit.
 */
export function answerFrameworkError(err: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  const { code, message } =
    err.code === 'FST_ERR_MAX_PARAM_LENGTH'
      ? { code: 'uri-too-long' as const, message: 'A segment of the path is longer than any resource name.' }
      : err.code === 'FST_ERR_BAD_URL'
        ? { code: 'bad-request' as const, message: 'The path is not valid percent-encoded UTF-8.' }
        : { code: 'internal-error' as const, message: 'The server could not route this request.' };
  void reply
    .code(API_ERRORS[code].status)
    .headers(ERROR_HEADERS)
    .send(JSON.stringify(errorBody(code, message)));
}

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  408: 'Request Timeout',
  431: 'Request Header Fields Too Large',
};

function statusText(status: number): string {
  return STATUS_TEXT[status] ?? 'Error';
}
