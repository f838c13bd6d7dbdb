import { createRequire } from 'node:module';
import { ENTITIES } from '@freedom-ratings/core';
import { geoCentroid, geoEqualEarth, geoPath, type GeoPermissibleObjects } from 'd3-geo';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { MapGeometry, MapShape } from './geometry.js';
import { PLACES, PREDECESSORS, SHAPES_BY_NAME } from './shape-entities.js';

const require = createRequire(import.meta.url);

/** Width of the map's coordinate space; the SVG scales it to the page. */
const WIDTH = 960;

interface CountryProperties {
  name: string;
}

function countries(file: string) {
  const topology = require(file) as Topology<{ countries: GeometryCollection<CountryProperties> }>;
  return feature(topology, topology.objects.countries).features;
}

/**
 * Builds the map the browser loads (at build time, in Node): Natural Earth's
 * 1:110m countries projected with Equal Earth, each shape linked to the
 * entities it stands for (and its ISO code, for entities added to the registry
 * later), and a place for every built-in entity — the centroid of its shape in
 * the 1:50m map where it has an ISO code (which covers the small states the
 * 1:110m map leaves out), else the place listed in shape-entities.ts — and
 * for every other ISO code the 1:50m map has.
 */
export function buildMapGeometry(): MapGeometry {
  const iso = require('i18n-iso-countries') as {
    alpha3ToNumeric(code: string): string | undefined;
    numericToAlpha3(code: string): string | undefined;
  };
  const alpha3Of = (id: string | number | undefined) =>
    id === undefined ? null : (iso.numericToAlpha3(String(id)) ?? null);
  const byNumeric = new Map<string, string>();
  for (const e of ENTITIES) {
    const numeric = e.iso3 ? iso.alpha3ToNumeric(e.iso3) : undefined;
    if (numeric) byNumeric.set(numeric, e.id);
  }

  const coarse = countries('world-atlas/countries-110m.json').filter((f) => f.properties.name !== 'Antarctica');
  const projection = geoEqualEarth().fitWidth(WIDTH, { type: 'FeatureCollection', features: coarse });
  const path = geoPath(projection).digits(1);
  const [[, top], [, bottom]] = path.bounds({ type: 'FeatureCollection', features: coarse });
  projection.translate([projection.translate()[0], projection.translate()[1] - top]);
  const height = Math.ceil(bottom - top);

  const shapes: MapShape[] = coarse.map((f) => {
    const own = f.id !== undefined ? byNumeric.get(String(f.id)) : undefined;
    const entities = own ? [own, ...(PREDECESSORS[own] ?? [])] : [...(SHAPES_BY_NAME[f.properties.name] ?? [])];
    return { name: f.properties.name, entities, iso3: alpha3Of(f.id), d: path(f) ?? '' };
  });

  const round = ([x, y]: [number, number]): [number, number] => [Math.round(x * 10) / 10, Math.round(y * 10) / 10];
  const detailed = new Map(countries('world-atlas/countries-50m.json').map((f) => [String(f.id), f]));
  const places: Record<string, [number, number]> = {};
  for (const e of ENTITIES) {
    const numeric = e.iso3 ? iso.alpha3ToNumeric(e.iso3) : undefined;
    const shape = numeric ? detailed.get(numeric) : undefined;
    const lonLat = PLACES[e.id] ?? (shape ? geoCentroid(shape as GeoPermissibleObjects) : undefined);
    const xy = lonLat ? projection([lonLat[0], lonLat[1]]) : null;
    if (!xy) throw new Error(`map: no place for ${e.id}; add it to PLACES in shape-entities.ts`);
    places[e.id] = round(xy);
  }
  // Codes the registry may be given later (an organisation adds Greenland): their shape's centroid.
  const builtinCodes = new Set(ENTITIES.map((e) => e.iso3));
  const codePlaces: Record<string, [number, number]> = {};
  for (const [numeric, shape] of detailed) {
    const code = alpha3Of(numeric);
    if (!code || builtinCodes.has(code)) continue;
    const xy = projection(geoCentroid(shape as GeoPermissibleObjects));
    if (xy) codePlaces[code] = round(xy);
  }
  return { width: WIDTH, height, shapes, places, codePlaces };
}
