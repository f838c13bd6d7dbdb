import {
  hasPrClForm,
  INDICATOR_CODES,
  shapeOf,
  SUBCATEGORY_CODES,
  type AssessmentInput,
  type IndicatorScores,
  type Methodology,
  type SubcategoryScores,
} from '@freedom-ratings/core';
import type { Assessment } from './schema.js';

type StoredAssessment = Pick<
  Assessment,
  | 'edition'
  | 'granularity'
  | 'kind'
  | 'add_q'
  | 'add_a'
  | 'pr_aggregate'
  | 'cl_aggregate'
  | 'pr_rating'
  | 'cl_rating'
  | 'status'
  | 'trend_arrow'
  | 'electoral_democracy_override'
>;

/**
 * The engine's input for a stored assessment: what `assess` from core needs
 * to derive every figure. This is the one place rows become domain input.
 * An assessment of another index than FIW's (its edition's methodology not
 * PR and CL) reads its scores in the methodology's codes, for `assessIndex`.
 */
export function assessmentInput(
  entityName: string,
  row: StoredAssessment,
  scores: readonly { code: string; value: number }[],
  methodology?: Methodology,
): AssessmentInput {
  const byCode = new Map(scores.map((s) => [s.code, s.value]));
  const pick = <K extends string>(codes: readonly K[]) =>
    Object.fromEntries(codes.filter((c) => byCode.has(c)).map((c) => [c, byCode.get(c)!])) as Record<K, number>;
  if (methodology && !hasPrClForm(methodology)) {
    const shape = shapeOf(methodology);
    return {
      entity: entityName,
      edition: row.edition,
      kind: row.kind,
      indicators: row.granularity === 'indicators' ? pick(shape.indicatorCodes) : null,
      subcategories: row.granularity === 'subcategories' ? pick(shape.subcategories.map((s) => s.code)) : null,
      discretionary: pick(methodology.discretionary.map((q) => q.code)),
      status: row.status,
      trendArrow: row.trend_arrow,
      electoralDemocracyOverride:
        row.electoral_democracy_override === null ? null : row.electoral_democracy_override === 1,
    };
  }
  return {
    entity: entityName,
    edition: row.edition,
    kind: row.kind,
    indicators: row.granularity === 'indicators' ? (pick(INDICATOR_CODES) as IndicatorScores) : null,
    subcategories: row.granularity === 'subcategories' ? (pick(SUBCATEGORY_CODES) as SubcategoryScores) : null,
    aggregates:
      row.granularity === 'aggregates' && row.pr_aggregate !== null && row.cl_aggregate !== null
        ? { pr: row.pr_aggregate, cl: row.cl_aggregate }
        : null,
    ratings:
      row.granularity === 'ratings' && row.pr_rating !== null && row.cl_rating !== null
        ? { pr: row.pr_rating, cl: row.cl_rating }
        : null,
    addQ: row.add_q,
    addA: row.add_a,
    status: row.status,
    trendArrow: row.trend_arrow,
    electoralDemocracyOverride:
      row.electoral_democracy_override === null ? null : row.electoral_democracy_override === 1,
  };
}
