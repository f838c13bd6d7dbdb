import type { Role } from './roles.js';
import { EDITABLE_STATES, type AssessmentState } from './workflow.js';

/**
 * Whether a person's part of an assessment is still to do: an analyst's
 * until they submit it (and again when it is returned); a reviewer's, or an
 * editor's, until it is approved.
 */
export function assignmentPending(role: Role, state: AssessmentState): boolean {
  if (role === 'analyst') return EDITABLE_STATES.includes(state);
  return state === 'draft' || state === 'submitted' || state === 'returned';
}

/**
 * An assignment is overdue when its deadline — the last day allowed, as
 * YYYY-MM-DD — is before `today` (YYYY-MM-DD) and the person's part is still
 * to do. Derived on every read, so it is never stale.
 */
export function assignmentOverdue(
  assignment: { deadline: string | null; role: Role },
  state: AssessmentState,
  today: string,
): boolean {
  return assignment.deadline !== null && assignment.deadline < today && assignmentPending(assignment.role, state);
}
