import type { Edition } from '@freedom-ratings/db';

export function editionSummary(e: Edition) {
  return {
    edition: e.edition,
    label: e.label,
    periodStart: e.period_start,
    periodEnd: e.period_end,
    yearUnderReview: e.year_under_review,
    methodology: e.methodology,
  };
}

export function publishedEditionView(e: Edition, assessments: number) {
  return {
    ...editionSummary(e),
    publishedAt: e.published_at,
    releaseChecksum: e.release_checksum,
    assessments,
  };
}
