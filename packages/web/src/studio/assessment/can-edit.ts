import { EDITABLE_STATES, roleAllows } from '@freedom-ratings/core';
import type { StudioUser } from '../../api/studio-client.js';
import type { StudioAssessment } from './fields.js';

/** Whether `user` may change the assessment's scores and texts: the server's rule, so the form is read-only where a save would be refused. */
export function canEdit(a: StudioAssessment, user: StudioUser): boolean {
  if (a.edition.state !== 'open' || !EDITABLE_STATES.includes(a.state)) return false;
  if (roleAllows(user.role, ['editor'])) return true;
  return user.role === 'analyst' && a.assignees.some((p) => p.id === user.id);
}
