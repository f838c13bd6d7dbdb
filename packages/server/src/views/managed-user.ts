import type { User } from '@freedom-ratings/db';
import { publicUser } from '../security/accounts.js';

/** A user as the admin screen shows them: whether they may sign in, and when they last did. */
export function managedUser(u: User) {
  return { ...publicUser(u), active: u.disabled_at === null, lastSignInAt: u.last_sign_in_at, createdAt: u.created_at };
}
