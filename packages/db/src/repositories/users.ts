import type { Kysely } from 'kysely';
import type { Database, NewUser, User } from '../schema.js';

export async function findUserByEmail(db: Kysely<Database>, email: string): Promise<User | undefined> {
  return db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
}

export async function findUserById(db: Kysely<Database>, id: number): Promise<User | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Inserts a user whose email is already normalised and password already hashed; returns the stored row. */
export async function insertUser(db: Kysely<Database>, user: NewUser): Promise<User> {
  return db.insertInto('users').values(user).returningAll().executeTakeFirstOrThrow();
}

/** Replaces a user's password hash (and its salt and parameters); the temporary-password flag goes. */
export async function setPasswordHash(
  db: Kysely<Database>,
  id: number,
  stored: { hash: string; salt: string; params: string },
): Promise<void> {
  await db
    .updateTable('users')
    .set({
      password_hash: stored.hash,
      password_salt: stored.salt,
      password_params: stored.params,
      must_change_password: 0,
    })
    .where('id', '=', id)
    .execute();
}

export async function listUsers(db: Kysely<Database>): Promise<User[]> {
  return db.selectFrom('users').selectAll().orderBy('email').execute();
}

/** Users who may sign in, by name: only what choosing a person needs (id, name, role). */
export async function activePeople(db: Kysely<Database>): Promise<Pick<User, 'id' | 'name' | 'role'>[]> {
  return db
    .selectFrom('users')
    .select(['id', 'name', 'role'])
    .where('disabled_at', 'is', null)
    .orderBy('name')
    .orderBy('id')
    .execute();
}

/** The role of each of these users, by id. */
export async function rolesOf(db: Kysely<Database>, ids: Iterable<number>): Promise<Map<number, User['role']>> {
  const list = [...new Set(ids)];
  if (list.length === 0) return new Map();
  const rows = await db.selectFrom('users').select(['id', 'role']).where('id', 'in', list).execute();
  return new Map(rows.map((r) => [r.id, r.role]));
}

export async function countUsers(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Which of these ids belong to a user. */
export async function existingUserIds(db: Kysely<Database>, ids: readonly number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('users').select('id').where('id', 'in', ids).execute();
  return new Set(rows.map((r) => r.id));
}
