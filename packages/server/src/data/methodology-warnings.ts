import { checkTrendArrow, explain, STATUS_NAMES } from '@freedom-ratings/core';
import type { z } from 'zod';
import type { warningSchema } from '@freedom-ratings/contract';
import type { ScoredAssessment } from './assessment-data.js';
import { changesOf } from './figures.js';

export type MethodologyWarning = z.output<typeof warningSchema>;

/** Within this many points of the next band, a figure is worth a second look. */
const NEAR_BAND_POINTS = 1;

const textOf = (s: ScoredAssessment, section: string, code: string) =>
  s.data.narratives.find((n) => n.section === section && n.code === code)?.body.trim() ?? '';

/**
 * What a reviewer should look at before approving, from the engine: the
 * validation problems, indicator scores that changed while their text did
 * not, a trend arrow the edition's rule does not allow, a status change
 * without a note, and figures one point from another rating.
 */
export function methodologyWarnings(
  current: ScoredAssessment,
  previous: ScoredAssessment | undefined,
): MethodologyWarning[] {
  const warnings: MethodologyWarning[] = current.assessed.problems.map((p) => ({
    code: 'engine' as const,
    field: p.field,
    message: p.message,
    severity: p.severity,
  }));
  const figures = current.assessed.figures;
  const methodology = current.assessed.methodology;
  if (!figures || !methodology) return warnings;
  const changes = changesOf(current, previous);

  if (changes && previous) {
    for (const [code, delta] of Object.entries(changes.indicators)) {
      if (delta === 0) continue;
      const text = textOf(current, 'indicator', code);
      if (text === '' || text === textOf(previous, 'indicator', code)) {
        warnings.push({
          code: 'score-changed-without-text',
          field: code,
          message: `${code} changed by ${delta > 0 ? '+' : ''}${delta} from ${previous.data.row.edition}, but its text is ${text === '' ? 'empty' : 'unchanged'}.`,
          severity: 'warning',
        });
      }
    }
    if (changes.status && changes.status.direction !== 'unchanged') {
      const noted = textOf(current, 'status-change', '') !== '';
      warnings.push({
        code: 'status-change',
        field: 'status',
        message:
          `Status changes from ${STATUS_NAMES[changes.status.from]} to ${STATUS_NAMES[changes.status.to]}` +
          (noted ? '.' : '; add a status-change note.'),
        severity: noted ? 'info' : 'warning',
      });
    }
  }

  const arrow = checkTrendArrow(current.input.trendArrow, changes, methodology.trendArrow);
  if (arrow.valid === false) {
    warnings.push({ code: 'trend-arrow', field: 'trendArrow', message: arrow.reason, severity: 'warning' });
  }

  const explanation = explain(figures, methodology);
  for (const rating of [explanation.pr, explanation.cl]) {
    if (!rating) continue;
    for (const step of [rating.better, rating.worse]) {
      if (step && step.points <= NEAR_BAND_POINTS) {
        warnings.push({
          code: 'near-band',
          field: rating.category,
          message: `${rating.category} ${rating.score} is ${step.points} point${step.points === 1 ? '' : 's'} from rating ${step.rating}.`,
          severity: 'info',
        });
      }
    }
  }
  return warnings;
}
