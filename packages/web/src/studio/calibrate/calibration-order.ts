import type { CalibrationRow } from '../../api/studio-client.js';
import type { CalibrationSort } from '../studio-url.js';

const byName = (a: CalibrationRow, b: CalibrationRow) => a.entity.name.localeCompare(b.entity.name);

/** Highest first; what has no figure goes last, by name. */
function byFigure(figure: (r: CalibrationRow) => number | null) {
  return (a: CalibrationRow, b: CalibrationRow) => {
    const x = figure(a);
    const y = figure(b);
    if (x === null || y === null) return x === y ? byName(a, b) : x === null ? 1 : -1;
    return y - x || byName(a, b);
  };
}

/** Calibration rows in the chosen order: by name, by score, or by change (largest rise first). */
export function orderCalibration(rows: readonly CalibrationRow[], sort: CalibrationSort): CalibrationRow[] {
  const compare = sort === 'score' ? byFigure((r) => r.score) : sort === 'change' ? byFigure((r) => r.change) : byName;
  return [...rows].sort(compare);
}
