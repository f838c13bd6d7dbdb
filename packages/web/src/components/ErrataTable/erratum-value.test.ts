import { describe, expect, it } from 'vitest';
import { erratumDate, erratumValue, TEXT_PREVIEW_CHARS } from './erratum-value.js';

describe('erratum values', () => {
  it('prints figures as reports do, statuses in words and an absent value as none', () => {
    expect(erratumValue('B2', 3)).toEqual({ shown: '3', full: null });
    expect(erratumValue('addQ', -2)).toEqual({ shown: '\u22122', full: null });
    expect(erratumValue('freedomRating', 5)).toEqual({ shown: '5.0', full: null });
    expect(erratumValue('status', 'PF')).toEqual({ shown: 'Partly Free', full: null });
    expect(erratumValue('B2', null)).toEqual({ shown: 'none', full: null });
    expect(erratumValue('region', 'Eurasia')).toEqual({ shown: 'Eurasia', full: null });
  });

  it('shortens a long text at a word boundary and keeps the whole of it aside', () => {
    const body = 'The authorities   detained several opposition figures ahead of the vote, and the courts upheld it.';
    const v = erratumValue('narrative.B.B2', body);
    expect(v.full).toBe(body);
    expect(v.shown).toBe('The authorities detained several opposition figures ahead of…');
    expect(v.shown.length).toBeLessThanOrEqual(TEXT_PREVIEW_CHARS + 1);
    // One unbroken word longer than the preview is cut inside it rather than shown whole.
    expect(erratumValue('narrative.overview', 'x'.repeat(200)).shown).toBe(`${'x'.repeat(TEXT_PREVIEW_CHARS)}…`);
  });

  it('dates an entry by its day', () => {
    expect(erratumDate({ at: '2026-12-02T04:55:00.000Z' })).toBe('2026-12-02');
  });
});
