import { describe, expect, it } from 'vitest';
import { IDENTITY, MAX_ZOOM, clampZoom, panBy, project, zoomAround } from './zoom.js';

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
});
