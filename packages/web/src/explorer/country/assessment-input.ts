import { assess, type AssessmentInput, type EntityKind, type Scored } from '@freedom-ratings/core';
import type { Figures } from '../../api/client.js';

/**
 * Published figures back into what the engine scores: the most detailed
 * level the edition was published at, plus the stated status (which the
 * engine uses only where the edition's rule cannot decide it, as before FIW
 * 2004). The page then derives changes, layout and explanations with core,
 * exactly as the server does, instead of computing them itself.
 */
export function assessmentInputOf(entity: string, kind: EntityKind, edition: number, f: Figures): AssessmentInput {
  const base = { entity, edition, kind, status: f.status, trendArrow: f.trendArrow };
  switch (f.granularity) {
    case 'indicators':
      return { ...base, indicators: f.indicators, addQ: f.addQ, addA: f.addA };
    case 'subcategories':
      return { ...base, subcategories: f.subcategories, addQ: f.addQ, addA: f.addA };
    case 'aggregates':
      return { ...base, aggregates: { pr: f.pr!, cl: f.cl! } };
    case 'ratings':
      return {
        ...base,
        ratings: f.prRating !== null && f.clRating !== null ? { pr: f.prRating, cl: f.clRating } : null,
      };
  }
}

/** The engine's scoring of published figures, in the shape `compareWithPrevious` reads; null for an index not FIW's. */
export function scoredOf(entity: string, kind: EntityKind, edition: number, f: Figures): Scored | null {
  if (f.categories) return null;
  const input = assessmentInputOf(entity, kind, edition, f);
  const { figures } = assess(input);
  return figures ? { input, figures } : null;
}
