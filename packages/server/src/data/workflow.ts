import {
  EDITABLE_STATES,
  roleAllows,
  TRANSITIONS,
  type AssessmentState,
  type EditionState,
  type WorkflowAction,
} from '@freedom-ratings/core';
import type { Database } from '@freedom-ratings/db';
import type { Kysely } from 'kysely';
import { ApiError, forbidden } from '../errors/api-error.js';
import type { SessionUser } from '../http/route.js';

export interface AssessmentAccess {
  id: number;
  state: AssessmentState;
  version: number;
  editionState: EditionState;
  assigned: boolean;
}

export async function assessmentAccess(
  db: Kysely<Database>,
  id: number,
  userId: number,
): Promise<AssessmentAccess | undefined> {
  const row = await db
    .selectFrom('assessments as a')
    .innerJoin('editions as ed', 'ed.edition', 'a.edition')
    .leftJoin('assignments as s', (join) => join.onRef('s.assessment_id', '=', 'a.id').on('s.user_id', '=', userId))
    .select(['a.id', 'a.state', 'a.version', 'ed.state as edition_state', 's.user_id as assigned_user'])
    .where('a.id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    id: row.id,
    state: row.state,
    version: row.version,
    editionState: row.edition_state,
    assigned: row.assigned_user !== null,
  };
}

/** Analysts act only on what is assigned to them; editors and admins on everything. */
function checkAnalystAssignment(user: SessionUser, access: AssessmentAccess): void {
  if (user.role === 'analyst' && !access.assigned) {
    throw forbidden('This assessment is not assigned to you.');
  }
}

export function checkCanEdit(user: SessionUser, access: AssessmentAccess): void {
  if (!roleAllows(user.role, ['analyst', 'editor'])) throw forbidden('Only analysts and editors edit assessments.');
  checkAnalystAssignment(user, access);
  if (access.editionState !== 'open') throw new ApiError('edition-published', 'This edition is published and frozen.');
  if (!EDITABLE_STATES.includes(access.state)) {
    throw new ApiError(
      'not-editable',
      `The assessment is ${access.state}; only draft or returned assessments change.`,
      {
        state: access.state,
      },
    );
  }
}

export function checkCanTransition(user: SessionUser, access: AssessmentAccess, action: WorkflowAction): void {
  const rule = TRANSITIONS[action];
  if (!roleAllows(user.role, rule.roles)) throw forbidden(`Only ${rule.roles.join(' or ')} may ${action}.`);
  if (action === 'submit') checkAnalystAssignment(user, access);
  if (access.editionState !== 'open') throw new ApiError('edition-published', 'This edition is published and frozen.');
  if (!rule.from.includes(access.state)) {
    throw new ApiError('invalid-transition', `Cannot ${action} an assessment that is ${access.state}.`, {
      state: access.state,
      allowedFrom: rule.from,
    });
  }
}
