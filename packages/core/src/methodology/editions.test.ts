import { describe, expect, it } from 'vitest';
import { methodologyFor } from './builtin.js';
import { discretionaryQuestion } from './shape.js';
import { EDITIONS, editionInfo, resolveEdition } from './editions.js';

describe('editions', () => {
  it('lists 1973–2026 without 2002, in order, once each', () => {
    const keys = EDITIONS.map((e) => e.edition);
    expect(keys[0]).toBe(1973);
    expect(keys.at(-1)).toBe(2026);
    expect(keys).not.toContain(2002);
    expect(new Set(keys).size).toBe(keys.length);
    expect([...keys].sort((a, b) => a - b)).toEqual(keys);
  });

  it('resolves FH labels, long forms and years', () => {
    expect(resolveEdition('1983-84')?.edition).toBe(1983);
    expect(resolveEdition('1983-1984')?.edition).toBe(1983);
    expect(resolveEdition('1999-2000')?.edition).toBe(1999);
    expect(resolveEdition('Jan.-Feb. 1975')?.edition).toBe(1975);
    expect(resolveEdition('Jan-Feb 1975')?.edition).toBe(1975);
    expect(resolveEdition(2014)?.label).toBe('2014');
    expect(resolveEdition(' 2014 ')?.edition).toBe(2014);
    expect(resolveEdition('2002')).toBeUndefined();
    expect(resolveEdition('2027')).toBeUndefined();
    expect(resolveEdition('1983-85')).toBeUndefined();
  });

  it('stores both the edition and the period under review', () => {
    expect(editionInfo(2014)).toMatchObject({ yearUnderReview: 2013, periodStart: '2013-01-01' });
    expect(editionInfo(2007)).toMatchObject({ periodStart: '2005-12-01', periodEnd: '2006-12-31' });
    expect(editionInfo(1983)).toMatchObject({ label: '1983-84', yearUnderReview: 1983 });
  });

  it('has rules for every edition, with Add A only up to FIW 2017', () => {
    for (const e of EDITIONS) expect(methodologyFor(e.edition)).toBeDefined();
    expect(discretionaryQuestion(methodologyFor(2017)!, 'addA')).not.toBeNull();
    expect(discretionaryQuestion(methodologyFor(2018)!, 'addA')).toBeNull();
    expect(discretionaryQuestion(methodologyFor(2017)!, 'addQ')!.label).toBe('Add B');
    expect(discretionaryQuestion(methodologyFor(2018)!, 'addQ')!.label).toBe('Add Q');
    expect(methodologyFor(2001)!.scored).toBe(false);
    expect(methodologyFor(2003)!.status.kind).toBe('freedom-rating-with-raw-points');
    expect(methodologyFor(2004)!.status.kind).toBe('freedom-rating');
    expect(methodologyFor(2017)!.electoralDemocracy.kind).toBe('undetermined');
    expect(methodologyFor(2018)!.electoralDemocracy.kind).toBe('undetermined');
  });
});
