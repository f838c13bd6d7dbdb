import type { ChartAxis } from './HistoryChart.js';

/**
 * A score axis from 0 (or below, for the negative PR and totals Add Q
 * produces) to `max`, ticked every fifth of the range.
 */
export function scoreAxis(values: readonly (number | null)[], max: number, label = 'Score'): ChartAxis {
  const lowest = Math.min(0, ...values.filter((v): v is number => v !== null));
  const step = max / 5;
  const min = lowest < 0 ? -Math.ceil(-lowest / 5) * 5 : 0;
  // A negative tick close to 0 would print over the 0; the axis still runs below 0 without it.
  const ticks = [...(min <= -step / 2 ? [min] : []), ...Array.from({ length: 6 }, (_, i) => i * step)];
  return { min, max, ticks, label };
}
