import { describe, expect, it } from 'vitest';
import { changeLabel, describeChange } from './release-changes.js';

describe('release changes as readers see them', () => {
  it('names fields as the report does', () => {
    expect(changeLabel('B2')).toBe('B2');
    expect(changeLabel('PR')).toBe('Political Rights');
    expect(changeLabel('prRating')).toBe('PR rating');
    expect(changeLabel('narrative.overview')).toBe('Overview text');
    expect(changeLabel('narrative.keyDevelopments')).toBe('Key developments text');
    expect(changeLabel('narrative.indicators.B2')).toBe('B2 text');
  });

  it('shows numbers and short codes as they are, and a long text by its length', () => {
    const base = { entityId: 'kazakhstan', entityName: 'Kazakhstan' };
    expect(describeChange({ ...base, field: 'B2', old: 1, new: 2 })).toBe('Kazakhstan, B2: 1 → 2');
    expect(describeChange({ ...base, field: 'status', old: 'NF', new: 'PF' })).toBe('Kazakhstan, Status: "NF" → "PF"');
    expect(describeChange({ ...base, field: 'trendArrow', old: null, new: 'down' })).toBe(
      'Kazakhstan, Trend arrow: (none) → "down"',
    );
    expect(describeChange({ ...base, field: 'narrative.overview', old: 'x'.repeat(120), new: null })).toBe(
      'Kazakhstan, Overview text: a text of 120 characters → (none)',
    );
  });
});
