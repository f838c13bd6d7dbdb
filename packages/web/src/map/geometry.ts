/**
 * The world map as the browser receives it: shapes already projected to SVG
 * path data at build time (so no projection code ships to the browser), each
 * with the entities it can stand for, and a point for every entity in the
 * registry, used to mark those the base map has no shape for.
 */
export interface MapGeometry {
  width: number;
  height: number;
  shapes: MapShape[];
  /** Projected [x, y] of every entity in the built-in registry. */
  places: Record<string, [number, number]>;
  /**
   * Projected [x, y] of each ISO 3166 code the detailed base map has a shape
   * for and no built-in entity holds (Greenland, New Caledonia, …): where an
   * entity added to the registry later with that code is marked.
   */
  codePlaces: Record<string, [number, number]>;
}

export interface MapShape {
  /** The base map's own name, shown for shapes Freedom House does not rate. */
  name: string;
  /** Entities the shape stands for, in order of preference (see shape-entities.ts). */
  entities: string[];
  /** The base map's ISO 3166-1 alpha-3 code for the shape (null for N. Cyprus, Somaliland, Kosovo). */
  iso3: string | null;
  /** SVG path data in the map's coordinates. */
  d: string;
}

let geometry: Promise<MapGeometry> | undefined;

/**
 * The geometry, fetched once when the map first needs it (a separate, cacheable
 * chunk). Only the browser draws the map (the server renders its placeholder),
 * so the server build leaves the geometry out: `import.meta.env.SSR` is a
 * constant there and the import below is dropped with its branch.
 */
export function loadGeometry(): Promise<MapGeometry> {
  geometry ??= import.meta.env.SSR
    ? Promise.reject(new Error('The world map is drawn in the browser only.'))
    : import('virtual:world-geometry').then((m) => m.default as MapGeometry);
  geometry.catch(() => {
    geometry = undefined;
  });
  return geometry;
}
