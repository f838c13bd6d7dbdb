import { describe, expect, it } from 'vitest';
import type { CalibrationRow } from '../../api/studio-client.js';
import { orderCalibration } from './calibration-order.js';

const row = (name: string, score: number | null, change: number | null): CalibrationRow => ({
  id: name.length,
  entity: { id: name.toLowerCase(), name, kind: 'country', code: name.slice(0, 3).toUpperCase(), iso3: null },
  region: 'Eurasia',
  state: 'draft',
  score,
  previousEdition: 2025,
  previousScore: score === null || change === null ? null : score - change,
  change,
  text: null,
  previousText: null,
});

describe('calibration order', () => {
  const rows = [row('Kazakhstan', 1, 0), row('Armenia', 3, -1), row('Georgia', 3, 1), row('Belarus', null, null)];
  it('sorts by name, by score (highest first) and by change, with missing figures last', () => {
    expect(orderCalibration(rows, 'name').map((r) => r.entity.name)).toEqual([
      'Armenia',
      'Belarus',
      'Georgia',
      'Kazakhstan',
    ]);
    expect(orderCalibration(rows, 'score').map((r) => r.entity.name)).toEqual([
      'Armenia',
      'Georgia',
      'Kazakhstan',
      'Belarus',
    ]);
    expect(orderCalibration(rows, 'change').map((r) => r.entity.name)).toEqual([
      'Georgia',
      'Kazakhstan',
      'Armenia',
      'Belarus',
    ]);
  });
});
