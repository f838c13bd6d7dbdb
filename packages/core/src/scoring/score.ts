import { methodologyFor } from '../methodology/builtin.js';
import { ratingFor } from '../methodology/bands.js';
import { editionInfo } from '../methodology/editions.js';
import type { Methodology } from '../methodology/methodology.js';
import { CATEGORIES } from '../methodology/structure.js';
import type { EntityKind, IndicatorScores, Rating, SubcategoryScores } from '../types.js';
import { hasErrors, problemPath, type Problem } from '../validation/problem.js';
import { validateAssessment } from '../validation/validate.js';
import { granularityOf, type AssessmentInput, type DerivedFigures } from './assessment.js';
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
  if (figures.pr !== null && figures.granularity !== 'aggregates' && figures.pr > CATEGORIES.PR.max) {
    const label = editionInfo(input.edition)?.label ?? input.edition;
    problems.push({
      path: problemPath(input.entity, label, 'PR'),
      field: 'PR',
      code: 'exceeds-maximum',
      message: `PR adds up to ${figures.pr}, above its maximum of ${CATEGORIES.PR.max}`,
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

/** PR = A + B + C − Add Q (+ Add A where the edition still has it). */
export function politicalRights(s: SubcategoryScores, addQ: number, addA: number, m: Methodology): number {
  return s.A + s.B + s.C - addQ + (m.discretionary.addA ? addA : 0);
}

export function civilLiberties(s: SubcategoryScores): number {
  return s.D + s.E + s.F + s.G;
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

  const freedomRating = (prRating + clRating) / 2;
  const status = decideStatus(freedomRating, m.status, input.status);
  return {
    granularity,
    subcategories,
    pr,
    cl,
    total: pr === null || cl === null ? null : pr + cl,
    prRating,
    clRating,
    freedomRating,
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
