import type { Role } from '@freedom-ratings/core';
import type { Database, User } from '@freedom-ratings/db';
import type { Kysely } from 'kysely';
import { ApiError } from '../errors/api-error.js';
import { generatePassword, hashPassword } from '../security/password.js';

export interface NewUserRequest {
  email: string;
  name: string;
  role: Role;
  /** Omitted: a random one is generated and returned once. */
  password?: string;
}

export interface CreatedUser {
  user: User;
  /** The password, in clear this once; only its hash is stored. */
  password: string;
}

export const normaliseEmail = (email: string) => email.trim().toLowerCase();

/** Creates a user; a generated password must be changed at first sign-in. */
export async function createUser(db: Kysely<Database>, request: NewUserRequest): Promise<CreatedUser> {
  const email = normaliseEmail(request.email);
  const existing = await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
  if (existing) throw new ApiError('user-exists', `A user with email ${email} already exists.`);
  const password = request.password ?? generatePassword();
  const stored = await hashPassword(password);
  const user = await db
    .insertInto('users')
    .values({
      email,
      name: request.name,
      role: request.role,
      password_hash: stored.hash,
      password_salt: stored.salt,
      password_params: stored.params,
      must_change_password: request.password === undefined ? 1 : 0,
      created_at: new Date().toISOString(),
      disabled_at: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { user, password };
}

export async function userCount(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export function publicUser(u: User) {
  return { id: u.id, email: u.email, name: u.name, role: u.role, mustChangePassword: u.must_change_password === 1 };
}
