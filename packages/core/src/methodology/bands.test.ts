import { describe, expect, it } from 'vitest';
import { bandFor, CL_BANDS, formatBand, PR_BANDS, ratingFor } from './bands.js';

describe('rating bands', () => {
  // Boundary scores and the ratings FH published for them (methodology notes §5).
  it.each([
    [40, 1], [36, 1], [35, 2], [30, 2], [29, 3], [24, 3], [23, 4], [18, 4],
    [17, 5], [12, 5], [11, 6], [6, 6], [5, 7], [0, 7], [-1, 7], [-4, 7],
  ])('PR %i → rating %i', (score, rating) => {
    expect(ratingFor(score, PR_BANDS)).toBe(rating);
  }); // prettier-ignore

  it.each([
    [60, 1], [53, 1], [52, 2], [44, 2], [43, 3], [35, 3], [34, 4], [26, 4],
    [25, 5], [17, 5], [16, 6], [8, 6], [7, 7], [0, 7],
  ])('CL %i → rating %i', (score, rating) => {
    expect(ratingFor(score, CL_BANDS)).toBe(rating);
  }); // prettier-ignore

  it('covers every score exactly once', () => {
    for (const bands of [PR_BANDS, CL_BANDS]) {
      for (let s = -4; s <= 60; s++) {
        const matching = bands.filter((b) => (b.min === null || s >= b.min) && s <= b.max);
        expect(matching.length, `score ${s}`).toBe(s > bands[0]!.max ? 0 : 1);
      }
    }
  });

  it('formats open and closed bands', () => {
    expect(formatBand(bandFor(19, CL_BANDS))).toBe('17–25');
    expect(formatBand(bandFor(-2, PR_BANDS))).toBe('≤ 5');
  });
});
