import type { EntityKind, Granularity, Status, TrendArrow } from './types.js';

/**
 * What an analyst (or a published file) states about one entity in one
 * edition. Only the most detailed level present is used for scoring; the
 * other levels, when present, are stated figures that `check` compares.
 */
export interface AssessmentInput {
  entity: string;
  edition: number;
  kind?: EntityKind;
  /** Indicator scores by code (FIW: A1…G4; another methodology: its own codes). */
  indicators?: Partial<Record<string, number>> | null;
  /** Subcategory totals by code (FIW: A…G). */
  subcategories?: Partial<Record<string, number>> | null;
  /** PR and CL aggregates, the most detailed FH published for FIW 2003–2005. */
  aggregates?: { pr: number; cl: number } | null;
  /** Ethnic-composition question (Add B/Add Q), stored positive, subtracted. */
  addQ?: number | null;
  /** Monarchy question, added to PR; FIW 2017 and earlier only. */
  addA?: number | null;
  /** Answers to a methodology's other discretionary questions, by their code. */
  discretionary?: Partial<Record<string, number | null>> | null;
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
