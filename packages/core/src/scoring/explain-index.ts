import { bandFor, bandOf, formatBand } from '../methodology/bands.js';
import type { Methodology } from '../methodology/methodology.js';
import { STATUS_NAMES, type Rating } from '../types.js';
import type { IndexFigures } from './index-figures.js';

/** The figures of an index that is not FIW's, in words: what `explain` says of PR and CL, for any categories. */
export interface IndexExplanation {
  /** One sentence per category scored: its band and the points to the neighbouring ratings. */
  categories: string[];
  status: string;
  electoralDemocracy: string;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * States the band each category fell in, the distances to the next better and
 * worse rating, and the status rule applied, for a methodology of any shape
 * (five categories, 0–10 scales, a status from the total score).
 */
export function explainIndex(f: IndexFigures, m: Methodology): IndexExplanation {
  const categories: string[] = [];
  for (const [i, c] of m.categories.entries()) {
    const score = f.categories[i]?.score;
    if (score === null || score === undefined) continue;
    const band = bandFor(score, c.bands);
    const better = band.rating > 1 ? bandOf((band.rating - 1) as Rating, c.bands) : undefined;
    const worse = bandOf((band.rating + 1) as Rating, c.bands);
    const parts = [
      better?.min != null ? `${plural(better.min - score, 'point')} from rating ${better.rating}` : 'best rating',
      worse ? `${plural(score - worse.max, 'point')} from rating ${worse.rating}` : 'worst rating',
    ];
    categories.push(
      `${c.name} (${c.code}) ${score} of ${c.max} → rating ${band.rating} (${formatBand(band)}); ${parts.join(', ')}`,
    );
  }
  return { categories, status: statusText(f, m), electoralDemocracy: electoralDemocracyText(f, m) };
}

function statusText(f: IndexFigures, m: Methodology): string {
  const fr = f.freedomRating.toFixed(1);
  if (f.status === null) return `status not decidable in ${m.name}`;
  const name = STATUS_NAMES[f.status];
  if (f.statusBasis === 'stated') return `${name}: as stated (${m.name} decides no status by rule here)`;
  const rule = m.status;
  const max = m.categories.reduce((sum, c) => sum + c.max, 0);
  if (rule.kind === 'total-score')
    return `${name} (total ${f.total} of ${max}; Free from ${rule.freeMin}, Partly Free from ${rule.partlyFreeMin})`;
  if (rule.kind === 'freedom-rating' || rule.kind === 'freedom-rating-with-raw-points')
    return `${name} (mean rating ${fr}; Free to ${rule.freeMax}, Partly Free to ${rule.partlyFreeMax})`;
  return name;
}

function electoralDemocracyText(f: IndexFigures, m: Methodology): string {
  const rule = m.electoralDemocracy;
  if (rule.kind === 'undetermined') return `Electoral democracy: undetermined. ${rule.note}`;
  if (f.electoralDemocracy === null)
    return 'Electoral democracy: not applicable or not computable (needs a country and subcategory scores)';
  const scoreOf = (code: string) =>
    f.subcategories?.[code] ?? f.categories[m.categories.findIndex((c) => c.code === code)]?.score ?? null;
  const criteria = Object.entries(rule.minimums).map(([code, min]) => `${code} ${scoreOf(code)} (needs ≥ ${min})`);
  return `Electoral democracy: ${f.electoralDemocracy ? 'yes' : 'no'}; ${criteria.join(', ')}`;
}
