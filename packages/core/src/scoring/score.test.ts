import { describe, expect, it } from 'vitest';
import { INDICATOR_CODES, type IndicatorScores } from '../types.js';
import { assess } from './score.js';

const all = (v: number) => Object.fromEntries(INDICATOR_CODES.map((c) => [c, v])) as IndicatorScores;

describe('assess', () => {
  it('derives every figure from indicators', () => {
    const { figures, problems } = assess({ entity: 'Utopia', edition: 2024, indicators: all(4), addQ: 0 });
    expect(problems).toEqual([]);
    expect(figures).toMatchObject({
      granularity: 'indicators',
      subcategories: { A: 12, B: 16, C: 12, D: 16, E: 12, F: 16, G: 16 },
      pr: 40, cl: 60, total: 100, prRating: 1, clRating: 1, freedomRating: 1, status: 'F', statusBasis: 'rule',
      electoralDemocracy: true,
    }); // prettier-ignore
  });

  it('subtracts Add Q, letting PR and the total go below zero', () => {
    const ind = all(0);
    ind.D2 = 1;
    const { figures } = assess({ entity: 'X', edition: 2024, indicators: ind, addQ: 4 });
    expect(figures).toMatchObject({ pr: -4, cl: 1, total: -3, prRating: 7, clRating: 7, status: 'NF' });
  });

  it('adds Add A up to FIW 2017 only', () => {
    const sub = { A: 0, B: 0, C: 1, D: 3, E: 0, F: 2, G: 2 };
    expect(assess({ entity: 'M', edition: 2017, subcategories: sub, addA: 2 }).figures!.pr).toBe(3);
    const later = assess({ entity: 'M', edition: 2018, subcategories: sub, addA: 2 });
    expect(later.problems.map((p) => p.code)).toContain('add-a-eliminated');
    expect(later.figures!.pr).toBe(1);
  });

  it('scores PR/CL aggregates and ratings-only assessments', () => {
    expect(assess({ entity: 'A', edition: 2005, aggregates: { pr: 11, cl: 24 } }).figures).toMatchObject({
      granularity: 'aggregates', total: 35, prRating: 6, clRating: 5, status: 'NF', subcategories: null,
    }); // prettier-ignore
    expect(assess({ entity: 'A', edition: 1990, ratings: { pr: 2, cl: 3 }, status: 'F' }).figures).toMatchObject({
      granularity: 'ratings', pr: null, total: null, freedomRating: 2.5, status: 'F', statusBasis: 'stated',
    }); // prettier-ignore
  });

  it('does not guess the FIW 2003 status at 5.5, and accepts a stated one', () => {
    const five = assess({ entity: 'Az', edition: 2003, aggregates: { pr: 11, cl: 24 } }).figures!;
    expect(five).toMatchObject({ freedomRating: 5.5, status: null, statusBasis: 'undetermined' });
    const stated = assess({ entity: 'Az', edition: 2003, aggregates: { pr: 11, cl: 24 }, status: 'PF' }).figures!;
    expect(stated).toMatchObject({ status: 'PF', statusBasis: 'stated' });
    expect(assess({ entity: 'B', edition: 2003, aggregates: { pr: 3, cl: 4 } }).figures!.status).toBe('NF');
    expect(assess({ entity: 'C', edition: 1999, ratings: { pr: 3, cl: 3 } }).figures!.statusBasis).toBe('undetermined');
  });

  it('gives the electoral-democracy designation per edition, countries only', () => {
    const sub = { A: 7, B: 9, C: 4, D: 8, E: 6, F: 8, G: 7 }; // PR 20, CL 29
    expect(assess({ entity: 'E', edition: 2016, subcategories: sub }).figures!.electoralDemocracy).toBe(true);
    expect(assess({ entity: 'E', edition: 2019, subcategories: sub }).figures!.electoralDemocracy).toBe(false);
    expect(assess({ entity: 'E', edition: 2017, subcategories: sub }).figures!.electoralDemocracy).toBeNull();
    expect(
      assess({ entity: 'T', edition: 2016, kind: 'territory', subcategories: sub }).figures!.electoralDemocracy,
    ).toBeNull();
    expect(
      assess({ entity: 'E', edition: 2016, subcategories: sub, electoralDemocracyOverride: false }).figures!
        .electoralDemocracy,
    ).toBe(false);
  });

  it('collects every problem with a path, never throwing', () => {
    const ind: Record<string, unknown> = { ...all(2), B3: 5, C1: 'x', D4: 1.5 };
    delete ind.G4;
    ind.Z9 = 1;
    const { figures, problems } = assess({
      entity: 'Kazakhstan',
      edition: 2014,
      indicators: ind as IndicatorScores,
      addQ: 7,
    });
    expect(figures).toBeNull();
    expect(problems.map((p) => `${p.path}: ${p.code}`)).toEqual([
      'Kazakhstan 2014 › B3: out-of-range',
      'Kazakhstan 2014 › C1: not-integer',
      'Kazakhstan 2014 › D4: not-integer',
      'Kazakhstan 2014 › G4: missing',
      'Kazakhstan 2014 › Z9: unknown-field',
      'Kazakhstan 2014 › Add B: out-of-range',
    ]);
  });

  it('rejects unknown editions and scores before FIW 2003', () => {
    expect(assess({ entity: 'X', edition: 2031, indicators: all(1) }).problems[0]!.code).toBe('unknown-edition');
    expect(assess({ entity: 'X', edition: 1995, indicators: all(1) }).problems[0]!.code).toBe('not-scored-edition');
    expect(assess({ entity: 'X', edition: 2014 }).problems[0]!.code).toBe('no-scores');
  });

  it('warns, but still scores, figures beyond their maxima', () => {
    const r = assess({ entity: 'Luxembourg', edition: 2003, aggregates: { pr: 44, cl: 57 } });
    expect(r.figures!.prRating).toBe(1);
    expect(r.problems).toMatchObject([{ code: 'exceeds-maximum', severity: 'warning', path: 'Luxembourg 2003 › PR' }]);
    const sub = assess({
      entity: 'Y',
      edition: 2010,
      subcategories: { A: 12, B: 16, C: 12, D: 16, E: 12, F: 16, G: 17 },
    });
    expect(sub.problems).toMatchObject([{ field: 'G', code: 'exceeds-maximum' }]);
    const addA = assess({
      entity: 'Z',
      edition: 2010,
      subcategories: { A: 12, B: 16, C: 12, D: 1, E: 1, F: 1, G: 1 },
      addA: 1,
    });
    expect(addA.problems).toMatchObject([{ field: 'PR', code: 'exceeds-maximum' }]);
  });
});
