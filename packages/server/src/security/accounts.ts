import type { Role } from '@freedom-ratings/core';
import { findUserByEmail, insertUser, type DatabaseHandle, type User } from '@freedom-ratings/db';
import { ApiError } from '../errors/api-error.js';
import { generatePassword, hashPassword } from './password.js';

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

/** A new random one-time password and its hash. */
export async function generatedPassword() {
  const password = generatePassword();
  return { password, stored: await hashPassword(password) };
}

/** Creates a user; a generated password must be changed at first sign-in. */
export async function createUser(db: DatabaseHandle, request: NewUserRequest): Promise<CreatedUser> {
  const email = normaliseEmail(request.email);
  if (await findUserByEmail(db, email)) throw new ApiError('user-exists', `A user with email ${email} already exists.`);
  const { password, stored } = request.password
    ? { password: request.password, stored: await hashPassword(request.password) }
    : await generatedPassword();
  const user = await insertUser(db, {
    email,
    name: request.name,
    role: request.role,
    password_hash: stored.hash,
    password_salt: stored.salt,
    password_params: stored.params,
    must_change_password: request.password === undefined ? 1 : 0,
    created_at: new Date().toISOString(),
    disabled_at: null,
  });
  return { user, password };
}

/** A user as the API shows one: never the password hash. */
export function publicUser(u: User) {
  return { id: u.id, email: u.email, name: u.name, role: u.role, mustChangePassword: u.must_change_password === 1 };
}
