import { roleAllows } from '@freedom-ratings/core';
import { assessmentAccess, type DatabaseHandle } from '@freedom-ratings/db';
import { forbidden } from '../errors/api-error.js';
import type { SessionUser } from '../http/route.js';

/**
 * Resolving a comment closes a question someone raised, so it is for the
 * people answerable for the assessment or for its review: the comment's
 * author, the assessment's assignees, reviewers and editors (admins act as
 * any role). An analyst not assigned to it may read it, so is told 403.
 */
export async function checkCanResolve(
  db: DatabaseHandle,
  user: SessionUser,
  comment: { assessmentId: number; authorId: number },
): Promise<void> {
  if (comment.authorId === user.id || roleAllows(user.role, ['reviewer', 'editor'])) return;
  const access = await assessmentAccess(db, comment.assessmentId, user.id);
  if (access?.assigned) return;
  throw forbidden('Only the comment’s author, the assessment’s assignees, reviewers and editors resolve comments.');
}
