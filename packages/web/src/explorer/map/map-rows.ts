import { metricValue, type MetricDefinition, type Status } from '@freedom-ratings/core';
import type { MetricSeries, RatingsRow } from '../../api/client.js';

/** One rated entity of an edition as the map needs it: who, its status (for the page's summary) and its value. */
export interface MapRow {
  /** `iso3` places an entity the map's build did not know (one added to the registry since) by its ISO code. */
  entity: { id: string; name: string; kind: 'country' | 'territory'; iso3: string | null };
  status: Status | null;
  value: number | null;
}

/** An edition's rows from its ratings table (the server-rendered map, and before the series has arrived). */
export function rowsOfTable(rows: readonly RatingsRow[], metric: MetricDefinition): MapRow[] {
  return rows.map((r) => ({ entity: r.entity, status: r.figures.status, value: metricValue(r.figures, metric) }));
}

/** An edition's rows from the metric's series (every edition in one answer), or null if the series lacks it. */
export function rowsOfSeries(series: MetricSeries, edition: number): MapRow[] | null {
  const e = series.editions.find((x) => x.edition === edition);
  if (!e) return null;
  return e.rated.map((i, k) => ({ entity: series.entities[i]!, status: e.status[k]!, value: e.values[k]! }));
}
