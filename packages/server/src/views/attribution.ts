import { builtInMethodology } from '@freedom-ratings/core';
import type { StoredAssessment } from '@freedom-ratings/db';

/** Data imported from Freedom House's files keeps its attribution wherever it is shown. */
export const FH_ATTRIBUTION = 'Source: Freedom House, Freedom in the World.';

/**
 * FH's attribution for imported data of an edition scored with FH's own rules
 * (a built-in methodology); an edition scored with a loaded methodology — FIW
 * 2027 an organisation opened, or its own index — holds that organisation's
 * ratings, not Freedom House's.
 */
export function attributionFor(assessments: readonly StoredAssessment[]): string {
  const fh = assessments.some(
    (a) =>
      a.row.source !== null && builtInMethodology(a.edition.methodology, a.edition.methodology_version) !== undefined,
  );
  return fh ? FH_ATTRIBUTION : 'Source: Freedom Ratings.';
}
