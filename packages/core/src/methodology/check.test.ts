import { describe, expect, it } from 'vitest';
import civic from '../../../../examples/methodologies/civic-index.json' with { type: 'json' };
import { BUILT_IN_METHODOLOGIES, methodologyFor } from './builtin.js';
import { methodologyProblems } from './check.js';
import type { Methodology } from './methodology.js';

const fiw = methodologyFor(2024)!;
const custom = civic as unknown as Methodology;
/** A deep copy to break one thing in. */
const copy = (m: Methodology): Methodology => JSON.parse(JSON.stringify(m));
const found = (m: Methodology) => methodologyProblems(m).map((p) => `${p.path} ${p.code}: ${p.message}`);

describe('methodologyProblems', () => {
  it('finds nothing wrong with the built-in files or the example index', () => {
    for (const m of [...BUILT_IN_METHODOLOGIES, custom]) expect(found(m), m.id).toEqual([]);
  });

  it('finds a band gap, with its path', () => {
    const m = copy(fiw);
    (m.categories[0]!.bands[2] as { max: number }).max = 28; // rating 3 is 24–29 in FIW
    expect(found(m)).toEqual([
      '$.categories[0].bands[2].max band-gap: scores 29–29 of PR are in no band (between ratings 2 and 3)',
    ]);
  });

  it('finds overlapping bands', () => {
    const m = copy(custom);
    (m.categories[3]!.bands[1] as { max: number }).max = 34;
    expect(found(m)).toEqual([
      '$.categories[3].bands[1].max band-overlap: scores 33–34 of WORK are in two bands (ratings 1 and 2)',
    ]);
  });

  it('finds a gap at the top and at the bottom of a table', () => {
    const m = copy(custom);
    (m.categories[0]!.bands[0] as { max: number }).max = 39;
    (m.categories[0]!.bands[4] as { min: number | null }).min = 2;
    expect(found(m)).toEqual([
      '$.categories[0].bands[0].max band-gap: scores 40–40 of VOTE are in no band: rating 1 must reach the maximum 40',
      '$.categories[0].bands[4].min band-gap: scores 0–1 of VOTE are in no band: the last band must reach 0 or be open (min null)',
    ]);
  });

  it('finds a missing indicator and the maxima that no longer add up', () => {
    const m = copy(fiw);
    (m.categories[1]!.subcategories[2] as unknown as { indicators: unknown[] }).indicators = [];
    expect(found(m)).toEqual([
      '$.categories[1].subcategories[2].indicators missing-indicator: subcategory F has no indicators',
    ]);
    const n = copy(fiw);
    (n.categories[1]!.subcategories[2]!.indicators as unknown[]).pop();
    expect(found(n)).toEqual([
      "$.categories[1].subcategories[2].max maximum-mismatch: subcategory F has maximum 16, but its indicators' maxima add up to 12",
    ]);
  });

  it('finds a maximum that does not add up', () => {
    const m = copy(custom);
    (m.categories[2] as { max: number }).max = 45;
    expect(found(m)).toContain(
      "$.categories[2].max maximum-mismatch: category LAW has maximum 45, but its subcategories' maxima add up to 40",
    );
  });

  it('finds unknown rule names and codes the rules name', () => {
    const m = copy(fiw) as unknown as Record<string, { kind: string; minimums?: object }>;
    m.status!.kind = 'majority-vote';
    m.trendArrow!.kind = 'always';
    m.electoralDemocracy!.minimums = { A: 7, Z: 3 };
    expect(found(m as unknown as Methodology)).toEqual([
      '$.status.kind unknown-rule: unknown status rule "majority-vote"; known: "freedom-rating", "freedom-rating-with-raw-points", "stated", "total-score"',
      '$.electoralDemocracy.minimums.Z unknown-code: the electoral-democracy rule names "Z", which is no category or subcategory of the file',
      '$.trendArrow.kind unknown-rule: unknown trend-arrow rule "always"; known: "without-rating-change", "net-score-change"',
    ]);
  });

  it('finds duplicate codes wherever they are', () => {
    const m = copy(fiw);
    (m.categories[1]!.subcategories[0]!.indicators[0] as { code: string }).code = 'A1';
    expect(found(m)).toEqual([
      '$.categories[1].subcategories[0].indicators[0].code duplicate-code: code "A1" is used already at $.categories[0].subcategories[0].indicators[0]',
    ]);
  });
});
