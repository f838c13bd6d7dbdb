import { describe, expect, it } from 'vitest';
import { assess } from '../scoring/score.js';
import { checkReport } from './check.js';
import { emptyReport, type Report } from './model.js';

/** A FIW 2010 report of a monarchy scored with Add A, as its subcategory lines state it. */
function monarchy(scores: Partial<Report['scores']>): Report {
  const r = emptyReport();
  r.edition = 2010;
  r.scores = { ...r.scores, A: 12, B: 16, C: 12, D: 10, E: 8, F: 10, G: 9, addQ: 0, addA: 1, ...scores };
  return r;
}

describe('checkReport holds a report to the engine’s own rules', () => {
  it('adds Add A where the edition has it, as the engine does', () => {
    const r = monarchy({ A: 10, PR: 39, CL: 37 });
    expect(checkReport(r)).toEqual([]);
    const engine = assess({
      entity: 'M',
      edition: 2010,
      subcategories: { A: 10, B: 16, C: 12, D: 10, E: 8, F: 10, G: 9 },
      addA: 1,
    });
    expect(engine.figures?.pr).toBe(39);
    expect(checkReport({ ...r, scores: { ...r.scores, PR: 38 } }).map((f) => f.message)).toEqual([
      'Political Rights is 38, but A + B + C + Add A (1) = 39',
    ]);
  });

  it('says PR above its maximum once, with the maximum of 40 that holds with Add A included', () => {
    // 12 + 16 + 12 + Add A 1 = 41: the engine warns, and so does the check, in the same words.
    const report = monarchy({ PR: 41 });
    const engine = assess({
      entity: 'M',
      edition: 2010,
      subcategories: { A: 12, B: 16, C: 12, D: 10, E: 8, F: 10, G: 9 },
      addA: 1,
    });
    expect(engine.problems.map((p) => [p.code, p.message])).toEqual([
      ['exceeds-maximum', 'PR is 41, above its maximum of 40'],
    ]);
    expect(checkReport(report, { PR: 7 })).toEqual([
      { line: 7, code: 'arithmetic', message: 'PR is 41, above its maximum of 40' },
    ]);
    // A published aggregate beyond the maximum (FH's Luxembourg FIW 2003): the same rule, the same words.
    const luxembourg = emptyReport();
    luxembourg.edition = 2003;
    luxembourg.scores = { ...luxembourg.scores, PR: 44, CL: 57 };
    expect(checkReport(luxembourg).map((f) => f.message)).toEqual(['PR is 44, above its maximum of 40']);
    expect(
      assess({ entity: 'Luxembourg', edition: 2003, aggregates: { pr: 44, cl: 57 } }).problems.map((p) => p.message),
    ).toEqual(['PR is 44, above its maximum of 40']);
  });
});
