import { describe, expect, it } from 'vitest';
import civic from '../../../../examples/methodologies/civic-index.json' with { type: 'json' };
import type { Methodology } from '../methodology/methodology.js';
import { shapeOf } from '../methodology/shape.js';
import { scoreIndex } from './score-index.js';

const m = civic as unknown as Methodology;
const all = (value: number) => Object.fromEntries(shapeOf(m).indicatorCodes.map((c) => [c, value]));

describe('scoreIndex with a methodology unlike FIW (5 categories, 0–10 scales, 1–5 ratings, total-score status)', () => {
  it('sums, bands, rates and decides the status by the file’s rules', () => {
    const indicators = { ...all(7), 'L1.1': 2, 'L1.2': 3, 'L2.1': 4, 'L2.2': 5 };
    const { figures, problems } = scoreIndex({ indicators, discretionary: { emergency: 4, ombudsman: 2 } }, m);
    expect(problems).toEqual([]);
    expect(figures!.subcategories).toMatchObject({ V1: 14, V2: 14, L1: 5, L2: 9 });
    // VOTE 28 → 2; SPEAK 28 + 2 → 2; LAW 14 − 4 = 10 → 4; WORK 28 → 2; LIFE 28 → 2.
    expect(figures!.categories).toEqual([
      { code: 'VOTE', score: 28, rating: 2 },
      { code: 'SPEAK', score: 30, rating: 2 },
      { code: 'LAW', score: 10, rating: 4 },
      { code: 'WORK', score: 28, rating: 2 },
      { code: 'LIFE', score: 28, rating: 2 },
    ]);
    expect(figures!.total).toBe(124);
    expect(figures!.freedomRating).toBeCloseTo(2.4);
    expect(figures!.status).toBe('PF'); // 80 ≤ 124 < 140
    expect(figures!.electoralDemocracy).toBe(false); // V1 14 < 15
    const free = scoreIndex({ indicators: all(8) }, m).figures!;
    expect([free.total, free.status, free.electoralDemocracy]).toEqual([160, 'F', true]);
    expect(scoreIndex({ indicators: all(0), discretionary: { emergency: 6 } }, m).figures!.categories[2]).toEqual({
      code: 'LAW',
      score: -6,
      rating: 5,
    });
  });

  it('says what is wrong with an input, at its path, and scores nothing', () => {
    const { figures, problems } = scoreIndex(
      { indicators: { ...all(3), 'V1.1': 11, A1: 2, 'P2.2': undefined }, discretionary: { addQ: 1, emergency: 7 } },
      m,
    );
    expect(figures).toBeNull();
    expect(problems).toEqual([
      { path: 'indicators.V1.1', message: 'V1.1 must be a whole number 0–10, got 11' },
      { path: 'indicators.P2.2', message: 'P2.2 is missing' },
      { path: 'indicators.A1', message: 'A1 is not in the methodology' },
      { path: 'discretionary.addQ', message: 'addQ is not a discretionary question of Civic Freedoms Index (example)' },
      { path: 'discretionary.emergency', message: 'Emergency rule must be a whole number 0–6, got 7' },
    ]);
  });
});
