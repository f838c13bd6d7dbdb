import { ENTITIES, metricDefinition, type MetricDefinition, type Status } from '@freedom-ratings/core';
import { describe, expect, it } from 'vitest';
import type { MetricSeries, RatingsRow } from '../../api/client.js';
import { buildMapGeometry } from '../../map/build-geometry.js';
import { changeScale, valueScale } from '../../map/colour-scale.js';
import { layoutMap, mapEntries as entriesOfRows } from './map-model.js';
import { rowsOfSeries, rowsOfTable, type MapRow } from './map-rows.js';

const geometry = buildMapGeometry();
/** The map's entries from ratings-table rows, as the server-rendered map makes them. */
const mapEntries = (
  rows: RatingsRow[],
  since: RatingsRow[] | null,
  metric: MetricDefinition,
  scale: Parameters<typeof entriesOfRows>[3],
) => entriesOfRows(rowsOfTable(rows, metric), since && rowsOfTable(since, metric), metric, scale);

function row(id: string, status: Status, total: number | null, prRating = 4): RatingsRow {
  const entity = ENTITIES.find((e) => e.id === id)!;
  return {
    entity: { id, name: entity.name, kind: entity.kind, code: entity.code, iso3: entity.iso3 },
    region: entity.region,
    figures: {
      granularity: total === null ? 'ratings' : 'subcategories',
      status,
      prRating,
      clRating: 4,
      freedomRating: 4,
      pr: total === null ? null : Math.floor(total / 3),
      cl: total === null ? null : total - Math.floor(total / 3),
      total,
      subcategories: null,
      indicators: null,
      addQ: null,
      addA: null,
      trendArrow: null,
      electoralDemocracy: null,
    },
    change: null,
  } as RatingsRow;
}

describe('map layout', () => {
  it('has a place for every entity in the registry', () => {
    for (const e of ENTITIES) expect(geometry.places[e.id], e.id).toBeDefined();
  });

  it('lets a former state colour all its successors’ shapes, with one of them in the Tab order', () => {
    const status = metricDefinition('status')!;
    const entries = mapEntries([row('ussr', 'NF', null), row('tibet', 'NF', null)], null, status, valueScale(status));
    const layout = layoutMap(geometry, entries);
    const ussr = layout.shapes.filter((s) => s.entry?.row.entity.id === 'ussr');
    expect(ussr.map((s) => s.shape.name).sort()).toContain('Kazakhstan');
    expect(ussr).toHaveLength(15);
    expect(ussr.filter((s) => s.first)).toHaveLength(1);
    // Tibet has no shape of its own: a point, not a silent gap.
    expect(layout.points.map((p) => p.entry.row.entity.id)).toEqual(['tibet']);
  });

  it('marks small states as points and colours countries by their own shape', () => {
    const total = metricDefinition('total')!;
    const rows = [row('andorra', 'F', 93), row('kazakhstan', 'NF', 23), row('gaza-strip', 'NF', 9)];
    const layout = layoutMap(geometry, mapEntries(rows, null, total, valueScale(total)));
    expect(layout.points.map((p) => p.entry.row.entity.id)).toEqual(['andorra', 'gaza-strip']);
    const kaz = layout.shapes.find((s) => s.entry?.row.entity.id === 'kazakhstan')!;
    expect(kaz.entry!.text).toBe('23 / 100');
    expect(kaz.entry!.class?.label).toBe('20–39');
  });

  it('colours change mode by how much freer each place became, and says so', () => {
    const rating = metricDefinition('prRating')!;
    const entries = mapEntries(
      [row('kazakhstan', 'NF', 23, 6)],
      [row('kazakhstan', 'PF', 40, 5)],
      rating,
      changeScale(rating, 'FIW 2015'),
    );
    const kaz = entries.get('kazakhstan')!;
    expect(kaz.change).toEqual({ delta: 1, gain: -1 });
    expect(kaz.text).toBe('+1 (less free); now 6');
    expect(kaz.class?.label).toBe('−1 (less free)');
  });

  /** A rated entity the map's build does not know: one added to the registry since. */
  const added = (id: string, name: string, iso3: string | null, total: number): RatingsRow => {
    const r = row('norway', 'F', total);
    return { ...r, entity: { id, name, kind: 'country', code: iso3 ?? 'XAR', iso3 } } as RatingsRow;
  };

  it('lists an added entity without a shape or place beside the map, with its colour, never dropping it', () => {
    const total = metricDefinition('total')!;
    const rows = [row('kazakhstan', 'NF', 23), row('tibet', 'NF', 0), added('arcadia', 'Arcadia', null, 93)];
    const layout = layoutMap(geometry, mapEntries(rows, null, total, valueScale(total)));
    expect(layout.unplaced.map((e) => e.row.entity.id)).toEqual(['arcadia']);
    expect(layout.unplaced[0]!.class?.label).toBe('81–100');
    expect(layout.unplaced[0]!.text).toBe('93 / 100');
    expect(layout.points.map((p) => p.entry.row.entity.id)).toEqual(['tibet']);
    expect(layout.shapes.some((s) => s.entry?.row.entity.id === 'arcadia')).toBe(false);
  });

  it('gives an added entity with an ISO code the base map’s shape or the detailed map’s place for that code', () => {
    const status = metricDefinition('status')!;
    const rows = [added('greenland', 'Greenland', 'GRL', 90), added('bermuda', 'Bermuda', 'BMU', 90)];
    const layout = layoutMap(geometry, mapEntries(rows, null, status, valueScale(status)));
    const greenland = layout.shapes.filter((s) => s.entry?.row.entity.id === 'greenland');
    expect(greenland.map((s) => [s.shape.name, s.first])).toEqual([['Greenland', true]]);
    expect(layout.points.map((p) => [p.entry.row.entity.id, p.x, p.y])).toEqual([
      ['bermuda', ...geometry.codePlaces.BMU!],
    ]);
    expect(layout.unplaced).toEqual([]);
  });

  it('puts every rated entity in exactly one place: a shape (once in the Tab order), a point or the list', () => {
    const status = metricDefinition('status')!;
    const rows = [
      ...ENTITIES.map((e) => row(e.id, 'PF', null)),
      added('arcadia', 'Arcadia', null, 93),
      added('greenland', 'Greenland', 'GRL', 90),
    ];
    const layout = layoutMap(geometry, mapEntries(rows, null, status, valueScale(status)));
    const placed = [
      ...layout.shapes.filter((s) => s.first).map((s) => s.entry!.row.entity.id),
      ...layout.points.map((p) => p.entry.row.entity.id),
      ...layout.unplaced.map((e) => e.row.entity.id),
    ];
    expect(placed.length).toBe(new Set(placed).size);
    // Former states whose successors' shapes are taken in the same edition still get their own point.
    expect(new Set(placed)).toEqual(new Set(rows.map((r) => r.entity.id)));
  });

  it('reads an edition from the metric series as it would from the ratings table', () => {
    const total = metricDefinition('total')!;
    const rows = [row('kazakhstan', 'NF', 23), row('tibet', 'NF', -2), row('norway', 'F', null)];
    const entities = rows.map((r) => r.entity);
    const series = {
      metric: 'total',
      entities,
      editions: [{ edition: 2024, rated: [2, 0, 1], status: ['F', 'NF', 'NF'], values: [null, 23, -2], source: 'S' }],
    } as MetricSeries;
    const byId = (list: MapRow[]) => Object.fromEntries(list.map((r) => [r.entity.id, r]));
    expect(byId(rowsOfSeries(series, 2024)!)).toEqual(byId(rowsOfTable(rows, total)));
    expect(rowsOfSeries(series, 2023)).toBeNull();
  });
});
