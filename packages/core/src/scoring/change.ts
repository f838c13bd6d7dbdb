import type { IndicatorCode, Rating, Status, SubcategoryCode } from '../types.js';
import { INDICATOR_CODES, STATUS_RANK, SUBCATEGORY_CODES } from '../types.js';
import type { AssessmentInput } from '../assessment-input.js';
import type { DerivedFigures } from './assessment.js';

export const DIRECTIONS = ['improved', 'declined', 'unchanged'] as const;
export type Direction = (typeof DIRECTIONS)[number];

export interface RatingChange {
  from: Rating;
  to: Rating;
  direction: Direction;
}

export interface StatusChange {
  from: Status;
  to: Status;
  direction: Direction;
}

/**
 * Change from the previous edition at every level both editions have: the Z
 * of "X / Y (Z)". Score changes are current − previous (positive is better);
 * ratings and status carry an explicit direction because 1 is the best rating.
 */
export interface Changes {
  indicators: Partial<Record<IndicatorCode, number>>;
  subcategories: Partial<Record<SubcategoryCode, number>>;
  addQ: number | null;
  pr: number | null;
  cl: number | null;
  total: number | null;
  prRating: RatingChange;
  clRating: RatingChange;
  freedomRating: number;
  status: StatusChange | null;
}

export interface Scored {
  input: AssessmentInput;
  figures: DerivedFigures;
}

const diff = (a: number | null | undefined, b: number | null | undefined) =>
  a === null || a === undefined || b === null || b === undefined ? null : a - b;

function ratingChange(from: Rating, to: Rating): RatingChange {
  return { from, to, direction: to < from ? 'improved' : to > from ? 'declined' : 'unchanged' };
}

export function compareWithPrevious(current: Scored, previous: Scored): Changes {
  const indicators: Changes['indicators'] = {};
  const ci = current.input.indicators;
  const pi = previous.input.indicators;
  if (ci && pi) {
    for (const code of INDICATOR_CODES) {
      const d = diff(ci[code], pi[code]);
      if (d !== null) indicators[code] = d;
    }
  }
  const subcategories: Changes['subcategories'] = {};
  const cs = current.figures.subcategories ?? current.input.subcategories;
  const ps = previous.figures.subcategories ?? previous.input.subcategories;
  if (cs && ps) {
    for (const code of SUBCATEGORY_CODES) {
      const d = diff(cs[code], ps[code]);
      if (d !== null) subcategories[code] = d;
    }
  }
  const c = current.figures;
  const p = previous.figures;
  const scored = (a: Scored) => a.figures.granularity === 'indicators' || a.figures.granularity === 'subcategories';
  return {
    indicators,
    subcategories,
    addQ: scored(current) && scored(previous) ? (current.input.addQ ?? 0) - (previous.input.addQ ?? 0) : null,
    pr: diff(c.pr, p.pr),
    cl: diff(c.cl, p.cl),
    total: diff(c.total, p.total),
    prRating: ratingChange(p.prRating, c.prRating),
    clRating: ratingChange(p.clRating, c.clRating),
    freedomRating: c.freedomRating - p.freedomRating,
    status:
      c.status && p.status
        ? {
            from: p.status,
            to: c.status,
            direction:
              STATUS_RANK[c.status] < STATUS_RANK[p.status]
                ? 'improved'
                : STATUS_RANK[c.status] > STATUS_RANK[p.status]
                  ? 'declined'
                  : 'unchanged',
          }
        : null,
  };
}
