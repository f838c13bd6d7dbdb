/**
 * Pixel geometry of a time-series chart: editions along x, a value axis
 * along y (inverted for 1–7 ratings, where 1 is best and drawn on top).
 * Only layout arithmetic lives here; every figure plotted comes from the API
 * and core.
 */
export interface Frame {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export interface Axis {
  min: number;
  max: number;
  /** Draw larger values lower (ratings: 1 on top). */
  invert?: boolean;
  ticks: readonly number[];
}

export interface Point {
  edition: number;
  value: number | null;
}

export function xScale(frame: Frame, from: number, to: number): (edition: number) => number {
  const span = Math.max(1, to - from);
  const w = frame.width - frame.left - frame.right;
  return (e) => frame.left + ((e - from) / span) * w;
}

export function yScale(frame: Frame, axis: Axis): (value: number) => number {
  const h = frame.height - frame.top - frame.bottom;
  const span = axis.max - axis.min || 1;
  return (v) => {
    const t = (v - axis.min) / span;
    return frame.top + (axis.invert ? t : 1 - t) * h;
  };
}

/**
 * An SVG path through the points, lifted where a value is missing so a gap
 * in the record (an edition without data) shows as a gap, not a made-up line.
 */
export function linePath(points: readonly Point[], x: (e: number) => number, y: (v: number) => number): string {
  let d = '';
  let pen = false;
  for (const p of points) {
    if (p.value === null) {
      pen = false;
      continue;
    }
    d += `${pen ? 'L' : 'M'}${x(p.edition).toFixed(1)},${y(p.value).toFixed(1)}`;
    pen = true;
  }
  return d;
}

/** Edition ticks every `step` years, aligned to multiples of the step, within the range. */
export function editionTicks(from: number, to: number, step: number): number[] {
  const ticks: number[] = [];
  for (let e = Math.ceil(from / step) * step; e <= to; e += step) ticks.push(e);
  return ticks;
}
