import { INDICATORS } from '../methodology/structure.js';
import { INDICATOR_CODES, STATUSES, SUBCATEGORY_CODES, type IndicatorCode, type Status } from '../types.js';
import { emptyReport, SCORE_KEYS, type IndicatorNarrative, type Report, type ReportRatingChange } from './model.js';

export interface ReportFromJson {
  report: Report | null;
  /** Each problem with its path in the JSON, e.g. "scores.A: expected a whole number or null". */
  errors: string[];
}

/**
 * Reads a report from parsed JSON (what `fiw report parse` prints, or a
 * hand-written one). Keys that are missing read as "not stated"; a key with
 * a value of the wrong type is an error, and no report is returned.
 */
export function reportFromJson(value: unknown): ReportFromJson {
  const errors: string[] = [];
  const r = emptyReport();
  if (!isObject(value)) return { report: null, errors: ['the top level must be an object (a report)'] };
  const v = value;

  r.entity = text(v.entity, 'entity', errors);
  const kind = v.kind;
  if (kind !== undefined && kind !== null && kind !== 'country' && kind !== 'territory')
    errors.push('kind: expected "country", "territory" or null');
  else r.kind = (kind as Report['kind']) ?? null;
  r.edition = integer(v.edition, 'edition', errors, 1973, 2100);
  r.status = status(v.status, 'status', errors);

  const ratings = object(v.ratings, 'ratings', errors);
  r.ratings.pr = integer(ratings.pr, 'ratings.pr', errors, 1, 7) as Report['ratings']['pr'];
  r.ratings.cl = integer(ratings.cl, 'ratings.cl', errors, 1, 7) as Report['ratings']['cl'];
  const fr = number(ratings.freedom, 'ratings.freedom', errors);
  if (fr !== null && (fr < 1 || fr > 7 || (fr * 2) % 1 !== 0)) errors.push('ratings.freedom: expected 1.0, 1.5, … 7.0');
  else r.ratings.freedom = fr;

  const scores = object(v.scores, 'scores', errors);
  for (const k of SCORE_KEYS) r.scores[k] = integer(scores[k], `scores.${k}`, errors, -10, 100);
  r.scores.addQ = integer(scores.addQ, 'scores.addQ', errors, 0, 4);
  r.scores.addA = integer(scores.addA, 'scores.addA', errors, 0, 4);
  r.scores.indicators = indicatorMap(scores.indicators, 'scores.indicators', errors, 0, INDICATORS.A1.max);

  const changes = object(v.changes, 'changes', errors);
  for (const k of SCORE_KEYS) r.changes[k] = integer(changes[k], `changes.${k}`, errors, -100, 100);
  r.changes.indicators = indicatorMap(changes.indicators, 'changes.indicators', errors, -4, 4);
  r.changes.prRating = ratingStep(changes.prRating, 'changes.prRating', errors);
  r.changes.clRating = ratingStep(changes.clRating, 'changes.clRating', errors);
  const st = object(changes.status, 'changes.status', errors, true);
  if (changes.status !== null && changes.status !== undefined) {
    const from = status(st.from, 'changes.status.from', errors);
    const to = status(st.to, 'changes.status.to', errors);
    r.changes.status = from && to ? { from, to } : null;
  }

  const last = object(v.lastYear, 'lastYear', errors);
  r.lastYear = {
    total: integer(last.total, 'lastYear.total', errors, -10, 100),
    status: status(last.status, 'lastYear.status', errors),
  };
  const arrow = v.trendArrow;
  if (arrow !== undefined && arrow !== null && arrow !== 'up' && arrow !== 'down')
    errors.push('trendArrow: expected "up", "down" or null');
  else r.trendArrow = (arrow as Report['trendArrow']) ?? null;

  const statements = object(v.statements, 'statements', errors);
  for (const k of ['trendArrow', 'ratingsChange', 'statusChange', 'note'] as const)
    r.statements[k] = text(statements[k], `statements.${k}`, errors);
  r.overview = texts(v.overview, 'overview', errors);
  r.keyDevelopments = texts(v.keyDevelopments, 'keyDevelopments', errors);

  const narrative = object(v.narrative, 'narrative', errors);
  const subs = object(narrative.subcategories, 'narrative.subcategories', errors);
  for (const [k, p] of Object.entries(subs)) {
    if (!(SUBCATEGORY_CODES as readonly string[]).includes(k))
      errors.push(`narrative.subcategories.${k}: unknown subcategory`);
    else
      r.narrative.subcategories[k as (typeof SUBCATEGORY_CODES)[number]] = texts(
        p,
        `narrative.subcategories.${k}`,
        errors,
      );
  }
  const inds = object(narrative.indicators, 'narrative.indicators', errors);
  for (const [k, n] of Object.entries(inds)) {
    if (!(INDICATOR_CODES as readonly string[]).includes(k))
      errors.push(`narrative.indicators.${k}: unknown indicator`);
    else r.narrative.indicators[k as IndicatorCode] = indicatorNarrative(n, `narrative.indicators.${k}`, errors);
  }
  if (narrative.addQ !== undefined && narrative.addQ !== null)
    r.narrative.addQ = indicatorNarrative(narrative.addQ, 'narrative.addQ', errors);
  return errors.length ? { report: null, errors } : { report: r, errors };
}

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function object(v: unknown, path: string, errors: string[], nullable = true): Json {
  if (v === undefined || (nullable && v === null)) return {};
  if (!isObject(v)) {
    errors.push(`${path}: expected an object`);
    return {};
  }
  return v;
}

function number(v: unknown, path: string, errors: string[]): number | null {
  if (v === undefined || v === null) return null;
  if (typeof v !== 'number' || !Number.isFinite(v)) {
    errors.push(`${path}: expected a number or null`);
    return null;
  }
  return v;
}

function integer(v: unknown, path: string, errors: string[], min: number, max: number): number | null {
  const n = number(v, path, errors);
  if (n === null) return null;
  if (!Number.isInteger(n) || n < min || n > max) {
    errors.push(`${path}: expected a whole number from ${min} to ${max}, found ${n}`);
    return null;
  }
  return n;
}

function text(v: unknown, path: string, errors: string[]): string | null {
  if (v === undefined || v === null) return null;
  if (typeof v !== 'string') {
    errors.push(`${path}: expected a string or null`);
    return null;
  }
  return v;
}

function texts(v: unknown, path: string, errors: string[]): string[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) {
    errors.push(`${path}: expected a list of strings`);
    return [];
  }
  return v as string[];
}

function status(v: unknown, path: string, errors: string[]): Status | null {
  if (v === undefined || v === null) return null;
  if (typeof v !== 'string' || !(STATUSES as readonly string[]).includes(v)) {
    errors.push(`${path}: expected "F", "PF", "NF" or null`);
    return null;
  }
  return v as Status;
}

function indicatorMap(v: unknown, path: string, errors: string[], min: number, max: number) {
  const out: Partial<Record<IndicatorCode, number>> = {};
  for (const [k, n] of Object.entries(object(v, path, errors))) {
    if (!(INDICATOR_CODES as readonly string[]).includes(k)) errors.push(`${path}.${k}: unknown indicator`);
    else {
      const value = integer(n, `${path}.${k}`, errors, min, max);
      if (value !== null) out[k as IndicatorCode] = value;
    }
  }
  return out;
}

function ratingStep(v: unknown, path: string, errors: string[]): ReportRatingChange | null {
  if (v === undefined || v === null) return null;
  const o = object(v, path, errors);
  const from = integer(o.from, `${path}.from`, errors, 1, 7);
  const to = integer(o.to, `${path}.to`, errors, 1, 7);
  return from !== null && to !== null ? ({ from, to } as ReportRatingChange) : null;
}

function indicatorNarrative(v: unknown, path: string, errors: string[]): IndicatorNarrative {
  const o = object(v, path, errors);
  return {
    question: text(o.question, `${path}.question`, errors),
    paragraphs: texts(o.paragraphs, `${path}.paragraphs`, errors),
    scoreChanges: texts(o.scoreChanges, `${path}.scoreChanges`, errors),
  };
}
