import { bandFor, bandOf, formatBand, type Band, type BandTable } from '../methodology/bands.js';
import type { Methodology } from '../methodology/methodology.js';
import {
  STATUS_NAMES,
  STATUS_RANK,
  type CategoryCode,
  type Rating,
  type Status,
  type SubcategoryCode,
} from '../types.js';
import type { DerivedFigures } from './assessment.js';
import { statusByRating } from './status.js';
import { bandsOf } from '../methodology/shape.js';

export interface RatingStep {
  rating: Rating;
  /** Points to gain (towards a better rating) or to lose (towards a worse one). */
  points: number;
}

export interface RatingExplanation {
  category: CategoryCode;
  score: number;
  rating: Rating;
  band: Band;
  better: RatingStep | null;
  worse: RatingStep | null;
  text: string;
}

export interface StatusStep {
  status: Status;
  /** Each way to get there by moving one aggregate alone (empty when it takes both). */
  via: { category: CategoryCode; points: number; rating: Rating }[];
}

export interface StatusExplanation {
  status: Status | null;
  freedomRating: number;
  better: StatusStep | null;
  worse: StatusStep | null;
  text: string;
}

export interface Explanation {
  pr: RatingExplanation | null;
  cl: RatingExplanation | null;
  status: StatusExplanation;
  electoralDemocracy: string;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Where a score sits in its band and how far it is from the neighbouring ratings. */
export function explainRating(category: CategoryCode, score: number, bands: BandTable): RatingExplanation {
  const band = bandFor(score, bands);
  const betterBand = band.rating > 1 ? bandOf((band.rating - 1) as Rating, bands) : undefined;
  const worseBand = band.rating < 7 ? bandOf((band.rating + 1) as Rating, bands) : undefined;
  const better = betterBand?.min != null ? { rating: betterBand.rating, points: betterBand.min - score } : null;
  const worse = worseBand ? { rating: worseBand.rating, points: score - worseBand.max } : null;
  const parts = [
    better ? `${plural(better.points, 'point')} from rating ${better.rating}` : 'best rating',
    worse ? `${plural(worse.points, 'point')} from rating ${worse.rating}` : 'worst rating',
  ];
  return {
    category,
    score,
    rating: band.rating,
    band,
    better,
    worse,
    text: `${category} ${score} → rating ${band.rating} (${formatBand(band)}); ${parts.join(', ')}`,
  };
}

function statusSteps(f: DerivedFigures, m: Methodology, direction: 'better' | 'worse'): StatusStep | null {
  const rule = m.status;
  if (rule.kind !== 'freedom-rating' || f.status === null || f.pr === null || f.cl === null) return null;
  const current = STATUS_RANK[f.status];
  const target = direction === 'better' ? current - 1 : current + 1;
  if (target < 0 || target > 2) return null;
  const via: StatusStep['via'] = [];
  const status = (['F', 'PF', 'NF'] as const)[target]!;
  for (const [category, score, rating, other, bands] of [
    ['PR', f.pr, f.prRating, f.clRating, bandsOf(m, 'PR')],
    ['CL', f.cl, f.clRating, f.prRating, bandsOf(m, 'CL')],
  ] as const) {
    const step = direction === 'better' ? -1 : 1;
    for (let r = rating + step; r >= 1 && r <= 7; r += step) {
      const s = statusByRating((r + other) / 2, rule.freeMax, rule.partlyFreeMax);
      if (STATUS_RANK[s] === target) {
        const band = bandOf(r as Rating, bands)!;
        const points = direction === 'better' ? band.min! - score : score - band.max;
        via.push({ category, points, rating: r as Rating });
        break;
      }
    }
  }
  return { status, via };
}

function describeStep(step: StatusStep, verb: string, sign: string): string {
  if (step.via.length === 0) return `${STATUS_NAMES[step.status]} only if both ratings change`;
  const ways = step.via.map((v) => `${v.category} ${sign}${v.points} (to rating ${v.rating})`);
  return `${STATUS_NAMES[step.status]} ${verb} ${ways.join(' or ')}`;
}

export function explainStatus(f: DerivedFigures, m: Methodology): StatusExplanation {
  const fr = f.freedomRating.toFixed(1);
  const better = statusSteps(f, m, 'better');
  const worse = statusSteps(f, m, 'worse');
  let text: string;
  if (f.status === null) {
    text = `Freedom Rating ${fr}: status not decidable from ratings alone in ${m.name}`;
  } else {
    const head = `${STATUS_NAMES[f.status]} (Freedom Rating ${fr} = (${f.prRating} + ${f.clRating}) / 2)`;
    if (f.statusBasis === 'stated') {
      text = `${head}; status as stated, since ${m.name} decided it on raw points`;
    } else {
      const tail = [better && describeStep(better, 'needs', '+'), worse && describeStep(worse, 'after', '−')];
      text = [head, ...tail.filter(Boolean)].join('; ');
    }
  }
  return { status: f.status, freedomRating: f.freedomRating, better, worse, text };
}

function explainElectoralDemocracy(f: DerivedFigures, m: Methodology): string {
  const rule = m.electoralDemocracy;
  if (rule.kind === 'undetermined') return `Electoral democracy: undetermined. ${rule.note}`;
  if (f.electoralDemocracy === null)
    return 'Electoral democracy: not applicable or not computable (needs a country and subcategory scores)';
  const scoreOf = (code: string) =>
    code === 'PR' ? f.pr : code === 'CL' ? f.cl : (f.subcategories?.[code as SubcategoryCode] ?? null);
  const criteria = Object.entries(rule.minimums).map(([code, min]) => `${code} ${scoreOf(code)} (needs ≥ ${min})`);
  return `Electoral democracy: ${f.electoralDemocracy ? 'yes' : 'no'}; ${criteria.join(', ')}`;
}

/** A plain-language account of every derived figure: the band, the distances, the rule applied. */
export function explain(f: DerivedFigures, m: Methodology): Explanation {
  return {
    pr: f.pr === null ? null : explainRating('PR', f.pr, bandsOf(m, 'PR')),
    cl: f.cl === null ? null : explainRating('CL', f.cl, bandsOf(m, 'CL')),
    status: explainStatus(f, m),
    electoralDemocracy: explainElectoralDemocracy(f, m),
  };
}
