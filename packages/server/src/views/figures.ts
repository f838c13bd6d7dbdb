import { compareWithPrevious, type Changes } from '@freedom-ratings/core';
import type { z } from 'zod';
import type { changeSchema, figuresSchema } from '@freedom-ratings/contract';
import type { ScoredAssessment } from '@freedom-ratings/db';

export type Figures = z.output<typeof figuresSchema>;
export type Change = z.output<typeof changeSchema>;

/** The derived figures of a scorable assessment in the API's shape; null when the engine could not score it. */
export function figuresOf(s: ScoredAssessment): Figures | null {
  if (s.index) return indexFiguresOf(s);
  const f = s.assessed.figures;
  if (!f) return null;
  const indicators = s.input.indicators;
  return {
    granularity: f.granularity,
    status: f.status,
    prRating: f.prRating,
    clRating: f.clRating,
    freedomRating: f.freedomRating,
    pr: f.pr,
    cl: f.cl,
    total: f.total,
    subcategories: f.subcategories ? { ...f.subcategories } : null,
    indicators: f.granularity === 'indicators' && indicators ? (indicators as Figures['indicators']) : null,
    addQ: s.input.addQ ?? null,
    addA: s.input.addA ?? null,
    trendArrow: s.input.trendArrow ?? null,
    electoralDemocracy: f.electoralDemocracy,
    categories: null,
  };
}

/**
 * The figures of an assessment of another index than FIW's, from the general
 * engine (`assessIndex`): its categories in the methodology's codes and order,
 * and none of FIW's PR and CL fields.
 */
function indexFiguresOf(s: ScoredAssessment): Figures | null {
  const f = s.index?.figures;
  const m = s.methodology;
  if (!f || !m) return null;
  const indicators = s.input.indicators ?? {};
  return {
    granularity: f.granularity,
    status: f.status,
    prRating: null,
    clRating: null,
    freedomRating: f.freedomRating,
    pr: null,
    cl: null,
    total: f.total,
    subcategories: null,
    indicators: null,
    addQ: null,
    addA: null,
    trendArrow: s.input.trendArrow ?? null,
    electoralDemocracy: f.electoralDemocracy,
    categories: m.categories.map((c, i) => ({
      code: c.code,
      name: c.name,
      score: f.categories[i]!.score,
      max: c.max,
      rating: f.categories[i]!.rating,
      subcategories: c.subcategories.map((sub) => ({
        code: sub.code,
        name: sub.name,
        score: f.subcategories?.[sub.code] ?? null,
        max: sub.max,
        indicators: sub.indicators.map((ind) => ({
          code: ind.code,
          name: ind.title,
          score: indicators[ind.code] ?? null,
          max: ind.max,
        })),
      })),
    })),
  };
}

/** The engine's comparison with the previous edition, or null without one (or without figures). */
export function changesOf(current: ScoredAssessment, previous: ScoredAssessment | undefined): Changes | null {
  if (!previous || !current.assessed.figures || !previous.assessed.figures) return null;
  return compareWithPrevious(
    { input: current.input, figures: current.assessed.figures },
    { input: previous.input, figures: previous.assessed.figures },
  );
}

export function changeOf(current: ScoredAssessment, previous: ScoredAssessment | undefined): Change | null {
  const c = changesOf(current, previous);
  if (!c || !previous) return null;
  return {
    fromEdition: previous.row.edition,
    pr: c.pr,
    cl: c.cl,
    total: c.total,
    freedomRating: c.freedomRating,
    prRating: c.prRating.direction,
    clRating: c.clRating.direction,
    status: c.status,
    indicators: c.indicators as Record<string, number>,
    subcategories: c.subcategories as Record<string, number>,
  };
}
