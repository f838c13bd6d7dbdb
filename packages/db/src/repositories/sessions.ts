import type { Role } from '@freedom-ratings/core';
import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

/** A session row keyed by the token's hash; the token itself is never stored. */
export interface NewSessionRow {
  id: string;
  userId: number;
  csrfToken: string;
  now: Date;
  maxAgeSeconds: number;
}

/** Stores a session, sweeping expired ones first: here, where sessions are made, rather than by a timer in every process. */
export async function insertSession(db: Kysely<Database>, session: NewSessionRow): Promise<void> {
  const now = session.now.toISOString();
  await db.deleteFrom('sessions').where('expires_at', '<', now).execute();
  await db
    .insertInto('sessions')
    .values({
      id: session.id,
      user_id: session.userId,
      csrf_token: session.csrfToken,
      created_at: now,
      expires_at: new Date(session.now.getTime() + session.maxAgeSeconds * 1000).toISOString(),
      last_seen_at: now,
    })
    .execute();
}

export async function deleteSession(db: Kysely<Database>, id: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}

/** Ends every session of a user but one (a password change keeps the session that made it). */
export async function deleteOtherSessions(db: Kysely<Database>, userId: number, keepId: string): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).where('id', '!=', keepId).execute();
}

/** A session with the user it belongs to, as stored; whether it still counts is the caller's decision. */
export interface SessionWithUser {
  id: string;
  csrfToken: string;
  expiresAt: string;
  user: { id: number; email: string; name: string; role: Role; disabledAt: string | null; mustChangePassword: boolean };
}

export async function findSession(db: Kysely<Database>, id: string): Promise<SessionWithUser | undefined> {
  const row = await db
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
  if (!row) return undefined;
  return {
    id: row.id,
    csrfToken: row.csrf_token,
    expiresAt: row.expires_at,
    user: {
      id: row.user_id,
      email: row.email,
      name: row.name,
      role: row.role,
      disabledAt: row.disabled_at,
      mustChangePassword: row.must_change_password === 1,
    },
  };
}
