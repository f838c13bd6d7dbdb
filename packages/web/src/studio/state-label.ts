import type { AssessmentState } from '@freedom-ratings/core';

/** Workflow states as the studio names them. */
export const STATE_LABELS: Readonly<Record<AssessmentState, string>> = {
  draft: 'Draft',
  submitted: 'Submitted for review',
  returned: 'Returned to analyst',
  approved: 'Approved',
  published: 'Published',
  withheld: 'Withheld',
};
