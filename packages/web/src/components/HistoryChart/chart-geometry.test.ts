import { describe, expect, it } from 'vitest';
import { editionTicks, linePath, xScale, yScale } from './chart-geometry.js';

const frame = { width: 200, height: 100, left: 10, right: 10, top: 10, bottom: 10 };

describe('chart geometry', () => {
  it('maps editions across the plot area', () => {
    const x = xScale(frame, 2000, 2020);
    expect([x(2000), x(2010), x(2020)]).toEqual([10, 100, 190]);
  });

  it('draws ratings inverted (1 on top) and scores upright', () => {
    const ratings = yScale(frame, { min: 1, max: 7, invert: true, ticks: [] });
    expect([ratings(1), ratings(7)]).toEqual([10, 90]);
    const scores = yScale(frame, { min: 0, max: 100, ticks: [] });
    expect([scores(0), scores(100)]).toEqual([90, 10]);
  });

  it('breaks the line where an edition has no value', () => {
    const x = xScale(frame, 0, 3);
    const y = yScale(frame, { min: 0, max: 1, ticks: [] });
    const d = linePath(
      [
        { edition: 0, value: 0 },
        { edition: 1, value: 1 },
        { edition: 2, value: null },
        { edition: 3, value: 0 },
      ],
      x,
      y,
    );
    expect(d).toBe('M10.0,90.0L70.0,10.0M190.0,90.0');
  });

  it('ticks editions on round years', () => {
    expect(editionTicks(1973, 2025, 10)).toEqual([1980, 1990, 2000, 2010, 2020]);
  });
});
