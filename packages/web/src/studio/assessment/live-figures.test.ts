import { assess, INDICATOR_CODES, methodologyFor, methodologyForNewEdition } from '@freedom-ratings/core';
import { describe, expect, it } from 'vitest';
import { applyEdits, fieldsOf, scoreField, textField } from './fields.js';
import { draftInput, liveFigures } from './live-figures.js';
import { testAssessment } from './test-assessment.js';

describe('live figures', () => {
  it('score an edition after the built-in ones with the methodology that comes with the assessment', () => {
    const base = testAssessment(2);
    const a = { ...base, edition: { ...base.edition, edition: 2027, label: '2027', methodology: 'fiw-2027' } };
    expect(liveFigures({ ...a, methodology: null }, fieldsOf(a)).figures).toBeNull();
    const fiw2027 = methodologyForNewEdition(methodologyFor(2026)!, 2027);
    const pr = fiw2027.categories[0]!;
    // FIW 2027 as an editor changed it: PR rating 3 now starts at 22.
    const changed = {
      ...fiw2027,
      categories: [
        {
          ...pr,
          bands: pr.bands.map((b) => (b.rating === 3 ? { ...b, min: 22 } : b.rating === 4 ? { ...b, max: 21 } : b)),
        },
        fiw2027.categories[1]!,
      ],
    };
    const live = liveFigures({ ...a, methodology: changed as never }, fieldsOf(a));
    expect([live.figures!.pr, live.figures!.prRating]).toEqual([20, 4]);
    const edited = applyEdits(fieldsOf(a), { [scoreField('B2')]: 4 });
    expect([liveFigures({ ...a, methodology: changed as never }, edited).figures!.prRating]).toEqual([3]);
  });

  it('are what core derives from the scores on screen', () => {
    const a = testAssessment(2);
    const fields = applyEdits(fieldsOf(a), { [scoreField('B2')]: 4, [scoreField('G4')]: 0 });
    const live = liveFigures(a, fields);
    const direct = assess({ ...draftInput(a, fields) });
    expect(live.figures).toEqual(direct.figures);
    expect(live.figures!.total).toBe(50 + 2 - 2);
    expect(live.figures!.pr).toBe(22);
    expect(live.figures!.cl).toBe(28);
    expect(live.changes!.indicators.B2).toBe(2);
    expect(live.changes!.indicators.G4).toBe(-2);
    expect(live.changes!.pr).toBe(2);
  });

  it('warn when a score changed and its text did not, and stop once the text changes', () => {
    const a = testAssessment(2);
    const changed = applyEdits(fieldsOf(a), { [scoreField('B2')]: 3 });
    const codes = (f: ReturnType<typeof liveFigures>) =>
      f.warnings.filter((w) => w.code === 'score-changed-without-text').map((w) => w.field);
    expect(codes(liveFigures(a, changed))).toEqual(['B2']);
    const sameText = applyEdits(changed, { [textField('indicator', 'B2')]: 'Last year’s B2 text.' });
    expect(liveFigures(a, sameText).warnings.find((w) => w.field === 'B2')?.message).toMatch(/unchanged/);
    const written = applyEdits(changed, { [textField('indicator', 'B2')]: 'What changed this year.' });
    expect(codes(liveFigures(a, written))).toEqual([]);
  });

  it('flag a trend arrow against the net change and a status change without its note', () => {
    const a = testAssessment(2);
    const arrow = liveFigures(a, applyEdits(fieldsOf(a), { trendArrow: 'up' }));
    expect(arrow.warnings.map((w) => w.code)).toContain('trend-arrow');
    const all4 = Object.fromEntries(INDICATOR_CODES.map((c) => [scoreField(c), 4]));
    const free = liveFigures(a, applyEdits(fieldsOf(a), all4));
    expect(free.figures!.status).toBe('F');
    expect(free.warnings.find((w) => w.code === 'status-change')?.severity).toBe('warning');
    const noted = liveFigures(a, applyEdits(fieldsOf(a), { ...all4, [textField('status-change')]: 'Why.' }));
    expect(noted.warnings.find((w) => w.code === 'status-change')?.severity).toBe('info');
  });

  it('report a score outside 0–4 as the engine’s problem at its field', () => {
    const a = testAssessment(2);
    const live = liveFigures(a, applyEdits(fieldsOf(a), { [scoreField('C1')]: 7 }));
    expect(live.problems.some((p) => p.field === 'C1' && p.severity === 'error')).toBe(true);
  });

  it('give the distance to the next band', () => {
    const a = testAssessment(2);
    const live = liveFigures(a, fieldsOf(a));
    expect(live.explanation!.pr!.better!.points).toBeGreaterThan(0);
    expect(live.explanation!.pr!.text).toMatch(/point/);
  });
});
