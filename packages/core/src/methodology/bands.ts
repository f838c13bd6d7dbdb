import type { Rating } from '../types.js';

/**
 * One row of a rating table: aggregate scores from `min` to `max` (inclusive)
 * give `rating`. `min: null` leaves the band open downwards, which is how the
 * PR table maps negative aggregates (Add Q can push PR below 0) to rating 7.
 */
export interface Band {
  rating: Rating;
  min: number | null;
  max: number;
}

/** Bands ordered from rating 1 (highest scores) to rating 7. */
export type BandTable = readonly Band[];

function table(lowerBounds: readonly number[], max: number): BandTable {
  const bands: Band[] = [];
  let upper = max;
  lowerBounds.forEach((min, i) => {
    bands.push({ rating: (i + 1) as Rating, min, max: upper });
    upper = min - 1;
  });
  bands.push({ rating: 7, min: null, max: upper });
  return bands;
}

/** Political Rights aggregate → rating, FIW 2003 onward (0 exceptions in FH's data). */
export const PR_BANDS: BandTable = table([36, 30, 24, 18, 12, 6], 40);

/** Civil Liberties aggregate → rating, FIW 2003 onward. */
export const CL_BANDS: BandTable = table([53, 44, 35, 26, 17, 8], 60);

/** The band a score falls in. Scores above the top band still rate 1. */
export function bandFor(score: number, bands: BandTable): Band {
  for (const band of bands) {
    if (band.min === null || score >= band.min) return band;
  }
  // A well-formed table ends with an open band; this is for hand-made tables.
  return bands[bands.length - 1]!;
}

export function ratingFor(score: number, bands: BandTable): Rating {
  return bandFor(score, bands).rating;
}

export function bandOf(rating: Rating, bands: BandTable): Band | undefined {
  return bands.find((b) => b.rating === rating);
}

/** "17–25", "36–40", "≤ 5". */
export function formatBand(band: Band): string {
  return band.min === null ? `≤ ${band.max}` : `${band.min}–${band.max}`;
}
