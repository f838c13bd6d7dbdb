import type { Role } from '@freedom-ratings/core';
import type { Kysely } from 'kysely';
import type { Database, User } from '../schema.js';

/**
 * Changes a user's role or active state. Deactivating ends their sessions at
 * once, so a removed account cannot keep working on an open tab. Returns the
 * stored row, or undefined when there is no such user.
 */
export async function changeUser(
  db: Kysely<Database>,
  id: number,
  change: { role?: Role; active?: boolean },
): Promise<User | undefined> {
  return db.transaction().execute(async (trx) => {
    const user = await trx.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    if (!user) return undefined;
    const set: { role?: Role; disabled_at?: string | null } = {};
    if (change.role !== undefined) set.role = change.role;
    if (change.active !== undefined)
      set.disabled_at = change.active ? null : (user.disabled_at ?? new Date().toISOString());
    if (Object.keys(set).length > 0) await trx.updateTable('users').set(set).where('id', '=', id).execute();
    if (change.active === false) await trx.deleteFrom('sessions').where('user_id', '=', id).execute();
    return trx.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  });
}

/**
 * Replaces a user's password with a one-time one (already hashed): it must
 * be changed at the next sign-in, and every session of theirs ends.
 */
export async function setOneTimePassword(
  db: Kysely<Database>,
  id: number,
  stored: { hash: string; salt: string; params: string },
): Promise<User | undefined> {
  return db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('users')
      .set({
        password_hash: stored.hash,
        password_salt: stored.salt,
        password_params: stored.params,
        must_change_password: 1,
      })
      .where('id', '=', id)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) return undefined;
    await trx.deleteFrom('sessions').where('user_id', '=', id).execute();
    return trx.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  });
}

/** Notes a successful sign-in (sessions are swept, so they cannot say when someone last came). */
export async function recordSignIn(db: Kysely<Database>, id: number, at: Date): Promise<void> {
  await db.updateTable('users').set({ last_sign_in_at: at.toISOString() }).where('id', '=', id).execute();
}
