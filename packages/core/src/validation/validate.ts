import { addAEliminatedIn } from '../methodology/add-a.js';
import { editionInfo } from '../methodology/editions.js';
import type { Methodology } from '../methodology/methodology.js';
import { CATEGORIES, DISCRETIONARY_MAX, INDICATOR_MAX, SUBCATEGORIES } from '../methodology/structure.js';
import { granularityOf, type AssessmentInput } from '../assessment-input.js';
import { INDICATOR_CODES, STATUSES, SUBCATEGORY_CODES } from '../types.js';
import { problemPath, type Problem, type ProblemCode } from './problem.js';

/** The lowest PR aggregate possible: all indicators 0 and the full Add Q deduction. */
export const PR_MIN = -DISCRETIONARY_MAX;

const INDICATOR_SET: ReadonlySet<string> = new Set(INDICATOR_CODES);
const SUBCATEGORY_SET: ReadonlySet<string> = new Set(SUBCATEGORY_CODES);

const isIntIn = (v: unknown, min: number, max: number): v is number =>
  typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;

/**
 * The common case in one tight loop: all 25 indicators present as integers
 * 0–4 and nothing else. Bulk checks score thousands of rows in a process that
 * lives a fraction of a second, so this runs mostly unoptimised.
 */
function allIndicatorsValid(ind: Record<string, unknown>): boolean {
  for (let k = 0; k < INDICATOR_CODES.length; k++) {
    const v = ind[INDICATOR_CODES[k]!] as number;
    if (!(v >= 0 && v <= INDICATOR_MAX && (v | 0) === v)) return false;
  }
  return Object.keys(ind).length === INDICATOR_CODES.length;
}

/** Collects problems for one assessment; paths are built only when a problem is found. */
class Collector {
  readonly problems: Problem[] = [];
  constructor(private readonly input: AssessmentInput) {}

  add(field: string, code: ProblemCode, message: string, severity: Problem['severity'] = 'error'): void {
    const label = editionInfo(this.input.edition)?.label ?? String(this.input.edition);
    this.problems.push({ path: problemPath(this.input.entity, label, field), field, code, message, severity });
  }

  /** An integer field in [min, max]; above `warnAbove` it is a warning (a published figure beyond the methodology). */
  integer(field: string, value: unknown, min: number, max: number, required: boolean, warnAbove?: number): void {
    if (isIntIn(value, min, max)) return;
    if (value === undefined || value === null) {
      if (required) this.add(field, 'missing', `${field} is missing`);
    } else if (typeof value !== 'number' || !Number.isInteger(value)) {
      this.add(field, 'not-integer', `${field} must be a whole number, got ${JSON.stringify(value)}`);
    } else if (warnAbove !== undefined && value > warnAbove) {
      this.add(field, 'exceeds-maximum', `${field} is ${value}, above its maximum of ${warnAbove}`, 'warning');
    } else {
      const range = max === Number.POSITIVE_INFINITY ? `at least ${min}` : `${min}–${max}`;
      this.add(field, 'out-of-range', `${field} must be ${range}, got ${value}`);
    }
  }

  unknownKeys(scores: object, known: ReadonlySet<string>, expected: number, what: string): void {
    const keys = Object.keys(scores);
    if (keys.length <= expected && keys.every((k) => known.has(k))) return;
    for (const key of keys) if (!known.has(key)) this.add(key, 'unknown-field', `${key} is not ${what}`);
  }
}

/**
 * Collects every problem with an assessment rather than stopping at the first,
 * so an analyst (or a file check) sees them all at once.
 */
export function validateAssessment(input: AssessmentInput, methodology: Methodology | undefined): Problem[] {
  const c = new Collector(input);
  if (!methodology) {
    c.add('edition', 'unknown-edition', `unknown edition ${JSON.stringify(input.edition)}`);
    return c.problems;
  }
  const granularity = granularityOf(input);
  if (!granularity) {
    c.add('scores', 'no-scores', 'no indicator, subcategory, aggregate or rating scores given');
    return c.problems;
  }
  if (!methodology.scored && granularity !== 'ratings') {
    c.add(
      granularity,
      'not-scored-edition',
      `${methodology.name} predates the 25-indicator checklist; only ratings can be recorded`,
    );
  }

  if (input.indicators && !allIndicatorsValid(input.indicators as Record<string, unknown>)) {
    const ind = input.indicators as Record<string, unknown>;
    for (const code of INDICATOR_CODES) c.integer(code, ind[code], 0, INDICATOR_MAX, granularity === 'indicators');
    c.unknownKeys(ind, INDICATOR_SET, INDICATOR_CODES.length, 'an indicator (A1–G4)');
  }
  if (input.subcategories) {
    const sub = input.subcategories as Record<string, unknown>;
    for (const code of SUBCATEGORY_CODES) {
      const max = SUBCATEGORIES[code].max;
      c.integer(code, sub[code], 0, max, granularity === 'subcategories', max);
    }
    c.unknownKeys(sub, SUBCATEGORY_SET, SUBCATEGORY_CODES.length, 'a subcategory (A–G)');
  }
  if (input.aggregates && granularity === 'aggregates') {
    // Above 40 is the engine's warning on the derived PR (`prAboveMaximum`), whatever the granularity.
    c.integer('PR', input.aggregates.pr, PR_MIN, Number.POSITIVE_INFINITY, true);
    c.integer('CL', input.aggregates.cl, 0, CATEGORIES.CL.max, true, CATEGORIES.CL.max);
  }

  c.integer(methodology.discretionary.addQ?.label ?? 'Add Q', input.addQ, 0, DISCRETIONARY_MAX, false);
  if (input.addA !== undefined && input.addA !== null) {
    if (!methodology.discretionary.addA) {
      if (input.addA !== 0)
        c.add(
          'Add A',
          'add-a-eliminated',
          `Add A was eliminated in FIW ${addAEliminatedIn()}; ${methodology.name} cannot have it`,
        );
    } else {
      c.integer('Add A', input.addA, 0, DISCRETIONARY_MAX, false);
    }
  }

  if (input.ratings) {
    c.integer('PR rating', input.ratings.pr, 1, 7, granularity === 'ratings');
    c.integer('CL rating', input.ratings.cl, 1, 7, granularity === 'ratings');
  }
  if (input.status != null && !STATUSES.includes(input.status)) {
    c.add('Status', 'out-of-range', `status must be F, PF or NF, got ${JSON.stringify(input.status)}`);
  }
  if (input.trendArrow != null && input.trendArrow !== 'up' && input.trendArrow !== 'down') {
    c.add(
      'Trend arrow',
      'out-of-range',
      `trend arrow must be "up", "down" or null, got ${JSON.stringify(input.trendArrow)}`,
    );
  }
  return c.problems;
}
