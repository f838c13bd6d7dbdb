import { assignmentOverdue, type AssessmentState } from '@freedom-ratings/core';
import type { Assignee } from '@freedom-ratings/db';

/** Today as the deadlines are written (YYYY-MM-DD, UTC): a deadline is the last day allowed, everywhere. */
export function deadlineToday(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** Someone assigned to an assessment in `state`, with their deadline and whether it has passed (core's rule). */
export function assignedPerson(a: Assignee, state: AssessmentState, today: string) {
  return { id: a.id, name: a.name, role: a.role, deadline: a.deadline, overdue: assignmentOverdue(a, state, today) };
}
