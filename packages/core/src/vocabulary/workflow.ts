import type { Role } from './roles.js';

/**
 * Where an assessment stands in the editorial workflow. `withheld` is an
 * assessment an editor kept out of a published edition.
 */
export const ASSESSMENT_STATES = ['draft', 'submitted', 'returned', 'approved', 'published', 'withheld'] as const;
export type AssessmentState = (typeof ASSESSMENT_STATES)[number];

/** An edition is open while it is being scored, published once released. */
export const EDITION_STATES = ['open', 'published'] as const;
export type EditionState = (typeof EDITION_STATES)[number];

/** States in which scores and texts may still change. */
export const EDITABLE_STATES: readonly AssessmentState[] = ['draft', 'returned'];

export const WORKFLOW_ACTIONS = ['submit', 'return', 'approve'] as const;
export type WorkflowAction = (typeof WORKFLOW_ACTIONS)[number];

export interface WorkflowTransition {
  from: readonly AssessmentState[];
  to: AssessmentState;
  /** Who may make the move (an admin may always: see `roleAllows`). */
  roles: readonly Role[];
}

/**
 * The editorial workflow: an analyst (or editor) submits a draft, a reviewer
 * (or editor) returns it for more work or approves it. Publishing an edition
 * moves approved assessments to `published` or `withheld`; it is not a
 * per-assessment action.
 */
export const TRANSITIONS: Readonly<Record<WorkflowAction, WorkflowTransition>> = {
  submit: { from: ['draft', 'returned'], to: 'submitted', roles: ['analyst', 'editor'] },
  return: { from: ['submitted', 'approved'], to: 'returned', roles: ['reviewer', 'editor'] },
  approve: { from: ['submitted'], to: 'approved', roles: ['reviewer', 'editor'] },
};
