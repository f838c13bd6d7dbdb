import { createHash, randomBytes } from 'node:crypto';
import {
  deleteSession as deleteSessionRow,
  findSession,
  insertSession,
  type DatabaseHandle,
} from '@freedom-ratings/db';
import type { ResolvedSession, SessionResolver } from './session-resolver.js';

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export interface NewSession {
  token: string;
  csrfToken: string;
}

/** Opens a session; the database keeps the token's hash, never the token. */
export async function createSession(db: DatabaseHandle, userId: number, maxAgeSeconds: number): Promise<NewSession> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(32).toString('base64url');
  await insertSession(db, { id: hashToken(token), userId, csrfToken, now: new Date(), maxAgeSeconds });
  return { token, csrfToken };
}

export async function deleteSession(db: DatabaseHandle, token: string): Promise<void> {
  await deleteSessionRow(db, hashToken(token));
}

/** Sessions live in the database so that any server process behind a load balancer can serve any request. */
export class DatabaseSessions implements SessionResolver {
  constructor(private readonly db: DatabaseHandle) {}

  async resolve(token: string): Promise<ResolvedSession | null> {
    const session = await findSession(this.db, hashToken(token));
    if (!session || session.user.disabledAt !== null || session.expiresAt <= new Date().toISOString()) return null;
    const { id, email, name, role, mustChangePassword } = session.user;
    return { id: session.id, csrfToken: session.csrfToken, mustChangePassword, user: { id, email, name, role } };
  }
}
