import { DISCRETIONARY_MAX, INDICATORS, INDICATOR_MAX, CATEGORIES, SUBCATEGORIES } from '../methodology/structure.js';
import {
  INDICATOR_CODES,
  STATUS_RANK,
  SUBCATEGORY_CODES,
  type Granularity,
  type IndicatorCode,
  type Status,
  type SubcategoryCode,
} from '../types.js';

/**
 * The figures a reader can colour a map by, sort a table by or chart over
 * time. One list, so the map, the table and the charts agree on what a
 * metric is called, what range it has, which way is better and which
 * editions carry it.
 */
export type MetricKey =
  'status' | 'total' | 'pr' | 'cl' | 'prRating' | 'clRating' | 'freedomRating' | SubcategoryCode | IndicatorCode;

export interface MetricDefinition {
  key: MetricKey;
  /** Short label for controls and legends ("Total score", "A. Electoral Process", "B3"). */
  label: string;
  kind: 'status' | 'score' | 'rating';
  /** Range of possible values; PR and the total can go below 0 through Add Q. */
  min: number;
  max: number;
  /** Ratings run 1 (most free) to 7; scores the other way. */
  better: 'higher' | 'lower';
  /** The granularities of published data that carry this figure. */
  granularities: readonly Granularity[];
}

/** The figures every assessment in the API carries; structural, so the API's rows fit as they are. */
export interface MetricFigures {
  granularity: Granularity;
  status: Status | null;
  /** Null for an index that is not FIW's PR and CL. */
  prRating: number | null;
  clRating: number | null;
  freedomRating: number;
  pr: number | null;
  cl: number | null;
  total: number | null;
  subcategories: Readonly<Record<SubcategoryCode, number>> | null;
  indicators: Readonly<Record<IndicatorCode, number>> | null;
}

const ALL: readonly Granularity[] = ['indicators', 'subcategories', 'aggregates', 'ratings'];
const SCORED: readonly Granularity[] = ['indicators', 'subcategories', 'aggregates'];
const WITH_SUBCATEGORIES: readonly Granularity[] = ['indicators', 'subcategories'];
const WITH_INDICATORS: readonly Granularity[] = ['indicators'];

const rating = (key: MetricKey, label: string): MetricDefinition => ({
  key,
  label,
  kind: 'rating',
  min: 1,
  max: 7,
  better: 'lower',
  granularities: ALL,
});

export const METRICS: readonly MetricDefinition[] = [
  { key: 'status', label: 'Status', kind: 'status', min: 0, max: 2, better: 'lower', granularities: ALL },
  {
    key: 'total',
    label: 'Total score',
    kind: 'score',
    min: -DISCRETIONARY_MAX,
    max: CATEGORIES.PR.max + CATEGORIES.CL.max,
    better: 'higher',
    granularities: SCORED,
  },
  {
    key: 'pr',
    label: 'Political Rights score',
    kind: 'score',
    min: -DISCRETIONARY_MAX,
    max: CATEGORIES.PR.max,
    better: 'higher',
    granularities: SCORED,
  },
  {
    key: 'cl',
    label: 'Civil Liberties score',
    kind: 'score',
    min: 0,
    max: CATEGORIES.CL.max,
    better: 'higher',
    granularities: SCORED,
  },
  rating('prRating', 'Political Rights rating'),
  rating('clRating', 'Civil Liberties rating'),
  rating('freedomRating', 'Freedom Rating'),
  ...SUBCATEGORY_CODES.map((code): MetricDefinition => ({
    key: code,
    label: `${code}. ${SUBCATEGORIES[code].name}`,
    kind: 'score',
    min: 0,
    max: SUBCATEGORIES[code].max,
    better: 'higher',
    granularities: WITH_SUBCATEGORIES,
  })),
  ...INDICATOR_CODES.map((code): MetricDefinition => ({
    key: code,
    label: `${code}. ${INDICATORS[code].title}`,
    kind: 'score',
    min: 0,
    max: INDICATOR_MAX,
    better: 'higher',
    granularities: WITH_INDICATORS,
  })),
];

const byKey = new Map<string, MetricDefinition>(METRICS.map((m) => [m.key, m]));

/** The metric of a key as written in a URL, or undefined for an unknown one. */
export function metricDefinition(key: string): MetricDefinition | undefined {
  return byKey.get(key);
}

/** Whether an assessment published at this granularity carries the metric. */
export function metricAvailable(metric: MetricDefinition, granularity: Granularity): boolean {
  return metric.granularities.includes(granularity);
}

/**
 * The metric's value in one assessment's figures: a number (status as its
 * rank, 0 = Free), or null where the assessment does not carry it.
 */
export function metricValue(figures: MetricFigures, metric: MetricDefinition): number | null {
  const key = metric.key;
  switch (key) {
    case 'status':
      return figures.status === null ? null : STATUS_RANK[figures.status];
    case 'total':
    case 'pr':
    case 'cl':
    case 'prRating':
    case 'clRating':
    case 'freedomRating':
      return figures[key];
    default:
      if (key.length === 1) return figures.subcategories?.[key as SubcategoryCode] ?? null;
      return figures.indicators?.[key as IndicatorCode] ?? null;
  }
}

/** Change of a metric between two editions of one entity. */
export interface MetricChange {
  /** current − since, in the metric's own units (a rating going 5 → 3 is −2). */
  delta: number;
  /** The same change signed so that positive always means more free. */
  gain: number;
}

/** Change from `since` to `current`, or null when either lacks the metric. */
export function metricChange(
  current: MetricFigures,
  since: MetricFigures,
  metric: MetricDefinition,
): MetricChange | null {
  return valueChange(metricValue(current, metric), metricValue(since, metric), metric);
}

/**
 * The same change from two values of the metric already read (as the map's
 * series carries them), or null when either is missing.
 */
export function valueChange(
  current: number | null,
  since: number | null,
  metric: MetricDefinition,
): MetricChange | null {
  if (current === null || since === null) return null;
  const delta = current - since;
  // `+ 0` turns −0 into 0, so an unchanged rating prints as 0.
  return { delta, gain: (metric.better === 'higher' ? delta : -delta) + 0 };
}
