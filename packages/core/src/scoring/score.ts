import { methodologyFor } from '../methodology/builtin.js';
import { editionInfo } from '../methodology/editions.js';
import type { Methodology } from '../methodology/methodology.js';
import { categoryRule, shapeOf } from '../methodology/shape.js';
import { CATEGORIES, SUBCATEGORIES } from '../methodology/structure.js';
import type { IndicatorScores, SubcategoryCode, SubcategoryScores } from '../types.js';
import { hasErrors, problemPath, type Problem } from '../validation/problem.js';
import { validateAssessment } from '../validation/validate.js';
import { granularityOf, type AssessmentInput } from '../assessment-input.js';
import type { DerivedFigures } from './assessment.js';
import { computeIndexFigures, type IndexInput } from './index-figures.js';

export interface Assessed {
  /** null when the assessment cannot be scored (see `problems`). */
  figures: DerivedFigures | null;
  problems: Problem[];
  methodology: Methodology | undefined;
}

/**
 * Validates and scores one assessment with its edition's rules: the
 * methodology the caller names (the one the edition's record names in the
 * database), else the built-in one for the edition. Never throws on bad
 * input: problems are returned, and figures are still computed whenever the
 * numbers allow.
 */
export function assess(input: AssessmentInput, methodology = methodologyFor(input.edition)): Assessed {
  const problems = validateAssessment(input, methodology);
  if (!methodology || hasErrors(problems.filter(blocksScoring))) {
    return { figures: null, problems, methodology };
  }
  const figures = computeFigures(input, methodology);
  const overMaximum = aboveMaximum(figures.pr, methodology);
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
  hasAddA: boolean,
): number {
  return s.A + s.B + s.C - addQ + (hasAddA ? addA : 0);
}

export function civilLiberties(s: Pick<SubcategoryScores, 'D' | 'E' | 'F' | 'G'>): number {
  return s.D + s.E + s.F + s.G;
}

/** The Freedom Rating: the mean of the two ratings (1.0, 1.5, … 7.0). */
export function freedomRating(prRating: number, clRating: number): number {
  return (prRating + clRating) / 2;
}

/**
 * PR above its maximum (FIW: 40): possible only through Add A, or in a figure
 * as published (FH's FIW 2003 Luxembourg, 44). The methodology's limit is 40
 * with Add A included, so that is the number the warning gives.
 */
export function prAboveMaximum(pr: number | null, max: number = CATEGORIES.PR.max): string | null {
  return pr !== null && pr > max ? `PR is ${pr}, above its maximum of ${max}` : null;
}

function aboveMaximum(pr: number | null, m: Methodology): string | null {
  const rule = categoryRule(m, 'PR');
  return rule ? prAboveMaximum(pr, rule.max) : null;
}

/** An assessment in the general engine's terms: PR and CL are the FIW methodology's category codes. */
export function indexInputOf(input: AssessmentInput): IndexInput {
  return {
    kind: input.kind,
    indicators: input.indicators,
    subcategories: input.subcategories,
    categories: input.aggregates ? { PR: input.aggregates.pr, CL: input.aggregates.cl } : null,
    ratings: input.ratings ? { PR: input.ratings.pr, CL: input.ratings.cl } : null,
    discretionary: { addQ: input.addQ, addA: input.addA, ...input.discretionary },
    status: input.status,
    electoralDemocracyOverride: input.electoralDemocracyOverride,
  };
}

/**
 * The derivation itself, for input that `validateAssessment` found scorable.
 * Kept separate so bulk callers that validated already pay for nothing twice.
 * The general engine computes; the figures name PR and CL, which is the form
 * `validateAssessment` requires of the methodology.
 */
export function computeFigures(input: AssessmentInput, m: Methodology): DerivedFigures {
  const f = computeIndexFigures(indexInputOf(input), m);
  const [pr, cl] = f.categories as [(typeof f.categories)[0], (typeof f.categories)[0]];
  return {
    granularity: granularityOf(input)!,
    subcategories: f.subcategories as SubcategoryScores | null,
    pr: pr.score,
    cl: cl.score,
    total: f.total,
    prRating: pr.rating,
    clRating: cl.rating,
    freedomRating: f.freedomRating,
    status: f.status,
    statusBasis: f.statusBasis,
    electoralDemocracy: f.electoralDemocracy,
  };
}

/** Whether `assess` can score with a methodology: FIW's two categories, PR then CL. */
export function hasPrClForm(m: Methodology): boolean {
  return shapeOf(m).prCl;
}
