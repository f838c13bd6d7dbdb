import { ratingFor } from '../methodology/bands.js';
import type { Methodology } from '../methodology/methodology.js';
import { shapeOf } from '../methodology/shape.js';
import type { EntityKind, Granularity, Rating, Status } from '../types.js';
import { electoralDemocracy } from './electoral-democracy.js';
import { decideStatus } from './status.js';

/**
 * One assessment in any methodology's terms: scores keyed by the file's own
 * codes. The FIW form (`AssessmentInput`) is read into this by `assess`.
 */
export interface IndexInput {
  kind?: EntityKind;
  indicators?: Readonly<Record<string, number | null | undefined>> | null;
  subcategories?: Readonly<Record<string, number | null | undefined>> | null;
  /** Category scores alone (FH's FIW 2003–2005 data). */
  categories?: Readonly<Record<string, number>> | null;
  /** Category ratings alone (FH's data before FIW 2003). */
  ratings?: Readonly<Record<string, number>> | null;
  /** Answers to the discretionary questions, by their code. */
  discretionary?: Readonly<Record<string, number | null | undefined>> | null;
  status?: Status | null;
  electoralDemocracyOverride?: boolean | null;
}

export interface CategoryFigure {
  code: string;
  /** null for ratings-only data. */
  score: number | null;
  rating: Rating;
}

/** Everything the engine derives for one assessment, in the methodology's own codes. */
export interface IndexFigures {
  granularity: Granularity;
  subcategories: Record<string, number> | null;
  categories: CategoryFigure[];
  total: number | null;
  /** Mean of the category ratings (FIW's Freedom Rating: (PR rating + CL rating) / 2). */
  freedomRating: number;
  status: Status | null;
  statusBasis: 'rule' | 'stated' | 'undetermined';
  electoralDemocracy: boolean | null;
}

export function indexGranularity(input: IndexInput): Granularity | null {
  if (input.indicators) return 'indicators';
  if (input.subcategories) return 'subcategories';
  if (input.categories) return 'aggregates';
  if (input.ratings) return 'ratings';
  return null;
}

/**
 * The derivation for input already validated against `m`: indicators sum to
 * subcategories, subcategories and discretionary answers to categories, each
 * category's bands give its rating, the ratings' mean and the status rule give
 * the status. The same code scores FIW and any organisation's own index.
 */
export function computeIndexFigures(input: IndexInput, m: Methodology): IndexFigures {
  const granularity = indexGranularity(input)!;
  const shape = shapeOf(m);
  let subcategories: Record<string, number> | null = null;
  const categories: CategoryFigure[] = [];

  if (granularity === 'indicators' || granularity === 'subcategories') {
    subcategories = {};
    for (const s of shape.subcategories) {
      let sum = 0;
      if (granularity === 'indicators') for (const i of s.indicators) sum += input.indicators![i.code] ?? 0;
      else sum = input.subcategories![s.code] ?? 0;
      subcategories[s.code] = sum;
    }
  }
  for (const c of m.categories) {
    if (granularity === 'ratings') {
      categories.push({ code: c.code, score: null, rating: input.ratings![c.code] as Rating });
      continue;
    }
    let score: number;
    if (granularity === 'aggregates') score = input.categories![c.code]!;
    else {
      score = 0;
      for (const s of c.subcategories) score += subcategories![s.code]!;
      for (const q of m.discretionary) {
        if (q.category !== c.code) continue;
        const answer = input.discretionary?.[q.code] ?? 0;
        score += q.effect === 'adds' ? answer : -answer;
      }
    }
    categories.push({ code: c.code, score, rating: ratingFor(score, c.bands) });
  }

  let total: number | null = 0;
  let ratingSum = 0;
  for (const c of categories) {
    total = total === null || c.score === null ? null : total + c.score;
    ratingSum += c.rating;
  }
  const freedomRating = ratingSum / categories.length;
  const status = decideStatus(freedomRating, total, m.status, input.status);
  const scoreOf = (code: string): number | null =>
    subcategories?.[code] ?? categories.find((c) => c.code === code)?.score ?? null;
  return {
    granularity,
    subcategories,
    categories,
    total,
    freedomRating,
    status: status.status,
    statusBasis: status.basis,
    electoralDemocracy: electoralDemocracy(
      input.kind ?? 'country',
      scoreOf,
      m.electoralDemocracy,
      input.electoralDemocracyOverride,
    ),
  };
}
