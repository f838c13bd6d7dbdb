import type { Role } from './roles.js';

/**
 * A correction to a published assessment goes through review like the
 * assessment did: proposed (`submitted`), sent back (`returned`) or
 * `approved` by a reviewer other than its author, then `published` by an
 * editor as the edition's next release. Until then the public sees the
 * published figures unchanged.
 */
export const CORRECTION_STATES = ['submitted', 'returned', 'approved', 'published'] as const;
export type CorrectionState = (typeof CORRECTION_STATES)[number];

export const CORRECTION_ACTIONS = ['resubmit', 'return', 'approve', 'publish'] as const;
export type CorrectionAction = (typeof CORRECTION_ACTIONS)[number];

export interface CorrectionTransition {
  from: readonly CorrectionState[];
  to: CorrectionState;
  /** Who may make the move (an admin may always: see `roleAllows`). */
  roles: readonly Role[];
  /** Whether the correction's author is barred from it: nobody reviews their own correction. */
  notByAuthor: boolean;
}

/** Who proposes a correction: the assessment's analysts and editors (and admins). */
export const CORRECTION_PROPOSERS: readonly Role[] = ['analyst', 'editor'];

export const CORRECTION_TRANSITIONS: Readonly<Record<CorrectionAction, CorrectionTransition>> = {
  resubmit: { from: ['returned'], to: 'submitted', roles: ['analyst', 'editor'], notByAuthor: false },
  return: { from: ['submitted', 'approved'], to: 'returned', roles: ['reviewer', 'editor'], notByAuthor: true },
  approve: { from: ['submitted'], to: 'approved', roles: ['reviewer', 'editor'], notByAuthor: true },
  publish: { from: ['approved'], to: 'published', roles: ['editor'], notByAuthor: false },
};
