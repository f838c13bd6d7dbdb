import { reviewWarnings, type ReviewWarning } from '@freedom-ratings/core';
import type { ScoredAssessment } from '@freedom-ratings/db';

export type MethodologyWarning = ReviewWarning;

/** The engine's review warnings for a stored assessment, compared with the entity's previous one. */
export function methodologyWarnings(
  current: ScoredAssessment,
  previous: ScoredAssessment | undefined,
): MethodologyWarning[] {
  return reviewWarnings(
    { input: current.input, assessed: current.assessed, narratives: current.narratives },
    previous ? { input: previous.input, figures: previous.assessed.figures, narratives: previous.narratives } : null,
  );
}
