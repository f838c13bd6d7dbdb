import type { EntityKind, Granularity, IndicatorScores, Status, SubcategoryScores, TrendArrow } from './types.js';

/**
 * What an analyst (or a published file) states about one entity in one
 * edition. Only the most detailed level present is used for scoring; the
 * other levels, when present, are stated figures that `check` compares.
 */
export interface AssessmentInput {
  entity: string;
  edition: number;
  kind?: EntityKind;
  indicators?: Partial<IndicatorScores> | null;
  subcategories?: Partial<SubcategoryScores> | null;
  /** PR and CL aggregates, the most detailed FH published for FIW 2003–2005. */
  aggregates?: { pr: number; cl: number } | null;
  /** Ethnic-composition question (Add B/Add Q), stored positive, subtracted. */
  addQ?: number | null;
  /** Monarchy question, added to PR; FIW 2017 and earlier only. */
  addA?: number | null;
  /** 1–7 ratings; the source of truth only for ratings-only assessments. */
  ratings?: { pr: number; cl: number } | null;
  /** A stated status, used where the edition's rule cannot decide it. */
  status?: Status | null;
  trendArrow?: TrendArrow | null;
  /** A manual decision on the qualitative electoral-democracy conditions. */
  electoralDemocracyOverride?: boolean | null;
}

export function granularityOf(input: AssessmentInput): Granularity | null {
  if (input.indicators) return 'indicators';
  if (input.subcategories) return 'subcategories';
  if (input.aggregates) return 'aggregates';
  if (input.ratings) return 'ratings';
  return null;
}
