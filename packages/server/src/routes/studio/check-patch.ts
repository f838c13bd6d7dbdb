import {
  hasPrClForm,
  INDICATOR_CODES,
  INDICATORS,
  shapeOf,
  SUBCATEGORIES,
  SUBCATEGORY_CODES,
  type Granularity,
  type Methodology,
} from '@freedom-ratings/core';
import { fiwScoresPatch } from '@freedom-ratings/contract';
import { loadAssessments, type AssessmentEdit } from '@freedom-ratings/db';
import type { ServerContext } from '../../context.js';
import { checkInput, invalidRequest, type InputProblem } from '../../http/validation.js';

type Problem = Omit<InputProblem, 'location'>;

/**
 * Only the level the assessment is scored at can be written, within each
 * code's maximum, in the codes of its edition's methodology: FIW's A1…G4 for
 * a PR/CL edition, an organisation's own codes (and its discretionary answers)
 * for another index. Every problem is reported at once; nothing is written.
 */
export async function checkPatch(ctx: ServerContext, id: number, patch: Omit<AssessmentEdit, 'reason'>): Promise<void> {
  const [data] = await loadAssessments(ctx.conn.db, { ids: [id], publishedOnly: false });
  const granularity = data!.row.granularity;
  const m = data!.methodology;
  const problems = m && !hasPrClForm(m) ? indexProblems(m, granularity, patch) : fiwProblems(granularity, patch);
  if (problems.length) {
    throw invalidRequest(problems.map((p) => ({ location: 'body', ...p })));
  }
}

/** FIW's form: the codes and maxima of A1…G4 and A…G, with the messages clients already know. */
function fiwProblems(granularity: Granularity, patch: Omit<AssessmentEdit, 'reason'>): Problem[] {
  const checked = checkInput(fiwScoresPatch, { scores: patch.scores }, 'body');
  if (!checked.ok) return checked.problems.map(({ path, message }) => ({ path, message }));
  const problems: Problem[] = [];
  for (const [code, value] of Object.entries(patch.scores ?? {})) {
    if (granularity === 'indicators') {
      if (!(INDICATOR_CODES as readonly string[]).includes(code)) {
        problems.push({ path: `scores.${code}`, message: 'this assessment is scored by indicator (A1…G4)' });
      } else if (value! > INDICATORS[code as keyof typeof INDICATORS].max) {
        problems.push({
          path: `scores.${code}`,
          message: `at most ${INDICATORS[code as keyof typeof INDICATORS].max}`,
        });
      }
    } else if (granularity === 'subcategories') {
      if (!(SUBCATEGORY_CODES as readonly string[]).includes(code)) {
        problems.push({ path: `scores.${code}`, message: 'this assessment is scored by subcategory (A…G)' });
      } else if (value! > SUBCATEGORIES[code as keyof typeof SUBCATEGORIES].max) {
        problems.push({
          path: `scores.${code}`,
          message: `at most ${SUBCATEGORIES[code as keyof typeof SUBCATEGORIES].max}`,
        });
      }
    } else {
      problems.push({ path: `scores.${code}`, message: `a ${granularity}-only assessment has no scores to edit` });
    }
  }
  for (const [i, n] of (patch.narratives ?? []).entries()) {
    const expectsCode =
      n.section === 'indicator'
        ? (INDICATOR_CODES as readonly string[]).includes(n.code)
        : n.section === 'subcategory'
          ? (SUBCATEGORY_CODES as readonly string[]).includes(n.code)
          : n.section === 'discretionary'
            ? n.code === 'Add Q' || n.code === 'Add A'
            : n.code === '';
    if (!expectsCode)
      problems.push({ path: `narratives.${i}.code`, message: `"${n.code}" does not fit section ${n.section}` });
  }
  return problems;
}

/**
 * Another index: its indicator (or subcategory) codes with their maxima, and
 * its discretionary answers, which are stored under their question's code
 * beside the scores. FIW's Add Q and Add A fields are not its questions.
 */
function indexProblems(m: Methodology, granularity: Granularity, patch: Omit<AssessmentEdit, 'reason'>): Problem[] {
  const shape = shapeOf(m);
  const level =
    granularity === 'indicators' ? shape.indicators : granularity === 'subcategories' ? shape.subcategories : [];
  const ranges = new Map<string, { label: string; min: number; max: number }>([
    ...level.map((x) => [x.code, { label: x.code, min: 0, max: x.max }] as const),
    ...m.discretionary.map((q) => [q.code, { label: q.label, min: q.min, max: q.max }] as const),
  ]);
  const problems: Problem[] = [];
  for (const [code, value] of Object.entries(patch.scores ?? {})) {
    const range = ranges.get(code);
    if (granularity !== 'indicators' && granularity !== 'subcategories') {
      problems.push({ path: `scores.${code}`, message: `a ${granularity}-only assessment has no scores to edit` });
    } else if (!range) {
      const first = level[0]?.code;
      const last = level[level.length - 1]?.code;
      problems.push({
        path: `scores.${code}`,
        message: `${m.id} has no ${granularity === 'indicators' ? 'indicator' : 'subcategory'} or discretionary question ${code} (${first}…${last}${m.discretionary.length ? `, ${m.discretionary.map((q) => q.code).join(', ')}` : ''})`,
      });
    } else if (value === undefined || value < range.min || value > range.max) {
      problems.push({
        path: `scores.${code}`,
        message: `${range.label} must be a whole number ${range.min}–${range.max}, got ${value}`,
      });
    }
  }
  for (const field of ['addQ', 'addA'] as const) {
    if (patch[field] !== undefined && patch[field] !== null)
      problems.push({
        path: field,
        message: `${m.id} asks no ${field === 'addQ' ? 'Add Q' : 'Add A'}; send its discretionary answers under scores`,
      });
  }
  const questions = new Set(m.discretionary.map((q) => q.code));
  for (const [i, n] of (patch.narratives ?? []).entries()) {
    const expectsCode =
      n.section === 'indicator'
        ? shape.indicatorCodes.includes(n.code)
        : n.section === 'subcategory'
          ? shape.subcategories.some((s) => s.code === n.code)
          : n.section === 'discretionary'
            ? questions.has(n.code)
            : n.code === '';
    if (!expectsCode)
      problems.push({ path: `narratives.${i}.code`, message: `"${n.code}" does not fit section ${n.section}` });
  }
  return problems;
}
