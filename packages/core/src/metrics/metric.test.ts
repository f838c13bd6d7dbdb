import { describe, expect, it } from 'vitest';
import {
  METRICS,
  metricAvailable,
  metricChange,
  metricDefinition,
  metricValue,
  valueChange,
  type MetricFigures,
} from './metric.js';

const kazakhstan2014: MetricFigures = {
  granularity: 'subcategories',
  status: 'NF',
  prRating: 6,
  clRating: 5,
  freedomRating: 5.5,
  pr: 6,
  cl: 19,
  total: 25,
  subcategories: { A: 2, B: 2, C: 2, D: 6, E: 2, F: 4, G: 7 },
  indicators: null,
};
const earlier: MetricFigures = { ...kazakhstan2014, status: 'PF', prRating: 5, pr: 8, total: 28 };

describe('metrics', () => {
  it('has one definition per key, found by the key a URL carries', () => {
    expect(new Set(METRICS.map((m) => m.key)).size).toBe(METRICS.length);
    expect(METRICS).toHaveLength(7 + 7 + 25);
    expect(metricDefinition('B3')?.max).toBe(4);
    expect(metricDefinition('A')?.label).toBe('A. Electoral Process');
    expect(metricDefinition('nonsense')).toBeUndefined();
  });

  it('reads each figure, and null where the granularity lacks it', () => {
    expect(metricValue(kazakhstan2014, metricDefinition('total')!)).toBe(25);
    expect(metricValue(kazakhstan2014, metricDefinition('status')!)).toBe(2);
    expect(metricValue(kazakhstan2014, metricDefinition('G')!)).toBe(7);
    expect(metricValue(kazakhstan2014, metricDefinition('G1')!)).toBeNull();
    expect(metricAvailable(metricDefinition('G1')!, 'subcategories')).toBe(false);
    expect(metricAvailable(metricDefinition('freedomRating')!, 'ratings')).toBe(true);
  });

  it('signs a change so that positive is more free, whichever way the metric runs', () => {
    expect(metricChange(kazakhstan2014, earlier, metricDefinition('total')!)).toEqual({ delta: -3, gain: -3 });
    expect(metricChange(kazakhstan2014, earlier, metricDefinition('prRating')!)).toEqual({ delta: 1, gain: -1 });
    expect(metricChange(kazakhstan2014, earlier, metricDefinition('status')!)).toEqual({ delta: 1, gain: -1 });
    expect(metricChange(kazakhstan2014, earlier, metricDefinition('clRating')!)).toEqual({ delta: 0, gain: 0 });
    expect(metricChange(kazakhstan2014, earlier, metricDefinition('A1')!)).toBeNull();
  });

  it('computes the same change from two values read before (the map series)', () => {
    const fr = metricDefinition('freedomRating')!;
    expect(valueChange(5.5, 6, fr)).toEqual({ delta: -0.5, gain: 0.5 });
    expect(valueChange(23, 26, metricDefinition('total')!)).toEqual({ delta: -3, gain: -3 });
    expect(valueChange(3, null, fr)).toBeNull();
    expect(valueChange(null, 3, fr)).toBeNull();
  });
});
