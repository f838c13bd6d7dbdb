import { ratingFor } from '../methodology/bands.js';
import { LATEST_EDITION } from '../methodology/editions.js';
import { methodologyFor } from '../methodology/builtin.js';
import type { Methodology } from '../methodology/methodology.js';
import type { Changes } from '../scoring/change.js';
import { civilLiberties, freedomRating, politicalRights, prAboveMaximum, subcategoryTotal } from '../scoring/score.js';
import { possibleStatuses } from '../scoring/status.js';
import { checkTrendArrow } from '../scoring/trend-arrow.js';
import { STATUS_NAMES, SUBCATEGORY_CODES, type Rating, type SubcategoryCode } from '../types.js';
import { formatScore } from './format.js';
import type { Report } from './model.js';
import { bandsOf, discretionaryQuestion } from '../methodology/shape.js';

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

/** A finding at the line of the first of `keys` the report has a line for. */
type Add = (code: FindingCode, message: string, ...keys: string[]) => void;

/** The figures a report states, with those it leaves out worked out wherever that is plain arithmetic. */
interface Worked {
  pr: number | null;
  cl: number | null;
  total: number | null;
}

/**
 * Checks a report's figures against each other and against the engine's
 * rules for its edition: subcategories → aggregates → total, ratings against
 * the bands, the Freedom Rating, status against the ratings, stated changes
 * and the trend-arrow rule. Only what the report states is checked; a figure
 * it leaves out is worked out from the figures it does state where that is
 * plain arithmetic (a subcategory from all its indicators), never guessed.
 * Every rule is the engine's own function, so a report is held to exactly
 * what `assess` would derive.
 */
export function checkReport(report: Report, lines: FigureLines = {}, methodology?: Methodology): Finding[] {
  const m = methodology ?? methodologyFor(report.edition ?? LATEST_EDITION);
  const findings: Finding[] = [];
  const add: Add = (code, message, ...keys) => {
    const key = keys.find((k) => lines[k] !== undefined);
    findings.push({ line: key === undefined ? null : lines[key]!, code, message });
  };
  const worked = checkArithmetic(report, m, add);
  const total = worked.total;
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
  const ratings = checkRatings(report, worked, m, add);
  checkStatedChanges(report, ratings, add);
  if (report.trendArrow && report.edition !== null) {
    const steps = report.changes;
    const totalChange =
      steps.total ?? (total !== null && report.lastYear.total !== null ? total - report.lastYear.total : null);
    const check = checkTrendArrow(report.trendArrow, arrowChanges(report, totalChange, m), m.trendArrow);
    if (check.valid === false)
      add('trend-arrow', `the ${report.trendArrow}ward trend arrow breaks the rule: ${check.reason}`, 'trendArrow');
  }
  return findings;
}

/** Subcategories from their indicators, PR and CL from the subcategories, the total from both, and PR's maximum. */
function checkArithmetic(report: Report, m: Methodology | undefined, add: Add): Worked {
  const s = report.scores;
  const sub: Partial<Record<SubcategoryCode, number>> = {};
  for (const code of SUBCATEGORY_CODES) {
    const sum = subcategoryTotal(code, s.indicators);
    if (s[code] !== null && sum !== null && s[code] !== sum)
      add('arithmetic', `${code} is ${s[code]}, but its indicators add up to ${sum}`, code);
    const value = s[code] ?? sum;
    if (value !== null) sub[code] = value;
  }

  let pr = s.PR;
  const { A, B, C, D, E, F, G } = sub;
  if (A !== undefined && B !== undefined && C !== undefined) {
    const hasAddA = m !== undefined && discretionaryQuestion(m, 'addA') !== null;
    const addA = hasAddA ? (s.addA ?? 0) : 0;
    const sum = politicalRights({ A, B, C }, s.addQ ?? 0, addA, hasAddA);
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
  if (D !== undefined && E !== undefined && F !== undefined && G !== undefined) {
    const sum = civilLiberties({ D, E, F, G });
    if (cl !== null && cl !== sum) add('arithmetic', `Civil Liberties is ${cl}, but D + E + F + G = ${sum}`, 'CL');
    cl ??= sum;
  }
  if (pr !== null && cl !== null && s.total !== null && s.total !== pr + cl)
    add('arithmetic', `the total is ${formatScore(s.total)}, but PR + CL = ${formatScore(pr + cl)}`, 'total');
  const overMaximum = prAboveMaximum(pr);
  if (overMaximum) add('arithmetic', overMaximum, 'PR');
  return { pr, cl, total: s.total ?? (pr !== null && cl !== null ? pr + cl : null) };
}

/** The ratings against the bands, the Freedom Rating against the ratings, the status against the Freedom Rating. */
function checkRatings(
  report: Report,
  worked: Worked,
  m: Methodology,
  add: Add,
): { pr: Rating | null; cl: Rating | null } {
  const { pr, cl } = worked;
  const stated = report.ratings;
  const prRating = pr === null ? null : ratingFor(pr, bandsOf(m, 'PR'));
  const clRating = cl === null ? null : ratingFor(cl, bandsOf(m, 'CL'));
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
  const fr = ratingPr !== null && ratingCl !== null ? freedomRating(ratingPr, ratingCl) : null;
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
  return { pr: ratingPr, cl: ratingCl };
}

/** The ratings and status changes the report's notes state, against the ratings and status it gives. */
function checkStatedChanges(report: Report, ratings: { pr: Rating | null; cl: Rating | null }, add: Add): void {
  const steps = report.changes;
  if (steps.prRating && ratings.pr !== null && steps.prRating.to !== ratings.pr)
    add(
      'change',
      `the ratings change says political rights went to ${steps.prRating.to}, but the rating is ${ratings.pr}`,
      'change.prRating',
    );
  if (steps.clRating && ratings.cl !== null && steps.clRating.to !== ratings.cl)
    add(
      'change',
      `the ratings change says civil liberties went to ${steps.clRating.to}, but the rating is ${ratings.cl}`,
      'change.clRating',
    );
  if (steps.status && report.status !== null && steps.status.to !== report.status)
    add(
      'change',
      `the status change says ${STATUS_NAMES[steps.status.to]}, but the status is ${STATUS_NAMES[report.status]}`,
      'change.status',
    );
}

/**
 * The engine's change record as far as a report states it. A report states
 * every ratings change in its header notes, so a rating with no such note
 * is taken as unchanged; a total change that is not stated stays unknown.
 */
function arrowChanges(report: Report, total: number | null, m: Methodology): Changes | null {
  const step = (s: { from: Rating; to: Rating } | null, current: Rating | null) =>
    s
      ? { from: s.from, to: s.to, direction: s.to < s.from ? ('improved' as const) : ('declined' as const) }
      : { from: current ?? 7, to: current ?? 7, direction: 'unchanged' as const };
  const c = report.changes;
  // A rule that asks for a score change cannot be checked without one.
  if (total === null && !c.prRating && !c.clRating && m.trendArrow.kind === 'net-score-change') return null;
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
