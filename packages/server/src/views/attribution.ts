import type { StoredAssessment } from '@freedom-ratings/db';

/** Data imported from Freedom House's files keeps its attribution wherever it is shown. */
export const FH_ATTRIBUTION = 'Source: Freedom House, Freedom in the World.';

export function attributionFor(assessments: readonly StoredAssessment[]): string {
  return assessments.some((a) => a.row.source !== null) ? FH_ATTRIBUTION : 'Source: Freedom Ratings.';
}
