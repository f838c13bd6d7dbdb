import { createHash, randomBytes } from 'node:crypto';
import type { Database } from '@freedom-ratings/db';
import type { Kysely } from 'kysely';
import type { ResolvedSession, SessionResolver } from '../security/session-resolver.js';

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export interface NewSession {
  token: string;
  csrfToken: string;
}

/** Opens a session; the database keeps the token's hash, never the token. */
export async function createSession(db: Kysely<Database>, userId: number, maxAgeSeconds: number): Promise<NewSession> {
  const token = randomBytes(32).toString('base64url');
  // Expired sessions are swept here, where new ones are made, rather than by a timer in every process.
  await db.deleteFrom('sessions').where('expires_at', '<', new Date().toISOString()).execute();
  const csrfToken = randomBytes(32).toString('base64url');
  const now = new Date();
  await db
    .insertInto('sessions')
    .values({
      id: hashToken(token),
      user_id: userId,
      csrf_token: csrfToken,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + maxAgeSeconds * 1000).toISOString(),
      last_seen_at: now.toISOString(),
    })
    .execute();
  return { token, csrfToken };
}

export async function deleteSession(db: Kysely<Database>, token: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', hashToken(token)).execute();
}

/** Sessions live in the database so that any server process behind a load balancer can serve any request. */
export class DatabaseSessions implements SessionResolver {
  constructor(private readonly db: Kysely<Database>) {}

  async resolve(token: string): Promise<ResolvedSession | null> {
    const id = hashToken(token);
    const row = await this.db
      .selectFrom('sessions as s')
      .innerJoin('users as u', 'u.id', 's.user_id')
      .select([
        's.id',
        's.csrf_token',
        's.expires_at',
        'u.id as user_id',
        'u.email',
        'u.name',
        'u.role',
        'u.disabled_at',
        'u.must_change_password',
      ])
      .where('s.id', '=', id)
      .executeTakeFirst();
    if (!row || row.disabled_at !== null || row.expires_at <= new Date().toISOString()) return null;
    return {
      id: row.id,
      csrfToken: row.csrf_token,
      mustChangePassword: row.must_change_password === 1,
      user: { id: row.user_id, email: row.email, name: row.name, role: row.role },
    };
  }
}
