import { describe, expect, it } from 'vitest';
import { IDENTITY, MAX_ZOOM, clampZoom, panBy, pinchZoom, project, zoomAround } from './zoom.js';

describe('map zoom', () => {
  it('keeps the point under the pointer in place', () => {
    const z = zoomAround(IDENTITY, 2, 300, 200, 960, 480);
    expect(project(z, 300, 200)).toEqual([300, 200]);
    expect(z.k).toBe(2);
  });

  it('never zooms out past the whole world nor beyond the maximum', () => {
    expect(zoomAround(IDENTITY, 0.5, 100, 100, 960, 480)).toEqual(IDENTITY);
    expect(zoomAround(IDENTITY, 100, 100, 100, 960, 480).k).toBe(MAX_ZOOM);
  });

  it('cannot pan the map out of its frame', () => {
    expect(panBy(IDENTITY, 50, 50, 960, 480)).toEqual(IDENTITY);
    const z = zoomAround(IDENTITY, 2, 0, 0, 960, 480);
    expect(panBy(z, -5000, -5000, 960, 480)).toEqual(clampZoom({ k: 2, x: -960, y: -480 }, 960, 480));
  });

  it('pinches: fingers spreading to twice their distance zoom in twice, about the point between them', () => {
    const z = pinchZoom(
      IDENTITY,
      [
        [400, 200],
        [500, 200],
      ],
      [
        [350, 200],
        [550, 200],
      ],
      960,
      480,
    );
    expect(z.k).toBe(2);
    // The map point that was between the fingers (450, 200) is still between them.
    expect(project(z, 450, 200)).toEqual([450, 200]);
  });

  it('pinches and pans at once: the point between the fingers follows their midpoint', () => {
    const start = zoomAround(IDENTITY, 3, 480, 240, 960, 480);
    const under = (x: number, y: number) => [(x - start.x) / start.k, (y - start.y) / start.k] as const;
    const [px, py] = under(450, 250);
    const z = pinchZoom(
      start,
      [
        [400, 250],
        [500, 250],
      ],
      [
        [380, 230],
        [480, 230],
      ],
      960,
      480,
    );
    expect(z.k).toBe(3);
    expect(project(z, px, py)).toEqual([430, 230]);
  });

  it('pinching in stops at the whole world, out at the maximum, and fingers on one spot change nothing', () => {
    const near: [readonly [number, number], readonly [number, number]] = [
      [400, 200],
      [410, 200],
    ];
    const far: [readonly [number, number], readonly [number, number]] = [
      [0, 200],
      [900, 200],
    ];
    expect(pinchZoom(IDENTITY, far, near, 960, 480)).toEqual(IDENTITY);
    expect(pinchZoom(IDENTITY, near, far, 960, 480).k).toBe(MAX_ZOOM);
    const same: [readonly [number, number], readonly [number, number]] = [
      [400, 200],
      [400, 200],
    ];
    expect(pinchZoom(IDENTITY, same, far, 960, 480)).toEqual(IDENTITY);
  });
});
