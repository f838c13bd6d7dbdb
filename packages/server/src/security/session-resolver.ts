import type { SessionUser } from '../http/route.js';

/** A live session: who it is for and the CSRF token bound to it. */
export interface ResolvedSession {
  id: string;
  user: SessionUser;
  csrfToken: string;
  /** Signed in with a one-time password: only the auth routes (to change it) are open. */
  mustChangePassword: boolean;
}

/**
 * Finds the session a cookie token belongs to. Kept as an interface so the
 * HTTP plumbing does not depend on where sessions are stored (the database,
 * so that several server processes share them).
 */
export interface SessionResolver {
  resolve(token: string): Promise<ResolvedSession | null>;
}
