import { describe, expect, it } from 'vitest';
import { preferredEncoding } from './accept-encoding.js';
import { matchesIfMatch, matchesIfNoneMatch } from './conditional.js';

describe('Accept-Encoding', () => {
  it.each([
    [undefined, 'identity'],
    ['gzip, deflate, br', 'br'],
    ['gzip', 'gzip'],
    ['br;q=0, gzip', 'gzip'],
    ['gzip;q=0.5, br;q=0.2', 'gzip'],
    ['*', 'br'],
    ['identity', 'identity'],
    ['gzip;q=0', 'identity'],
  ] as const)('%s → %s', (header, expected) => {
    expect(preferredEncoding(header)).toBe(expected);
  });
});

describe('conditional headers', () => {
  it('If-None-Match compares weakly and accepts lists and *', () => {
    expect(matchesIfNoneMatch('"a", W/"b"', '"b"')).toBe(true);
    expect(matchesIfNoneMatch('*', '"b"')).toBe(true);
    expect(matchesIfNoneMatch('"a"', '"b"')).toBe(false);
    expect(matchesIfNoneMatch(undefined, '"b"')).toBe(false);
  });

  it('If-Match compares strongly', () => {
    expect(matchesIfMatch('"v3"', '"v3"')).toBe(true);
    expect(matchesIfMatch('W/"v3"', '"v3"')).toBe(false);
    expect(matchesIfMatch('"v2", "v3"', '"v3"')).toBe(true);
  });
});
