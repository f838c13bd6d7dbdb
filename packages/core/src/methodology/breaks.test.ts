import { describe, expect, it } from 'vitest';
import { methodologyFor } from './builtin.js';
import { methodologyBreaks } from './breaks.js';
import { methodologyChanges } from './changes.js';

describe('methodologyChanges', () => {
  it('says nothing between two editions under the same rules', () => {
    expect(methodologyChanges(methodologyFor(2014)!, methodologyFor(2015)!)).toEqual([]);
  });

  it('names Add A eliminated, Add B renamed Add Q, the rewording and the new arrow rule in FIW 2018', () => {
    const changes = methodologyChanges(methodologyFor(2017)!, methodologyFor(2018)!);
    expect(changes.map((c) => c.aspect)).toEqual(['checklist', 'discretionary', 'discretionary', 'trend-arrow']);
    expect(changes[1]!.text).toMatch(/Add A .* eliminated/);
    expect(changes[2]!.text).toBe('Add B was renamed Add Q; it still subtracts from PR.');
  });

  it('tells the status-rule steps of FIW 2003 and 2004', () => {
    const in2003 = methodologyChanges(methodologyFor(2001)!, methodologyFor(2003)!);
    expect(in2003.map((c) => c.aspect)).toContain('scores');
    expect(in2003.find((c) => c.aspect === 'status')!.text).toMatch(/raw points.*→.*5\.5 decided on raw points/);
    const in2004 = methodologyChanges(methodologyFor(2003)!, methodologyFor(2004)!);
    expect(in2004).toEqual([
      {
        aspect: 'status',
        text: expect.stringMatching(/→ status from the Freedom Rating alone \(Free to 2\.5, Partly Free to 5\.0\)\.$/),
      },
    ]);
  });

  it('tells the electoral-democracy thresholds as they change', () => {
    const texts = (a: number, b: number) =>
      methodologyChanges(methodologyFor(a)!, methodologyFor(b)!).map((c) => c.text);
    expect(texts(2005, 2006)).toEqual(['Electoral-democracy test: undetermined → A ≥ 7, PR ≥ 20.']);
    expect(texts(2018, 2019)).toEqual(['Electoral-democracy test: undetermined → A ≥ 7, PR ≥ 20, CL ≥ 30.']);
  });

  it('notices changed bands in a custom methodology', () => {
    const m = methodologyFor(2020)!;
    const custom = {
      ...m,
      categories: m.categories.map((c) =>
        c.code === 'PR' ? { ...c, bands: c.bands.map((b) => (b.rating === 1 ? { ...b, min: 35 } : b)) } : c,
      ),
    };
    expect(methodologyChanges(m, custom)).toEqual([
      { aspect: 'bands', text: 'The Political Rights rating bands changed.' },
    ]);
  });
});

describe('methodologyBreaks', () => {
  const breaks = methodologyBreaks();
  const at = (edition: number) => breaks.filter((b) => b.edition === edition).map((b) => b.kind);

  it('marks every break a reader of FIW series must know, oldest first', () => {
    expect(at(2003)).toEqual(['detail', 'rules']);
    expect(at(2006)).toEqual(['detail']);
    expect(at(2013)).toEqual(['detail']);
    expect(at(2018)).toEqual(['rules']);
    expect(at(2022)).toEqual(['regions']);
    expect(at(1982)).toEqual(['survey-period']);
    expect(breaks.map((b) => b.edition)).toEqual([...breaks.map((b) => b.edition)].sort((a, b) => a - b));
  });

  it('explains each one', () => {
    expect(breaks.find((b) => b.edition === 2018)!.title).toBe('Add A dropped, rules revised');
    expect(breaks.find((b) => b.edition === 2004)!.description).toMatch(/Freedom Rating alone/);
    const regions = breaks.find((b) => b.kind === 'regions')!;
    expect(regions.description).toMatch(/Egypt.*moved from Middle East to Africa/);
    expect(regions.description).not.toMatch(/Kosovo/);
    expect(breaks.find((b) => b.edition === 1982)!.description).toMatch(/1981-01-01 to 1982-08-01 \(20 months\)/);
    for (const b of breaks) expect(b.description.length).toBeGreaterThan(20);
  });

  it('has no break between editions under the same rules and detail', () => {
    for (const e of [1990, 2010, 2015, 2024]) expect(at(e)).toEqual([]);
    // The electoral-democracy test changes no rating or score, so it breaks no series.
    expect(at(2019)).toEqual([]);
  });
});
