import { describe, expect, it } from 'vitest';
import { methodologyFor } from '../methodology/builtin.js';
import { INDICATOR_CODES, type IndicatorScores } from '../types.js';
import type { AssessmentInput } from '../assessment-input.js';
import { compareWithPrevious, type Scored } from './change.js';
import { assess } from './score.js';
import { checkTrendArrow } from './trend-arrow.js';

const scored = (input: AssessmentInput): Scored => ({ input, figures: assess(input).figures! });
const all = (v: number) => Object.fromEntries(INDICATOR_CODES.map((c) => [c, v])) as IndicatorScores;

describe('change from the previous edition', () => {
  it('gives Z at every level both editions have', () => {
    const prev = all(2);
    const cur = { ...all(2), A1: 3, D2: 0 };
    const c = compareWithPrevious(
      scored({ entity: 'X', edition: 2020, indicators: cur }),
      scored({ entity: 'X', edition: 2019, indicators: prev }),
    );
    expect(c.indicators).toMatchObject({ A1: 1, D2: -2, B1: 0 });
    expect(c.subcategories).toMatchObject({ A: 1, D: -2, B: 0 });
    expect(c).toMatchObject({ pr: 1, cl: -2, total: -1, addQ: 0 });
  });

  it('marks rating and status changes with their direction', () => {
    const prev = scored({
      entity: 'H',
      edition: 2018,
      subcategories: { A: 9, B: 11, C: 8, D: 10, E: 10, F: 11, G: 13 },
    });
    const cur = scored({
      entity: 'H',
      edition: 2019,
      subcategories: { A: 9, B: 11, C: 7, D: 10, E: 10, F: 10, G: 13 },
    });
    const c = compareWithPrevious(cur, prev);
    expect(c.clRating).toEqual({ from: 2, to: 3, direction: 'declined' });
    expect(c.prRating.direction).toBe('unchanged');
    expect(c.status).toEqual({ from: 'F', to: 'PF', direction: 'declined' });
  });

  it('compares a subcategory edition with a ratings-only one at the levels they share', () => {
    const c = compareWithPrevious(
      scored({ entity: 'X', edition: 2006, subcategories: { A: 2, B: 3, C: 1, D: 4, E: 3, F: 4, G: 8 } }),
      scored({ entity: 'X', edition: 2001, ratings: { pr: 7, cl: 5 }, status: 'NF' }),
    );
    expect(c).toMatchObject({ pr: null, total: null, addQ: null, subcategories: {} });
    expect(c.prRating).toEqual({ from: 7, to: 6, direction: 'improved' });
  });
});

describe('trend arrows', () => {
  const base = { A: 2, B: 3, C: 1, D: 4, E: 3, F: 4, G: 8 };
  const lower = { ...base, D: 3 };
  it('before FIW 2018: allowed only without a ratings change', () => {
    const rule = methodologyFor(2014)!.trendArrow;
    const same = compareWithPrevious(
      scored({ entity: 'K', edition: 2014, subcategories: lower }),
      scored({ entity: 'K', edition: 2013, subcategories: base }),
    );
    expect(checkTrendArrow('down', same, rule).valid).toBe(true);
    const moved = compareWithPrevious(
      scored({ entity: 'K', edition: 2014, subcategories: { ...base, G: 0 } }),
      scored({ entity: 'K', edition: 2013, subcategories: base }),
    );
    expect(checkTrendArrow('down', moved, rule)).toMatchObject({ valid: false });
  });

  it("from FIW 2018: needs a net change in the arrow's direction", () => {
    const rule = methodologyFor(2018)!.trendArrow;
    const down = compareWithPrevious(
      scored({ entity: 'K', edition: 2018, subcategories: lower }),
      scored({ entity: 'K', edition: 2017, subcategories: base }),
    );
    expect(checkTrendArrow('down', down, rule).valid).toBe(true);
    expect(checkTrendArrow('up', down, rule).valid).toBe(false);
    const flat = compareWithPrevious(
      scored({ entity: 'K', edition: 2018, subcategories: base }),
      scored({ entity: 'K', edition: 2017, subcategories: base }),
    );
    expect(checkTrendArrow('up', flat, rule).reason).toMatch(/did not change/);
    expect(checkTrendArrow('up', null, rule).valid).toBeNull();
    expect(checkTrendArrow(null, flat, rule).valid).toBe(true);
  });
});
