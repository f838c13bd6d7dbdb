import { describe, expect, it } from 'vitest';
import { methodologyFor } from '../methodology/builtin.js';
import { explain, explainRating } from './explain.js';
import { assess } from './score.js';
import { CL_BANDS, PR_BANDS } from '../methodology/bands.js';

describe('explain', () => {
  it('states the band and the distance to the neighbouring ratings', () => {
    expect(explainRating('CL', 19, CL_BANDS).text).toBe(
      'CL 19 → rating 5 (17–25); 7 points from rating 4, 3 points from rating 6',
    );
    expect(explainRating('PR', 40, PR_BANDS).text).toBe(
      'PR 40 → rating 1 (36–40); best rating, 5 points from rating 2',
    );
    expect(explainRating('PR', -3, PR_BANDS).text).toBe('PR -3 → rating 7 (≤ 5); 9 points from rating 6, worst rating');
    expect(explainRating('PR', 35, PR_BANDS).better).toEqual({ rating: 1, points: 1 });
  });

  it('states how far the status is from changing, by either aggregate', () => {
    const m = methodologyFor(2014)!;
    const f = assess({
      entity: 'K',
      edition: 2014,
      subcategories: { A: 2, B: 3, C: 1, D: 4, E: 3, F: 4, G: 8 },
    }).figures!;
    const e = explain(f, m);
    expect(e.status.text).toBe(
      'Not Free (Freedom Rating 5.5 = (6 + 5) / 2); Partly Free needs PR +6 (to rating 5) or CL +7 (to rating 4)',
    );
    expect(e.status.worse).toBeNull();
    const pf = assess({
      entity: 'H',
      edition: 2019,
      subcategories: { A: 9, B: 11, C: 7, D: 10, E: 10, F: 10, G: 13 },
    }).figures!;
    const ep = explain(pf, methodologyFor(2019)!);
    expect(ep.status.better).toEqual({
      status: 'F',
      via: [
        { category: 'PR', points: 3, rating: 2 },
        { category: 'CL', points: 1, rating: 2 },
      ],
    });
    expect(ep.status.worse).toEqual({ status: 'NF', via: [] });
    expect(ep.status.text).toMatch(/Not Free only if both ratings change$/);
    expect(ep.electoralDemocracy).toMatch(/^Electoral democracy: yes/);
  });

  it('says when the status rule cannot decide', () => {
    const f = assess({ entity: 'Az', edition: 2003, aggregates: { pr: 11, cl: 24 } }).figures!;
    expect(explain(f, methodologyFor(2003)!).status.text).toMatch(/not decidable/);
  });
});
