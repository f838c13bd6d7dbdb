import {
  assessIndex,
  hasPrClForm,
  methodologyFor,
  shapeOf,
  type AssessmentInput,
  type IndexScored,
  type Methodology,
} from '@freedom-ratings/core';
import type { SaveState } from './autosave.js';
import { scoreField, valueOf, type Fields, type StudioAssessment } from './fields.js';

/**
 * The methodology of an assessment when it is not FIW's PR/CL form (an
 * organisation's own index, served with the assessment), else null: the page
 * shows the generic form for the one and FIW's for the other.
 */
export function indexMethodologyOf(a: StudioAssessment): Methodology | null {
  const m = (a.methodology as Methodology | null) ?? methodologyFor(a.edition.edition);
  return m && !hasPrClForm(m) ? m : null;
}

/** The scores on screen as the engine's input: the methodology's own codes, its discretionary answers beside them. */
export function indexDraftInput(a: StudioAssessment, m: Methodology, fields: Fields): AssessmentInput {
  const shape = shapeOf(m);
  const pick = (codes: readonly string[]) => {
    const out: Record<string, number> = {};
    for (const code of codes) {
      const v = valueOf(fields, scoreField(code));
      if (typeof v === 'number') out[code] = v;
    }
    return out;
  };
  return {
    entity: a.entity.name,
    edition: a.edition.edition,
    kind: a.entity.kind,
    indicators: a.granularity === 'indicators' ? pick(shape.indicatorCodes) : null,
    subcategories: a.granularity === 'subcategories' ? pick(shape.subcategories.map((s) => s.code)) : null,
    discretionary: pick(m.discretionary.map((q) => q.code)),
    trendArrow: (valueOf(fields, 'trendArrow') as AssessmentInput['trendArrow']) ?? null,
  } as AssessmentInput;
}

/** The figures of what is on screen, by the same engine the server scores with (`assessIndex`). */
export function liveIndexFigures(a: StudioAssessment, m: Methodology, fields: Fields): IndexScored {
  return assessIndex(indexDraftInput(a, m, fields), m);
}

/** A refused save's problems by score code: `scores.V1.1` → V1.1 (codes may hold dots). */
export function refusedScores(state: SaveState): Map<string, string> {
  const at = new Map<string, string>();
  if (state.kind !== 'refused') return at;
  const problems = (state.details as { problems?: { path?: string; message?: string }[] } | null)?.problems ?? [];
  for (const p of problems) {
    if (p.path?.startsWith('scores.')) at.set(p.path.slice('scores.'.length), p.message ?? state.message);
  }
  return at;
}

/**
 * The score after typing `digit` into a control holding `typed` (the digits
 * typed just before): on a 0–10 scale "1" then "0" is 10, "1" alone is 1,
 * and a digit that would go past the maximum starts again. `typed` comes back
 * empty when no further digit could fit, so the next key starts a new score.
 */
export function typeDigit(typed: string, digit: string, max: number): { value: number | null; typed: string } {
  const joined = `${typed}${digit}`.replace(/^0+(?=\d)/, '');
  const start = Number(digit) <= max ? Number(digit) : null;
  const value = typed !== '' && Number(joined) <= max ? Number(joined) : start;
  if (value === null) return { value: null, typed: '' };
  const text = String(value);
  return { value, typed: Number(`${text}0`) <= max ? text : '' };
}
