import type { AssessmentState } from '@freedom-ratings/core';
import type { Edition } from '@freedom-ratings/db';
import { editionSummary } from './edition-summary.js';

/** An edition as the studio lists it: open ones included, with its assessments counted by workflow state. */
export function studioEditionView(e: { edition: Edition; assessments: Partial<Record<AssessmentState, number>> }) {
  return {
    ...editionSummary(e.edition),
    state: e.edition.state,
    blindReview: e.edition.blind_review === 1,
    publishedAt: e.edition.published_at,
    releaseChecksum: e.edition.release_checksum,
    assessments: e.assessments,
  };
}
