import type { NarrativeSection } from '../vocabulary/narrative-sections.js';
import type { NarrativeText } from '../vocabulary/narrative-labels.js';
import { STATUS_NAMES } from '../types.js';
import type { AssessmentInput } from '../assessment-input.js';
import type { DerivedFigures } from './assessment.js';
import { compareWithPrevious } from './change.js';
import { explain } from './explain.js';
import type { Assessed } from './score.js';
import { checkTrendArrow } from './trend-arrow.js';

/** Kinds of methodology warning a reviewer (or the analyst, as they type) should look at. */
export const REVIEW_WARNING_CODES = [
  'score-changed-without-text',
  'trend-arrow',
  'status-change',
  'near-band',
  'engine',
] as const;
export type ReviewWarningCode = (typeof REVIEW_WARNING_CODES)[number];

export interface ReviewWarning {
  code: ReviewWarningCode;
  /** The indicator code, `status`, `trendArrow`, `PR`/`CL`, or the engine problem's field. */
  field: string;
  message: string;
  severity: 'error' | 'warning' | 'info';
}

/** An assessment as the engine scored it, with its texts. */
export interface ReviewedAssessment {
  input: AssessmentInput;
  assessed: Assessed;
  narratives: readonly NarrativeText[];
}

/** The previous edition's assessment: its figures are enough (they may come from an API answer). */
export interface PreviousAssessment {
  input: AssessmentInput;
  figures: DerivedFigures | null;
  narratives: readonly NarrativeText[];
}

/** Within this many points of the next band, a figure is worth a second look. */
const NEAR_BAND_POINTS = 1;

const textOf = (narratives: readonly NarrativeText[], section: NarrativeSection, code: string) =>
  narratives.find((n) => n.section === section && n.code === code)?.body.trim() ?? '';

/**
 * What a reviewer should look at before approving: the validation problems,
 * indicator scores that changed while their text did not, a trend arrow the
 * edition's rule does not allow, a status change (and whether it has its
 * note), and ratings one point from another band. The server attaches these
 * to every studio assessment and the studio recomputes them on each
 * keystroke, so both show the same list.
 */
export function reviewWarnings(current: ReviewedAssessment, previous: PreviousAssessment | null): ReviewWarning[] {
  const warnings: ReviewWarning[] = current.assessed.problems.map((p) => ({
    code: 'engine' as const,
    field: p.field,
    message: p.message,
    severity: p.severity,
  }));
  const figures = current.assessed.figures;
  const methodology = current.assessed.methodology;
  if (!figures || !methodology) return warnings;
  const changes =
    previous?.figures != null
      ? compareWithPrevious({ input: current.input, figures }, { input: previous.input, figures: previous.figures })
      : null;

  if (changes && previous) {
    for (const [code, delta] of Object.entries(changes.indicators)) {
      if (delta === 0) continue;
      const text = textOf(current.narratives, 'indicator', code);
      if (text === '' || text === textOf(previous.narratives, 'indicator', code)) {
        warnings.push({
          code: 'score-changed-without-text',
          field: code,
          message: `${code} changed by ${delta > 0 ? '+' : ''}${delta} from ${previous.input.edition}, but its text is ${text === '' ? 'empty' : 'unchanged'}.`,
          severity: 'warning',
        });
      }
    }
    if (changes.status && changes.status.direction !== 'unchanged') {
      const noted = textOf(current.narratives, 'status-change', '') !== '';
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
