/**
 * The studio's roles. An admin manages users and assignments; an editor opens
 * and publishes editions; a reviewer comments, returns and approves; an
 * analyst edits the assessments assigned to them. An admin may also act in
 * every other role, so that a small organisation can run with one account.
 */
export const ROLES = ['admin', 'editor', 'reviewer', 'analyst'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** Whether a user holding `held` may act where one of `allowed` is required. */
export function roleAllows(held: Role, allowed: readonly Role[]): boolean {
  return held === 'admin' || allowed.includes(held);
}
