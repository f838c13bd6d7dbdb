import type { AssessmentAccess } from '@freedom-ratings/db';
import { EDITABLE_STATES, roleAllows, TRANSITIONS, type WorkflowAction } from '@freedom-ratings/core';
import { ApiError, forbidden } from '../errors/api-error.js';
import type { SessionUser } from '../http/route.js';

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
