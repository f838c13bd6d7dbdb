import type { Methodology } from '../methodology/methodology.js';
import { shapeOf } from '../methodology/shape.js';
import { STATUSES } from '../types.js';
import { computeIndexFigures, indexGranularity, type IndexFigures, type IndexInput } from './index-figures.js';

/** One thing wrong with an index input, at its field's path (`indicators.P1`). */
export interface IndexProblem {
  path: string;
  message: string;
}

export interface IndexScored {
  figures: IndexFigures | null;
  problems: IndexProblem[];
}

const whole = (v: unknown, min: number, max: number) =>
  typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;

function checkScores(
  scores: Readonly<Record<string, unknown>>,
  expected: readonly { code: string; max: number }[],
  group: string,
  problems: IndexProblem[],
): void {
  const known = new Set(expected.map((x) => x.code));
  for (const { code, max } of expected) {
    const v = scores[code];
    if (v === undefined || v === null) problems.push({ path: `${group}.${code}`, message: `${code} is missing` });
    else if (!whole(v, 0, max))
      problems.push({
        path: `${group}.${code}`,
        message: `${code} must be a whole number 0–${max}, got ${JSON.stringify(v)}`,
      });
  }
  for (const code of Object.keys(scores))
    if (!known.has(code)) problems.push({ path: `${group}.${code}`, message: `${code} is not in the methodology` });
}

/**
 * Scores one assessment with any methodology, in its own codes (5 categories,
 * 0–10 scales, a total-score status rule: whatever the file says). Indicator
 * or subcategory scores only: the aggregate and ratings-only levels exist for
 * FH's historical data, which `assess` reads in FIW's form.
 */
export function scoreIndex(input: IndexInput, m: Methodology): IndexScored {
  const problems: IndexProblem[] = [];
  const shape = shapeOf(m);
  const granularity = indexGranularity(input);
  if (!m.scored) problems.push({ path: 'methodology', message: `${m.name} has no scores, only stated ratings` });
  if (granularity === 'indicators') checkScores(input.indicators!, shape.indicators, 'indicators', problems);
  else if (granularity === 'subcategories')
    checkScores(input.subcategories!, shape.subcategories, 'subcategories', problems);
  else problems.push({ path: 'scores', message: 'give indicator or subcategory scores' });
  const questions = new Map(m.discretionary.map((q) => [q.code, q]));
  for (const [code, v] of Object.entries(input.discretionary ?? {})) {
    const q = questions.get(code);
    if (!q)
      problems.push({ path: `discretionary.${code}`, message: `${code} is not a discretionary question of ${m.name}` });
    else if (v !== null && v !== undefined && !whole(v, q.min, q.max))
      problems.push({
        path: `discretionary.${code}`,
        message: `${q.label} must be a whole number ${q.min}–${q.max}, got ${JSON.stringify(v)}`,
      });
  }
  if (input.status != null && !STATUSES.includes(input.status))
    problems.push({ path: 'status', message: `status must be F, PF or NF, got ${JSON.stringify(input.status)}` });
  return { figures: problems.length ? null : computeIndexFigures(input, m), problems };
}
