import type { Connection } from '@freedom-ratings/db';
import type { PublicCache } from './http/public-cache.js';
import type { LoginRateLimit } from './security/login-rate-limit.js';

/** What every route handler works with: the database, the public cache and the login limiter. */
export interface ServerContext {
  conn: Connection;
  cache: PublicCache;
  loginLimit: LoginRateLimit;
  /** Session lifetime, in seconds. */
  sessionMaxAge: number;
}
