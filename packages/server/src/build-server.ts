import { publicationVersion, SERVER_LOCK_WAIT, setLockWait, type Connection } from '@freedom-ratings/db';
import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import type { ServerContext } from './context.js';
import { createHttpApp } from './http/create-app.js';
import { PublicCache } from './http/public-cache.js';
import { assessmentRoutes } from './routes/studio/assessments.js';
import { authRoutes } from './routes/studio/auth.js';
import { commentRoutes } from './routes/studio/comments.js';
import { studioEditionRoutes } from './routes/studio/editions.js';
import { methodologyRoutes } from './routes/studio/methodologies.js';
import { userRoutes } from './routes/studio/users.js';
import { studioEntityRoutes } from './routes/studio/entities.js';
import { correctionRoutes } from './routes/studio/corrections.js';
import { healthRoutes } from './routes/health.js';
import { editionRoutes } from './routes/public/editions.js';
import { metricSeriesRoutes } from './routes/public/metric-series.js';
import { entityRoutes } from './routes/public/entities.js';
import { exportRoutes } from './routes/public/exports.js';
import { releaseRoutes } from './routes/public/releases.js';
import { reportRoutes } from './routes/public/report.js';
import { DatabaseSessions } from './security/database-sessions.js';
import { LoginRateLimit } from './security/login-rate-limit.js';
import type { ProxyHops } from './security/proxy-hops.js';
import type { WebBuild } from './web/web-build.js';
import { registerWebRoutes } from './web/web-routes.js';
import { editorialRoutes } from './routes/studio/editorial.js';

/** The API version, printed in the OpenAPI document; /api/v1 stays compatible within 1.x. */
export const API_VERSION = '1.0.0';

export interface ServerOptions {
  conn: Connection;
  logger?: FastifyServerOptions['logger'];
  /** The web app to serve at `/` (see `loadWebBuild`); without it only the API is served. */
  web?: WebBuild;
  /** How many reverse proxies stand in front (see `parseProxyHops`); 0, the default, trusts no X-Forwarded-*. */
  proxyHops?: ProxyHops;
  bodyLimit?: number;
  /** Session lifetime in seconds (default 12 hours). */
  sessionMaxAge?: number;
  /** Close the database when the server closes (what `fiw serve` wants on SIGTERM). */
  closeDatabaseOnClose?: boolean;
  loginLimit?: LoginRateLimit;
  /** The cache of public answers (default: one following the database's publication version). */
  publicCache?: PublicCache;
}

/** The whole API on one database: public routes, sign-in, the studio, health and the OpenAPI document. */
export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  // better-sqlite3 waits for locks synchronously: a server must never wait long, or every request waits too.
  await setLockWait(options.conn, SERVER_LOCK_WAIT);
  const ctx: ServerContext = {
    conn: options.conn,
    cache: options.publicCache ?? new PublicCache(() => publicationVersion(options.conn.db)),
    loginLimit: options.loginLimit ?? new LoginRateLimit(options.conn),
    sessionMaxAge: options.sessionMaxAge ?? 12 * 60 * 60,
  };
  const routes = [
    ...healthRoutes(ctx),
    ...editionRoutes(ctx),
    ...metricSeriesRoutes(ctx),
    ...entityRoutes(ctx),
    ...reportRoutes(ctx),
    ...exportRoutes(ctx),
    ...releaseRoutes(ctx),
    ...authRoutes(ctx),
    ...studioEditionRoutes(ctx),
    ...methodologyRoutes(ctx),
    ...assessmentRoutes(ctx),
    ...correctionRoutes(ctx),
    ...commentRoutes(ctx),
    ...userRoutes(ctx),
    ...studioEntityRoutes(ctx),
    ...editorialRoutes(ctx),
  ];
  const app = await createHttpApp({
    routes,
    sessions: new DatabaseSessions(options.conn.db),
    version: API_VERSION,
    logger: options.logger,
    proxyHops: options.proxyHops,
    bodyLimit: options.bodyLimit,
  });
  if (options.web) await registerWebRoutes(app, ctx, options.web);
  if (options.closeDatabaseOnClose) app.addHook('onClose', () => options.conn.close());
  return app;
}
