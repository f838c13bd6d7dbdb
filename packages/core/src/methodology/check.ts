import { formatBand, type Band } from './bands.js';
import {
  ELECTORAL_DEMOCRACY_RULE_KINDS,
  STATUS_RULE_KINDS,
  TREND_ARROW_RULE_KINDS,
  type CategoryRule,
  type Methodology,
} from './methodology.js';
import { categoryMinimum } from './shape.js';

export type MethodologyProblemCode =
  | 'shape'
  | 'duplicate-code'
  | 'duplicate-edition'
  | 'missing-category'
  | 'missing-subcategory'
  | 'missing-indicator'
  | 'maximum-mismatch'
  | 'band-order'
  | 'band-gap'
  | 'band-overlap'
  | 'band-range'
  | 'unknown-rule'
  | 'unknown-code'
  | 'bad-range'
  | 'bad-threshold';

/** One thing wrong with a methodology file, at its JSON path (`$.categories[0].bands[2].min`). */
export interface MethodologyProblem {
  path: string;
  code: MethodologyProblemCode;
  message: string;
}

/** The best (1) to worst rating a category's bands can give: FIW's 1–7 and the stored ratings' limit. */
export const WORST_RATING = 7;

type Add = (path: string, code: MethodologyProblemCode, message: string) => void;

/**
 * What a well-shaped methodology still gets wrong: the checks a schema cannot
 * express. Every problem is reported, not just the first, each at its path,
 * so a file can be fixed in one pass. The shape itself (types, required
 * fields) is the contract's zod schema's job; this assumes it passed.
 */
export function methodologyProblems(m: Methodology): MethodologyProblem[] {
  const problems: MethodologyProblem[] = [];
  const add: Add = (path, code, message) => problems.push({ path, code, message });
  checkEditions(m, add);
  checkTree(m, add);
  m.categories.forEach((c, i) => checkBands(m, c, `$.categories[${i}]`, add));
  checkDiscretionary(m, add);
  checkRules(m, add);
  return problems;
}

function checkEditions(m: Methodology, add: Add): void {
  if (m.editions.length === 0) add('$.editions', 'bad-range', 'a methodology applies to at least one edition');
  const seen = new Set<number>();
  m.editions.forEach((e, i) => {
    if (seen.has(e)) add(`$.editions[${i}]`, 'duplicate-edition', `edition ${e} is listed twice`);
    seen.add(e);
  });
}

/** Codes unique across the whole file, nothing empty, and every maximum the sum of what it contains. */
function checkTree(m: Methodology, add: Add): void {
  const seen = new Map<string, string>();
  const code = (value: string, path: string) => {
    const first = seen.get(value);
    if (first) add(`${path}.code`, 'duplicate-code', `code "${value}" is used already at ${first}`);
    else seen.set(value, path);
  };
  if (m.categories.length === 0) add('$.categories', 'missing-category', 'a methodology needs at least one category');
  m.categories.forEach((c, ci) => {
    const cp = `$.categories[${ci}]`;
    code(c.code, cp);
    if (c.subcategories.length === 0)
      add(`${cp}.subcategories`, 'missing-subcategory', `category ${c.code} has no subcategories`);
    let categorySum = 0;
    c.subcategories.forEach((s, si) => {
      const sp = `${cp}.subcategories[${si}]`;
      code(s.code, sp);
      if (s.indicators.length === 0)
        add(`${sp}.indicators`, 'missing-indicator', `subcategory ${s.code} has no indicators`);
      let sum = 0;
      s.indicators.forEach((ind, ii) => {
        const ip = `${sp}.indicators[${ii}]`;
        code(ind.code, ip);
        if (!(Number.isInteger(ind.max) && ind.max >= 1))
          add(`${ip}.max`, 'bad-range', `indicator ${ind.code} must be scored 0 to a whole number of at least 1`);
        sum += ind.max;
      });
      if (s.indicators.length > 0 && s.max !== sum)
        add(
          `${sp}.max`,
          'maximum-mismatch',
          `subcategory ${s.code} has maximum ${s.max}, but its indicators' maxima add up to ${sum}`,
        );
      categorySum += s.max;
    });
    if (c.subcategories.length > 0 && c.max !== categorySum)
      add(
        `${cp}.max`,
        'maximum-mismatch',
        `category ${c.code} has maximum ${c.max}, but its subcategories' maxima add up to ${categorySum}`,
      );
  });
  m.discretionary.forEach((q, i) => code(q.code, `$.discretionary[${i}]`));
}

/**
 * Bands from rating 1 down, each starting one point below the one above, the
 * first reaching the category's maximum and the last its lowest score (or
 * open downwards), so every possible score has exactly one rating.
 */
function checkBands(m: Methodology, c: CategoryRule, cp: string, add: Add): void {
  const bp = `${cp}.bands`;
  const bands = c.bands;
  if (bands.length === 0) {
    add(bp, 'band-range', `category ${c.code} has no rating bands`);
    return;
  }
  if (bands.length > WORST_RATING)
    add(bp, 'band-range', `category ${c.code} has ${bands.length} bands; ratings run from 1 to ${WORST_RATING}`);
  bands.forEach((b, i) => {
    const at = `${bp}[${i}]`;
    if (b.rating !== i + 1)
      add(`${at}.rating`, 'band-order', `band ${i + 1} of ${c.code} must give rating ${i + 1}, not ${b.rating}`);
    if (b.min !== null && b.min > b.max)
      add(at, 'band-range', `band ${formatBand(b)} of ${c.code} is empty (its minimum is above its maximum)`);
    if (b.min === null && i < bands.length - 1)
      add(`${at}.min`, 'band-range', `only the last band of ${c.code} can be open downwards (min null)`);
    if (i === 0) {
      if (b.max < c.max)
        add(
          `${at}.max`,
          'band-gap',
          `scores ${b.max + 1}–${c.max} of ${c.code} are in no band: rating 1 must reach the maximum ${c.max}`,
        );
      else if (b.max > c.max)
        add(`${at}.max`, 'band-range', `band ${formatBand(b)} of ${c.code} reaches above its maximum of ${c.max}`);
      return;
    }
    const above: Band = bands[i - 1]!;
    if (above.min === null) return;
    if (b.max < above.min - 1)
      add(
        `${at}.max`,
        'band-gap',
        `scores ${b.max + 1}–${above.min - 1} of ${c.code} are in no band (between ratings ${above.rating} and ${b.rating})`,
      );
    else if (b.max >= above.min)
      add(
        `${at}.max`,
        'band-overlap',
        `scores ${above.min}–${b.max} of ${c.code} are in two bands (ratings ${above.rating} and ${b.rating})`,
      );
  });
  const last = bands[bands.length - 1]!;
  const lowest = categoryMinimum(m, c.code);
  if (last.min !== null && last.min > lowest)
    add(
      `${bp}[${bands.length - 1}].min`,
      'band-gap',
      `scores ${lowest}–${last.min - 1} of ${c.code} are in no band: the last band must reach ${lowest} or be open (min null)`,
    );
}

function checkDiscretionary(m: Methodology, add: Add): void {
  const categories = new Set(m.categories.map((c) => c.code));
  m.discretionary.forEach((q, i) => {
    const at = `$.discretionary[${i}]`;
    if (!categories.has(q.category))
      add(`${at}.category`, 'unknown-code', `${q.label} changes category "${q.category}", which is not in the file`);
    if (!(Number.isInteger(q.min) && Number.isInteger(q.max) && q.min >= 0 && q.min <= q.max))
      add(at, 'bad-range', `${q.label} must be answered with whole numbers, 0 ≤ min ≤ max (got ${q.min}–${q.max})`);
  });
}

const known = (kinds: readonly string[]) => kinds.map((k) => `"${k}"`).join(', ');

function checkRules(m: Methodology, add: Add): void {
  const worst = Math.max(1, ...m.categories.map((c) => c.bands.length));
  const s = m.status;
  if (!(STATUS_RULE_KINDS as readonly string[]).includes(s.kind))
    add('$.status.kind', 'unknown-rule', `unknown status rule "${s.kind}"; known: ${known(STATUS_RULE_KINDS)}`);
  else if (s.kind === 'freedom-rating' || s.kind === 'freedom-rating-with-raw-points') {
    if (!(s.freeMax >= 1 && s.freeMax < s.partlyFreeMax && s.partlyFreeMax < worst))
      add(
        '$.status',
        'bad-threshold',
        `the status thresholds must satisfy 1 ≤ freeMax < partlyFreeMax < ${worst} (the worst rating), got ${s.freeMax} and ${s.partlyFreeMax}`,
      );
  } else if (s.kind === 'total-score') {
    const max = m.categories.reduce((sum, c) => sum + c.max, 0);
    if (!(s.partlyFreeMin < s.freeMin && s.freeMin <= max))
      add(
        '$.status',
        'bad-threshold',
        `the status thresholds must satisfy partlyFreeMin < freeMin ≤ ${max} (the highest total), got ${s.partlyFreeMin} and ${s.freeMin}`,
      );
  }
  const e = m.electoralDemocracy;
  if (!(ELECTORAL_DEMOCRACY_RULE_KINDS as readonly string[]).includes(e.kind))
    add(
      '$.electoralDemocracy.kind',
      'unknown-rule',
      `unknown electoral-democracy rule "${e.kind}"; known: ${known(ELECTORAL_DEMOCRACY_RULE_KINDS)}`,
    );
  else if (e.kind === 'thresholds') {
    const codes = new Set(m.categories.flatMap((c) => [c.code, ...c.subcategories.map((x) => x.code)]));
    for (const code of Object.keys(e.minimums))
      if (!codes.has(code))
        add(
          `$.electoralDemocracy.minimums.${code}`,
          'unknown-code',
          `the electoral-democracy rule names "${code}", which is no category or subcategory of the file`,
        );
  }
  if (!(TREND_ARROW_RULE_KINDS as readonly string[]).includes(m.trendArrow.kind))
    add(
      '$.trendArrow.kind',
      'unknown-rule',
      `unknown trend-arrow rule "${m.trendArrow.kind}"; known: ${known(TREND_ARROW_RULE_KINDS)}`,
    );
}
