/** Pan and zoom of the map: map coordinates are drawn at `k × p + (x, y)`. */
export interface ZoomState {
  k: number;
  x: number;
  y: number;
}

export const IDENTITY: ZoomState = { k: 1, x: 0, y: 0 };
export const MIN_ZOOM = 1;
export const MAX_ZOOM = 12;

/** Keeps the map covering its frame: no zooming out past the whole world, no panning it out of view. */
export function clampZoom(z: ZoomState, width: number, height: number): ZoomState {
  const k = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, z.k));
  const x = Math.min(0, Math.max(width - width * k, z.x));
  const y = Math.min(0, Math.max(height - height * k, z.y));
  return { k, x, y };
}

/** Zooms by `factor` keeping the map point under (cx, cy) — frame coordinates — where it is. */
export function zoomAround(
  z: ZoomState,
  factor: number,
  cx: number,
  cy: number,
  width: number,
  height: number,
): ZoomState {
  const k = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, z.k * factor));
  const px = (cx - z.x) / z.k;
  const py = (cy - z.y) / z.k;
  return clampZoom({ k, x: cx - px * k, y: cy - py * k }, width, height);
}

export function panBy(z: ZoomState, dx: number, dy: number, width: number, height: number): ZoomState {
  return clampZoom({ k: z.k, x: z.x + dx, y: z.y + dy }, width, height);
}

/** Where a map point appears in the frame. */
export function project(z: ZoomState, px: number, py: number): [number, number] {
  return [z.k * px + z.x, z.k * py + z.y];
}

export type Point = readonly [number, number];

/**
 * A two-finger pinch from one pair of finger positions to the next (frame
 * coordinates): the map scales by how much the fingers spread apart and moves
 * with their midpoint, so the map point between them stays between them.
 */
export function pinchZoom(
  z: ZoomState,
  from: readonly [Point, Point],
  to: readonly [Point, Point],
  width: number,
  height: number,
): ZoomState {
  const spread = (p: readonly [Point, Point]) => Math.hypot(p[1][0] - p[0][0], p[1][1] - p[0][1]);
  const mid = (p: readonly [Point, Point]): Point => [(p[0][0] + p[1][0]) / 2, (p[0][1] + p[1][1]) / 2];
  const before = spread(from);
  if (before === 0) return z;
  const k = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, (z.k * spread(to)) / before));
  const [fx, fy] = mid(from);
  const [tx, ty] = mid(to);
  const px = (fx - z.x) / z.k;
  const py = (fy - z.y) / z.k;
  return clampZoom({ k, x: tx - px * k, y: ty - py * k }, width, height);
}
