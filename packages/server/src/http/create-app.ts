import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { ApiError } from '../errors/api-error.js';
import { installErrorHandler } from '../errors/error-handler.js';
import { answerClientError, answerFrameworkError } from '../errors/transport-errors.js';
import { buildOpenApiDocument } from '../openapi/document.js';
import { renderDocsPage } from '../openapi/docs-page.js';
import { trustProxyHops, type ProxyHops } from '../security/proxy-hops.js';
import type { SessionResolver } from '../security/session-resolver.js';
import { registerRoute } from './register-route.js';
import { Representation } from './representation.js';
import type { RouteSpec } from './route.js';

export interface HttpAppOptions {
  routes: readonly RouteSpec[];
  sessions: SessionResolver;
  /** API version printed in the OpenAPI document. */
  version: string;
  /** pino options, or false for silence (tests). */
  logger?: FastifyServerOptions['logger'];
  /** Largest request body accepted, in bytes (413 above it). */
  bodyLimit?: number;
  /** Reverse proxies in front (FIW_TRUST_PROXY): X-Forwarded-* is read through that many hops, no further. */
  proxyHops?: ProxyHops;
  validateResponses?: boolean;
}

export const DEFAULT_BODY_LIMIT = 1024 * 1024;

/** For HTML the API itself renders (docs, reports): no scripts, nothing loaded from elsewhere. */
export const DOCUMENT_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

/**
 * The Fastify instance with everything every route relies on: JSON errors,
 * cookies, compression, body limits, the OpenAPI document and its docs page,
 * and a refusal of new requests once shutdown has begun.
 */
export async function createHttpApp(options: HttpAppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT,
    trustProxy: trustProxyHops(options.proxyHops ?? 0),
    // Our own 503 below answers in the API's error format instead.
    return503OnClosing: false,
    forceCloseConnections: 'idle',
    routerOptions: { ignoreTrailingSlash: true },
    // Errors raised before a route is chosen answer in the API's error shape too.
    frameworkErrors: answerFrameworkError,
    clientErrorHandler: answerClientError,
  });
  installErrorHandler(app);
  app.decorateRequest('session', null);

  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onRequest', async (_request, reply) => {
    if (closing) {
      reply.header('connection', 'close');
      throw new ApiError('shutting-down', 'The server is shutting down; retry shortly.');
    }
  });
  // A request that was in flight when shutdown began ends its keep-alive connection with its answer;
  // otherwise the idle connection would hold the close open until the keep-alive timeout.
  app.addHook('onSend', async (_request, reply) => {
    if (closing) reply.header('connection', 'close');
    // Browsers must take each body for the type it is sent as (a JSON string is never run as HTML).
    reply.header('x-content-type-options', 'nosniff');
  });

  await app.register(cookie);
  await app.register(compress, { global: true, threshold: 1024, encodings: ['br', 'gzip'] });

  for (const route of options.routes) {
    registerRoute(app, route, { sessions: options.sessions, validateResponses: options.validateResponses ?? true });
  }

  const document = buildOpenApiDocument(options.routes, options.version);
  const openapi = Representation.of(JSON.stringify(document), 'application/json; charset=utf-8');
  const docs = Representation.of(renderDocsPage(document), 'text/html; charset=utf-8');
  app.get('/api/v1/openapi.json', (request, reply) => openapi.send(request, reply, 'public, max-age=300'));
  app.get('/api/docs', (request, reply) => {
    reply.header('content-security-policy', DOCUMENT_CSP);
    return docs.send(request, reply, 'public, max-age=300');
  });
  return app;
}
