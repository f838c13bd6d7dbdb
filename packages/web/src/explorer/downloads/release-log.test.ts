import { describe, expect, it } from 'vitest';
import { releaseHref, releaseSummary } from './release-log.js';

const release = {
  release: 1,
  checksum: 'ab'.repeat(32),
  size: 1234,
  publishedAt: '2026-12-01T10:00:00.000Z',
  reason: null,
  errata: 0,
  latest: false,
};

describe('release log', () => {
  it('sums a release up in a line: number, day, reason and its errata', () => {
    expect(releaseSummary(release)).toBe('Release 1 — 2026-12-01 — first publication');
    const second = { ...release, release: 2, publishedAt: '2026-12-02T09:00:00.000Z', reason: 'B2 mistyped' };
    expect(releaseSummary({ ...second, errata: 4 })).toBe('Release 2 — 2026-12-02 — B2 mistyped — 4 errata');
    expect(releaseSummary({ ...second, errata: 1 })).toBe('Release 2 — 2026-12-02 — B2 mistyped — 1 erratum');
  });

  it('pins a release in its download address', () => {
    expect(releaseHref(2024, 1)).toBe('/api/v1/editions/2024/export?format=json&release=1');
    expect(releaseHref(2024, 1, 'csv')).toBe('/api/v1/editions/2024/export?format=csv&release=1');
  });
});
