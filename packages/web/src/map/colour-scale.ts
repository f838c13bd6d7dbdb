import {
  STATUSES,
  STATUS_NAMES,
  formatChange,
  formatFreedomRating,
  formatScore,
  type MetricDefinition,
} from '@freedom-ratings/core';
import { NO_DATA_COLOUR, STATUS_STYLE } from '../components/StatusBadge/status-style.js';

/** One class of a map's colouring, as the legend lists it. */
export interface ColourClass {
  label: string;
  colour: string;
  pattern: 'solid' | 'hatch' | 'dots';
  /** Inclusive bounds of the values in the class. */
  min: number;
  max: number;
}

export interface ColourScale {
  title: string;
  classes: ColourClass[];
  noData: { label: string; colour: string };
  /** The class of a value; null for a missing value. */
  classOf(value: number | null): ColourClass | null;
}

/** Viridis, dark (least free) to light (most free): ordered by lightness, so it reads in grey and to colour-blind eyes. */
const SEQUENTIAL = ['#440154', '#443983', '#31688e', '#21918c', '#35b779', '#90d743', '#fde725'];
/** Purple–orange diverging: orange declined, grey unchanged, purple improved. */
const DIVERGING = ['#b35806', '#e08214', '#fdb863', '#e6e6e6', '#b2abd2', '#8073ac', '#542788'];

const solid = (label: string, colour: string, min: number, max: number): ColourClass => ({
  label,
  colour,
  pattern: 'solid',
  min,
  max,
});

function scale(title: string, classes: ColourClass[]): ColourScale {
  return {
    title,
    classes,
    noData: { label: 'No data', colour: NO_DATA_COLOUR },
    classOf: (value) => (value === null ? null : (classes.find((c) => value >= c.min && value <= c.max) ?? null)),
  };
}

function pick(palette: readonly string[], n: number): string[] {
  if (n >= palette.length) return [...palette];
  return Array.from({ length: n }, (_, i) => palette[Math.round((i * (palette.length - 1)) / (n - 1))]!);
}

/** Colours for a metric's values (by status: the status colours and patterns). */
export function valueScale(metric: MetricDefinition): ColourScale {
  if (metric.kind === 'status') {
    return scale(
      metric.label,
      STATUSES.map((s, rank) => ({ label: STATUS_NAMES[s], ...STATUS_STYLE[s], min: rank, max: rank })),
    );
  }
  if (metric.kind === 'rating') {
    // Rating 1 is the most free, so it takes the lightest colour; a Freedom Rating of 2.5 sits with 2.
    const colours = pick(SEQUENTIAL, 7).reverse();
    const half = metric.key === 'freedomRating';
    return scale(
      metric.label,
      colours.map((colour, i) => {
        const r = i + 1;
        const label = half && r < 7 ? `${formatFreedomRating(r)}–${formatFreedomRating(r + 0.5)}` : String(r);
        return solid(label, colour, r, half ? r + 0.5 : r);
      }),
    );
  }
  // Scores: five equal bands of the range (indicators: one per score 0–4); Add Q's negatives join the lowest.
  const n = Math.min(5, metric.max + 1);
  const colours = pick(SEQUENTIAL, n);
  const classes: ColourClass[] = [];
  for (let i = 0; i < n; i++) {
    const min = i === 0 ? metric.min : Math.round((i * (metric.max + 1)) / n);
    const max = i === n - 1 ? metric.max : Math.round(((i + 1) * (metric.max + 1)) / n) - 1;
    const low = i === 0 ? 0 : min;
    classes.push(
      solid(low === max ? formatScore(max) : `${formatScore(low)}–${formatScore(max)}`, colours[i]!, min, max),
    );
  }
  return scale(metric.label, classes);
}

/** Colours for a change, by how much freer (positive) or less free (negative); bands scale with the metric's range. */
export function changeScale(metric: MetricDefinition, since: string): ColourScale {
  const range = metric.max - Math.max(0, metric.min);
  // Edges of the improving side; the declining side mirrors them.
  const edges = range >= 100 ? [1, 5, 10] : range >= 40 ? [1, 3, 6] : range >= 12 ? [1, 3] : [1, 2];
  const step = (n: number) => (metric.key === 'freedomRating' ? n / 2 : n);
  const unit = (n: number) =>
    metric.key === 'freedomRating'
      ? (n > 0 ? '+' : n < 0 ? '\u2212' : '') + formatFreedomRating(Math.abs(n))
      : formatChange(n);
  const top = Number.POSITIVE_INFINITY;
  const up: { min: number; max: number }[] = edges.map((e, i) => ({
    min: step(e),
    max: i + 1 < edges.length ? step(edges[i + 1]!) - (metric.key === 'freedomRating' ? 0.5 : 1) : top,
  }));
  const palette = edges.length === 3 ? DIVERGING : pick(DIVERGING, 5);
  const mid = (palette.length - 1) / 2;
  const label = (lo: number, hi: number, sign: 1 | -1) => {
    const a = sign * lo;
    const b = sign * hi;
    if (hi === top) return sign > 0 ? `${unit(a)} or more` : `${unit(a)} or less`;
    return lo === hi ? unit(a) : sign > 0 ? `${unit(a)} to ${unit(b)}` : `${unit(b)} to ${unit(a)}`;
  };
  const classes: ColourClass[] = [
    ...up
      .slice()
      .reverse()
      .map((b, i) => solid(`${label(b.min, b.max, -1)} (less free)`, palette[i]!, -b.max, -b.min)),
    solid('No change', palette[mid]!, 0, 0),
    ...up.map((b, i) => solid(`${label(b.min, b.max, 1)} (more free)`, palette[mid + 1 + i]!, b.min, b.max)),
  ];
  return scale(`${metric.label}: change since ${since}`, classes);
}
