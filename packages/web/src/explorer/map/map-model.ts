import {
  STATUS_NAMES,
  formatChange,
  formatFreedomRating,
  formatScore,
  valueChange,
  type MetricChange,
  type MetricDefinition,
} from '@freedom-ratings/core';
import type { ColourClass, ColourScale } from '../../map/colour-scale.js';
import type { MapGeometry, MapShape } from '../../map/geometry.js';
import type { MapRow } from './map-rows.js';

/** One rated entity as the map shows it. */
export interface MapEntry {
  row: MapRow;
  value: number | null;
  /** Set in change mode: the change since the other edition (null when either lacks the figure). */
  change: MetricChange | null;
  /** What is coloured: the value, or in change mode the change's gain. */
  colouredBy: number | null;
  class: ColourClass | null;
  /** The value (or change) in words, for tooltips, labels and the list beside the map. */
  text: string;
}

/** A metric's value as a reader sees it: “Not Free”, “23 / 100”, “5.5”. */
export function formatMetricValue(metric: MetricDefinition, value: number | null): string {
  if (value === null) return 'no data';
  if (metric.kind === 'status') return Object.values(STATUS_NAMES)[value] ?? 'no data';
  if (metric.key === 'freedomRating') return formatFreedomRating(value);
  if (metric.kind === 'rating') return String(value);
  return `${formatScore(value)} / ${metric.max}`;
}

/** A change as a reader sees it: “+3 (more free)”, “status from Partly Free to Not Free”. */
export function formatMetricChange(metric: MetricDefinition, change: MetricChange | null): string {
  if (change === null) return 'no comparable figure';
  const direction = change.gain > 0 ? 'more free' : change.gain < 0 ? 'less free' : 'unchanged';
  if (change.delta === 0) return 'no change';
  const amount =
    metric.key === 'freedomRating'
      ? `${change.delta > 0 ? '+' : '\u2212'}${formatFreedomRating(Math.abs(change.delta))}`
      : formatChange(change.delta);
  if (metric.kind === 'status')
    return `${direction} (${change.gain > 0 ? 'up' : 'down'} ${Math.abs(change.delta)} status)`;
  return `${amount} (${direction})`;
}

/** Every row of the edition with its value, change and colour class, by entity id. */
export function mapEntries(
  rows: readonly MapRow[],
  sinceRows: readonly MapRow[] | null,
  metric: MetricDefinition,
  scale: ColourScale,
): Map<string, MapEntry> {
  const since = sinceRows ? new Map(sinceRows.map((r) => [r.entity.id, r])) : null;
  const entries = new Map<string, MapEntry>();
  for (const row of rows) {
    const value = row.value;
    const before = since?.get(row.entity.id);
    const change = since ? (before ? valueChange(value, before.value, metric) : null) : null;
    const colouredBy = since ? (change?.gain ?? null) : value;
    const text = since
      ? `${formatMetricChange(metric, change)}; now ${formatMetricValue(metric, value)}`
      : formatMetricValue(metric, value);
    entries.set(row.entity.id, { row, value, change, colouredBy, class: scale.classOf(colouredBy), text });
  }
  return entries;
}

export interface PlacedShape {
  shape: MapShape;
  /** The entity the shape shows in this edition, if any of its entities is rated in it. */
  entry: MapEntry | null;
  /** Whether this is the entity's first shape (a former state such as the USSR covers several). */
  first: boolean;
}

export interface MapLayout {
  shapes: PlacedShape[];
  /** Rated entities that colour no shape: drawn as marked points and listed beside the map. */
  points: { entry: MapEntry; x: number; y: number }[];
  /**
   * Rated entities the map has neither a shape nor a place for (one added to
   * the registry with a project code, such as Arcadia): listed beside the map
   * with their colour, so none is silently missing.
   */
  unplaced: MapEntry[];
}

/**
 * Where an entity is marked: its place in the map's build, else (an entity
 * added to the registry since, with an ISO code) the centroid of that code's shape.
 */
export function placeOf(geometry: MapGeometry, entity: MapEntry['row']['entity']): [number, number] | undefined {
  return geometry.places[entity.id] ?? (entity.iso3 ? geometry.codePlaces[entity.iso3] : undefined);
}

/**
 * Which entity each shape shows, which rated entities are left over as
 * points, and which have no place at all. Every rated entity lands in exactly
 * one of the three. A shape shows the first of its entities rated in the
 * edition; failing that, an entity the map's build did not know whose ISO
 * code is the shape's. Shapes come in name order, which is the keyboard's
 * order through the map.
 */
export function layoutMap(geometry: MapGeometry, entries: Map<string, MapEntry>): MapLayout {
  const byCode = new Map<string, MapEntry>();
  for (const e of entries.values()) {
    const { id, iso3 } = e.row.entity;
    if (iso3 && !geometry.places[id]) byCode.set(iso3, e);
  }
  const used = new Set<string>();
  const shapes: PlacedShape[] = geometry.shapes.map((shape) => {
    const id = shape.entities.find((e) => entries.has(e));
    const entry = id ? entries.get(id)! : shape.iso3 ? (byCode.get(shape.iso3) ?? null) : null;
    return { shape, entry, first: false };
  });
  const nameOf = (p: PlacedShape) => p.entry?.row.entity.name ?? p.shape.name;
  shapes.sort((a, b) => nameOf(a).localeCompare(nameOf(b)));
  for (const placed of shapes) {
    const id = placed.entry?.row.entity.id;
    if (id && !used.has(id)) {
      used.add(id);
      placed.first = true;
    }
  }
  const byName = (a: MapEntry, b: MapEntry) => a.row.entity.name.localeCompare(b.row.entity.name);
  const left = [...entries.values()].filter((e) => !used.has(e.row.entity.id)).sort(byName);
  const points: MapLayout['points'] = [];
  const unplaced: MapEntry[] = [];
  for (const entry of left) {
    const xy = placeOf(geometry, entry.row.entity);
    if (xy) points.push({ entry, x: xy[0], y: xy[1] });
    else unplaced.push(entry);
  }
  return { shapes, points, unplaced };
}
