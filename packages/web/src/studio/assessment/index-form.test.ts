import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readMethodology } from '@freedom-ratings/contract';
import { scoreField } from './fields.js';
import { indexMethodologyOf, liveIndexFigures, refusedScores, typeDigit } from './index-form.js';
import { testAssessment } from './test-assessment.js';

const civic = readMethodology(
  JSON.parse(readFileSync(new URL('../../../../../examples/methodologies/civic-index.json', import.meta.url), 'utf8')),
).methodology!;

describe('typeDigit', () => {
  it('reads "1" then "0" as 10 on a 0–10 scale, and starts again past the maximum', () => {
    expect(typeDigit('', '1', 10)).toEqual({ value: 1, typed: '1' });
    expect(typeDigit('1', '0', 10)).toEqual({ value: 10, typed: '' });
    expect(typeDigit('1', '5', 10)).toEqual({ value: 5, typed: '' });
    expect(typeDigit('', '7', 10)).toEqual({ value: 7, typed: '' });
  });
  it('keeps FIW’s one key per score on a 0–4 scale and ignores a digit past it', () => {
    expect(typeDigit('', '3', 4)).toEqual({ value: 3, typed: '' });
    expect(typeDigit('', '9', 4)).toEqual({ value: null, typed: '' });
  });
});

describe('the generic form’s model', () => {
  const base = testAssessment();
  const a = { ...base, edition: { ...base.edition, edition: 2030 }, methodology: civic, scores: {} } as typeof base;

  it('chooses the generic form only for a methodology that is not FIW’s PR and CL', () => {
    expect(indexMethodologyOf(a)?.id).toBe('civic-index');
    expect(indexMethodologyOf(base)).toBeNull();
  });

  it('scores the fields on screen with assessIndex, discretionary answers included', () => {
    const fields = Object.fromEntries(
      civic.categories.flatMap((c) => c.subcategories.flatMap((s) => s.indicators.map((i) => [scoreField(i.code), 5]))),
    );
    const live = liveIndexFigures(a, civic, { ...fields, [scoreField('emergency')]: 4 });
    expect(live.problems).toEqual([]);
    expect(live.figures!.categories.map((c) => c.score)).toEqual([20, 20, 16, 20, 20]);
    const missing = liveIndexFigures(a, civic, { [scoreField('V1.1')]: 5 });
    expect(missing.figures).toBeNull();
    expect(missing.problems[0]!.message).toBe('V1.2 is missing');
  });

  it('places a refused save’s problems at codes that hold dots', () => {
    const at = refusedScores({
      kind: 'refused',
      message: 'Invalid request',
      details: { problems: [{ path: 'scores.V1.1', message: 'V1.1 must be a whole number 0–10, got 11' }] },
    } as never);
    expect([...at]).toEqual([['V1.1', 'V1.1 must be a whole number 0–10, got 11']]);
  });
});
