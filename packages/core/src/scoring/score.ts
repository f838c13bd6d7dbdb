import { methodologyFor } from '../methodology/builtin.js';
import { ratingFor } from '../methodology/bands.js';
import { editionInfo } from '../methodology/editions.js';
import type { Methodology } from '../methodology/methodology.js';
import { CATEGORIES, SUBCATEGORIES } from '../methodology/structure.js';
import type { EntityKind, IndicatorScores, Rating, SubcategoryCode, SubcategoryScores } from '../types.js';
import { hasErrors, problemPath, type Problem } from '../validation/problem.js';
import { validateAssessment } from '../validation/validate.js';
import { granularityOf, type AssessmentInput } from '../assessment-input.js';
import type { DerivedFigures } from './assessment.js';
import { electoralDemocracy } from './electoral-democracy.js';
import { decideStatus } from './status.js';

export interface Assessed {
  /** null when the assessment cannot be scored (see `problems`). */
  figures: DerivedFigures | null;
  problems: Problem[];
  methodology: Methodology | undefined;
}

/**
 * Validates and scores one assessment with its edition's rules (the built-in
 * ones unless a methodology is passed). Never throws on bad input: problems
 * are returned, and figures are still computed whenever the numbers allow.
 */
export function assess(input: AssessmentInput, methodology = methodologyFor(input.edition)): Assessed {
  const problems = validateAssessment(input, methodology);
  if (!methodology || hasErrors(problems.filter(blocksScoring))) {
    return { figures: null, problems, methodology };
  }
  const figures = computeFigures(input, methodology);
  const overMaximum = prAboveMaximum(figures.pr);
  if (overMaximum) {
    const label = editionInfo(input.edition)?.label ?? input.edition;
    problems.push({
      path: problemPath(input.entity, label, 'PR'),
      field: 'PR',
      code: 'exceeds-maximum',
      message: overMaximum,
      severity: 'warning',
    });
  }
  return { figures, problems, methodology };
}

/** Range errors still leave a computable number; missing or non-numeric values do not. */
function blocksScoring(p: Problem): boolean {
  return p.code !== 'out-of-range' && p.code !== 'add-a-eliminated' && p.code !== 'unknown-field';
}

export function sumSubcategories(ind: IndicatorScores): SubcategoryScores {
  return {
    A: ind.A1 + ind.A2 + ind.A3,
    B: ind.B1 + ind.B2 + ind.B3 + ind.B4,
    C: ind.C1 + ind.C2 + ind.C3,
    D: ind.D1 + ind.D2 + ind.D3 + ind.D4,
    E: ind.E1 + ind.E2 + ind.E3,
    F: ind.F1 + ind.F2 + ind.F3 + ind.F4,
    G: ind.G1 + ind.G2 + ind.G3 + ind.G4,
  };
}

/** One subcategory's total from its indicators; null unless every one of them is given. */
export function subcategoryTotal(code: SubcategoryCode, indicators: Partial<IndicatorScores>): number | null {
  let sum = 0;
  for (const i of SUBCATEGORIES[code].indicators) {
    const v = indicators[i];
    if (v === undefined || v === null) return null;
    sum += v;
  }
  return sum;
}

/** PR = A + B + C − Add Q (+ Add A where the edition still has it). */
export function politicalRights(
  s: Pick<SubcategoryScores, 'A' | 'B' | 'C'>,
  addQ: number,
  addA: number,
  m: Pick<Methodology, 'discretionary'>,
): number {
  return s.A + s.B + s.C - addQ + (m.discretionary.addA ? addA : 0);
}

export function civilLiberties(s: Pick<SubcategoryScores, 'D' | 'E' | 'F' | 'G'>): number {
  return s.D + s.E + s.F + s.G;
}

/** The Freedom Rating: the mean of the two ratings (1.0, 1.5, … 7.0). */
export function freedomRating(prRating: number, clRating: number): number {
  return (prRating + clRating) / 2;
}

/**
 * PR above its maximum of 40: possible only through Add A, or in a figure
 * as published (FH's FIW 2003 Luxembourg, 44). The methodology's limit is 40
 * with Add A included, so that is the number the warning gives.
 */
export function prAboveMaximum(pr: number | null): string | null {
  return pr !== null && pr > CATEGORIES.PR.max ? `PR is ${pr}, above its maximum of ${CATEGORIES.PR.max}` : null;
}

/**
 * The derivation itself, for input that `validateAssessment` found scorable.
 * Kept separate so bulk callers that validated already pay for nothing twice.
 */
export function computeFigures(input: AssessmentInput, m: Methodology): DerivedFigures {
  const granularity = granularityOf(input)!;
  const kind: EntityKind = input.kind ?? 'country';
  let subcategories: SubcategoryScores | null = null;
  let pr: number | null = null;
  let cl: number | null = null;
  let prRating: Rating;
  let clRating: Rating;

  if (granularity === 'ratings') {
    prRating = input.ratings!.pr as Rating;
    clRating = input.ratings!.cl as Rating;
  } else {
    if (granularity === 'aggregates') {
      pr = input.aggregates!.pr;
      cl = input.aggregates!.cl;
    } else {
      subcategories =
        granularity === 'indicators'
          ? sumSubcategories(input.indicators as IndicatorScores)
          : (input.subcategories as SubcategoryScores);
      pr = politicalRights(subcategories, input.addQ ?? 0, input.addA ?? 0, m);
      cl = civilLiberties(subcategories);
    }
    prRating = ratingFor(pr, m.prBands);
    clRating = ratingFor(cl, m.clBands);
  }

  const fr = freedomRating(prRating, clRating);
  const status = decideStatus(fr, m.status, input.status);
  return {
    granularity,
    subcategories,
    pr,
    cl,
    total: pr === null || cl === null ? null : pr + cl,
    prRating,
    clRating,
    freedomRating: fr,
    status: status.status,
    statusBasis: status.basis,
    electoralDemocracy: electoralDemocracy(
      kind,
      subcategories,
      pr,
      cl,
      m.electoralDemocracy,
      input.electoralDemocracyOverride,
    ),
  };
}
