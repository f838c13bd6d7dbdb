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

/** A published edition as the public API lists it; `releases` counts its frozen releases (the latest is that number). */
export function publishedEditionView(e: Edition, assessments: number, releases: number) {
  return {
    ...editionSummary(e),
    publishedAt: e.published_at,
    releaseChecksum: e.release_checksum,
    release: releases > 0 ? releases : null,
    assessments,
  };
}
