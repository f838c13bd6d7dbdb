import { addAEliminatedIn } from '../methodology/add-a.js';
import { editionInfo } from '../methodology/editions.js';
import type { Methodology } from '../methodology/methodology.js';
import { categoryMinimum, shapeOf, type MethodologyShape } from '../methodology/shape.js';
import { DISCRETIONARY_MAX } from '../methodology/structure.js';
import { granularityOf, type AssessmentInput } from '../assessment-input.js';
import { STATUSES } from '../types.js';
import { problemPath, type Problem, type ProblemCode } from './problem.js';

/** The lowest FIW PR aggregate possible: all indicators 0 and the full Add Q deduction. */
export const PR_MIN = -DISCRETIONARY_MAX;

const isIntIn = (v: unknown, min: number, max: number): v is number =>
  typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;

/**
 * The common case in one tight loop: every indicator present as a whole
 * number within its range and nothing else. Bulk checks score thousands of
 * rows in a process that lives a fraction of a second, so this runs mostly
 * unoptimised.
 */
function allIndicatorsValid(ind: Record<string, unknown>, shape: MethodologyShape): boolean {
  const codes = shape.indicatorCodes;
  for (let k = 0; k < codes.length; k++) {
    const v = ind[codes[k]!] as number;
    if (!(v >= 0 && v <= shape.indicatorMax[k]! && (v | 0) === v)) return false;
  }
  return Object.keys(ind).length === codes.length;
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

  unknownKeys(scores: object, known: readonly string[], what: string): void {
    const keys = Object.keys(scores);
    if (keys.length <= known.length && keys.every((k) => known.includes(k))) return;
    for (const key of keys) if (!known.includes(key)) this.add(key, 'unknown-field', `${key} is not ${what}`);
  }
}

const list = (codes: readonly string[]) =>
  codes.length > 2 ? `${codes[0]}–${codes[codes.length - 1]}` : codes.join(', ');

/**
 * Collects every problem with an assessment rather than stopping at the first,
 * so an analyst (or a file check) sees them all at once. Codes, maxima and
 * discretionary questions are the methodology's own.
 */
export function validateAssessment(input: AssessmentInput, methodology: Methodology | undefined): Problem[] {
  const c = new Collector(input);
  if (!methodology) {
    c.add('edition', 'unknown-edition', `unknown edition ${JSON.stringify(input.edition)}`);
    return c.problems;
  }
  const shape = shapeOf(methodology);
  if (!shape.prCl) {
    c.add(
      'methodology',
      'unsupported-methodology',
      `${methodology.name} has categories ${methodology.categories.map((x) => x.code).join(', ')}; the FIW form needs PR and CL (score it with scoreIndex)`,
    );
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

  if (input.indicators && !allIndicatorsValid(input.indicators as Record<string, unknown>, shape)) {
    const ind = input.indicators as Record<string, unknown>;
    for (const i of shape.indicators) c.integer(i.code, ind[i.code], 0, i.max, granularity === 'indicators');
    c.unknownKeys(ind, shape.indicatorCodes, `an indicator (${list(shape.indicatorCodes)})`);
  }
  if (input.subcategories) {
    const sub = input.subcategories as Record<string, unknown>;
    for (const s of shape.subcategories)
      c.integer(s.code, sub[s.code], 0, s.max, granularity === 'subcategories', s.max);
    const codes = shape.subcategories.map((s) => s.code);
    c.unknownKeys(sub, codes, `a subcategory (${list(codes)})`);
  }
  if (input.aggregates && granularity === 'aggregates') {
    const cl = methodology.categories[1]!;
    // Above PR's maximum is the engine's warning on the derived PR (`prAboveMaximum`), whatever the granularity.
    c.integer('PR', input.aggregates.pr, categoryMinimum(methodology, 'PR'), Number.POSITIVE_INFINITY, true);
    c.integer('CL', input.aggregates.cl, categoryMinimum(methodology, 'CL'), cl.max, true, cl.max);
  }

  discretionaryAnswers(c, input, methodology);

  if (input.ratings) {
    const [pr, cl] = methodology.categories.map((x) => x.bands.length);
    c.integer('PR rating', input.ratings.pr, 1, pr!, granularity === 'ratings');
    c.integer('CL rating', input.ratings.cl, 1, cl!, granularity === 'ratings');
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

/** Add Q and Add A (FIW's own fields) and any other question's answer, each within its question's range. */
function discretionaryAnswers(c: Collector, input: AssessmentInput, m: Methodology): void {
  const byCode = new Map(m.discretionary.map((q) => [q.code, q]));
  const addQ = byCode.get('addQ');
  c.integer(addQ?.label ?? 'Add Q', input.addQ, addQ?.min ?? 0, addQ?.max ?? DISCRETIONARY_MAX, false);
  if (input.addA !== undefined && input.addA !== null) {
    const addA = byCode.get('addA');
    if (!addA) {
      if (input.addA !== 0) {
        const since = m.scored && m.id.startsWith('fiw-') ? ` in FIW ${addAEliminatedIn()}` : '';
        c.add('Add A', 'add-a-eliminated', `Add A was eliminated${since}; ${m.name} cannot have it`);
      }
    } else {
      c.integer(addA.label, input.addA, addA.min, addA.max, false);
    }
  }
  for (const [code, value] of Object.entries(input.discretionary ?? {})) {
    const q = byCode.get(code);
    if (!q) c.add(code, 'unknown-field', `${code} is not a discretionary question of ${m.name}`);
    else if (code !== 'addQ' && code !== 'addA') c.integer(q.label, value, q.min, q.max, false);
  }
}
