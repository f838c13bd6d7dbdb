import { ratingFor } from '../methodology/bands.js';
import { LATEST_EDITION } from '../methodology/editions.js';
import { methodologyFor } from '../methodology/builtin.js';
import type { Methodology } from '../methodology/methodology.js';
import { CATEGORIES, SUBCATEGORIES } from '../methodology/structure.js';
import type { Changes } from '../scoring/change.js';
import { possibleStatuses } from '../scoring/status.js';
import { checkTrendArrow } from '../scoring/trend-arrow.js';
import { STATUS_NAMES, SUBCATEGORY_CODES, type Rating, type SubcategoryCode } from '../types.js';
import { formatScore } from './format.js';
import type { Report } from './model.js';

/** Where each figure was read: the keys listed on `parseReportDetailed`, to 1-based line numbers. */
export type FigureLines = Readonly<Record<string, number>>;

/** `unreadable` is for callers that add the parser's errors (a figure stated twice differently, out of range). */
export type FindingCode =
  'arithmetic' | 'rating-band' | 'freedom-rating' | 'status' | 'trend-arrow' | 'change' | 'unreadable';

/** One way a report disagrees with itself or with the methodology. */
export interface Finding {
  /** The line of the figure found wrong; null for a report without line information (e.g. built, not parsed). */
  line: number | null;
  code: FindingCode;
  message: string;
}

/**
 * Checks a report's figures against each other and against the engine's
 * rules for its edition: subcategories → aggregates → total, ratings against
 * the bands, the Freedom Rating, status against the ratings, stated changes
 * and the trend-arrow rule. Only what the report states is checked; a figure
 * it leaves out is worked out from the figures it does state where that is
 * plain arithmetic (a subcategory from all its indicators), never guessed.
 */
export function checkReport(report: Report, lines: FigureLines = {}, methodology?: Methodology): Finding[] {
  const m = methodology ?? methodologyFor(report.edition ?? LATEST_EDITION);
  const findings: Finding[] = [];
  const at = (...keys: string[]) => {
    for (const k of keys) if (lines[k] !== undefined) return lines[k]!;
    return null;
  };
  const add = (code: FindingCode, message: string, ...keys: string[]) =>
    findings.push({ line: at(...keys), code, message });
  const s = report.scores;

  // Subcategories from their indicators.
  const sub: Partial<Record<SubcategoryCode, number>> = {};
  for (const code of SUBCATEGORY_CODES) {
    const parts = SUBCATEGORIES[code].indicators.map((i) => s.indicators[i]);
    const sum = parts.every((p) => p !== undefined) ? parts.reduce<number>((a, b) => a + b!, 0) : null;
    if (s[code] !== null && sum !== null && s[code] !== sum)
      add('arithmetic', `${code} is ${s[code]}, but its indicators add up to ${sum}`, code);
    const value = s[code] ?? sum;
    if (value !== null) sub[code] = value;
  }

  // Aggregates from subcategories.
  const addA = m?.discretionary.addA ? (s.addA ?? 0) : 0;
  const abc = ['A', 'B', 'C'] as const;
  let pr = s.PR;
  if (abc.every((c) => sub[c] !== undefined)) {
    const sum = sub.A! + sub.B! + sub.C! - (s.addQ ?? 0) + addA;
    const parts = `A + B + C${s.addQ ? ` − Add Q (${s.addQ})` : ''}${addA ? ` + Add A (${addA})` : ''}`;
    if (pr !== null && pr !== sum)
      add(
        'arithmetic',
        `Political Rights is ${formatScore(pr)}, but ${parts} = ${formatScore(sum)}${s.addQ === null ? ' (no Add Q stated)' : ''}`,
        'PR',
      );
    pr ??= sum;
  }
  let cl = s.CL;
  if ((['D', 'E', 'F', 'G'] as const).every((c) => sub[c] !== undefined)) {
    const sum = sub.D! + sub.E! + sub.F! + sub.G!;
    if (cl !== null && cl !== sum) add('arithmetic', `Civil Liberties is ${cl}, but D + E + F + G = ${sum}`, 'CL');
    cl ??= sum;
  }
  if (pr !== null && cl !== null && s.total !== null && s.total !== pr + cl)
    add('arithmetic', `the total is ${formatScore(s.total)}, but PR + CL = ${formatScore(pr + cl)}`, 'total');
  if (pr !== null && pr > CATEGORIES.PR.max + addA)
    add('arithmetic', `Political Rights ${pr} is above its maximum of ${CATEGORIES.PR.max}`, 'PR');

  // Stated changes against the last-year line.
  const total = s.total ?? (pr !== null && cl !== null ? pr + cl : null);
  if (total !== null && report.lastYear.total !== null && report.changes.total !== null) {
    const diff = total - report.lastYear.total;
    if (diff !== report.changes.total)
      add(
        'change',
        `the total changed by ${diff} from last year's ${report.lastYear.total}, not ${report.changes.total}`,
        'Δtotal',
      );
  }

  if (!m) return findings;

  // Ratings against the bands, the Freedom Rating, status.
  const stated = report.ratings;
  const prRating = pr === null ? null : ratingFor(pr, m.prBands);
  const clRating = cl === null ? null : ratingFor(cl, m.clBands);
  if (stated.pr !== null && prRating !== null && stated.pr !== prRating)
    add(
      'rating-band',
      `a Political Rights score of ${formatScore(pr!)} gives a rating of ${prRating}, not ${stated.pr}`,
      'rating.pr',
    );
  if (stated.cl !== null && clRating !== null && stated.cl !== clRating)
    add('rating-band', `a Civil Liberties score of ${cl} gives a rating of ${clRating}, not ${stated.cl}`, 'rating.cl');
  const ratingPr = stated.pr ?? prRating;
  const ratingCl = stated.cl ?? clRating;
  const fr = ratingPr !== null && ratingCl !== null ? (ratingPr + ratingCl) / 2 : null;
  if (stated.freedom !== null && fr !== null && stated.freedom !== fr)
    add(
      'freedom-rating',
      `the Freedom Rating is ${stated.freedom.toFixed(1)}, but the ratings ${ratingPr} and ${ratingCl} average ${fr.toFixed(1)}`,
      'freedom',
    );
  const frForStatus = stated.freedom ?? fr;
  if (report.status !== null && frForStatus !== null) {
    const allowed = possibleStatuses(frForStatus, m.status);
    if (!allowed.includes(report.status))
      add(
        'status',
        `the status is ${STATUS_NAMES[report.status]}, but a Freedom Rating of ${frForStatus.toFixed(1)} is ${allowed.map((a) => STATUS_NAMES[a]).join(' or ')}`,
        'status',
      );
  }
  const steps = report.changes;
  if (steps.prRating && ratingPr !== null && steps.prRating.to !== ratingPr)
    add(
      'change',
      `the ratings change says political rights went to ${steps.prRating.to}, but the rating is ${ratingPr}`,
      'change.prRating',
    );
  if (steps.clRating && ratingCl !== null && steps.clRating.to !== ratingCl)
    add(
      'change',
      `the ratings change says civil liberties went to ${steps.clRating.to}, but the rating is ${ratingCl}`,
      'change.clRating',
    );
  if (steps.status && report.status !== null && steps.status.to !== report.status)
    add(
      'change',
      `the status change says ${STATUS_NAMES[steps.status.to]}, but the status is ${STATUS_NAMES[report.status]}`,
      'change.status',
    );

  // Trend arrow.
  if (report.trendArrow && report.edition !== null) {
    const totalChange =
      steps.total ?? (total !== null && report.lastYear.total !== null ? total - report.lastYear.total : null);
    const check = checkTrendArrow(report.trendArrow, arrowChanges(report, totalChange), m.trendArrow);
    if (check.valid === false)
      add('trend-arrow', `the ${report.trendArrow}ward trend arrow breaks the rule: ${check.reason}`, 'trendArrow');
  }
  return findings;
}

/**
 * The engine's change record as far as a report states it. A report states
 * every ratings change in its header notes, so a rating with no such note
 * is taken as unchanged; a total change that is not stated stays unknown.
 */
function arrowChanges(report: Report, total: number | null): Changes | null {
  const step = (s: { from: Rating; to: Rating } | null, current: Rating | null) =>
    s
      ? { from: s.from, to: s.to, direction: s.to < s.from ? ('improved' as const) : ('declined' as const) }
      : { from: current ?? 7, to: current ?? 7, direction: 'unchanged' as const };
  const c = report.changes;
  if (total === null && !c.prRating && !c.clRating && (report.edition ?? 0) >= 2018) return null;
  return {
    indicators: {},
    subcategories: {},
    addQ: null,
    pr: c.PR,
    cl: c.CL,
    total,
    prRating: step(c.prRating, report.ratings.pr),
    clRating: step(c.clRating, report.ratings.cl),
    freedomRating: 0,
    status: null,
  };
}
