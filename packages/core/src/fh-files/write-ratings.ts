import { editionInfo } from '../methodology/editions.js';
import type { Status } from '../types.js';
import type { Cell } from './table.js';

/** One entity-edition of FH's ratings-and-statuses layout. */
export interface RatingsLayoutEntry {
  entity: string;
  edition: number;
  prRating: number | null;
  clRating: number | null;
  status: Status | null;
}

/**
 * FH's ratings-and-statuses layout, as its workbook's country or territory
 * sheet: three header rows (edition label, period under review, PR / CL /
 * Status) and one row per entity by name, "-" where not rated (or where the
 * status is not known). What `fiw export --layout ratings` writes and `fiw
 * score` prints for that file; `readFhRatingsTables` reads it back.
 */
export function ratingsLayoutRows(entries: readonly RatingsLayoutEntry[]): Cell[][] {
  const editions = [...new Set(entries.map((e) => e.edition))].sort((a, b) => a - b);
  const names = [...new Set(entries.map((e) => e.entity))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const byKey = new Map(entries.map((e) => [`${e.entity}\u0000${e.edition}`, e]));
  const header1: Cell[] = ['Survey Edition'];
  const header2: Cell[] = ['Year(s) Under Review'];
  const header3: Cell[] = [null];
  for (const e of editions) {
    header1.push(editionInfo(e)?.label ?? String(e), null, null);
    header2.push(periodText(e), null, null);
    header3.push('PR', 'CL', 'Status');
  }
  const rows: Cell[][] = [header1, header2, header3];
  for (const name of names) {
    const row: Cell[] = [name];
    for (const e of editions) {
      const entry = byKey.get(`${name}\u0000${e}`);
      row.push(entry?.prRating ?? '-', entry?.clRating ?? '-', entry?.status ?? '-');
    }
    rows.push(row);
  }
  return rows;
}

/** "1972", or "Aug.1982-Nov.1983" for the editions whose period is not a calendar year. */
function periodText(edition: number): Cell {
  const info = editionInfo(edition);
  if (!info) return null;
  const [y1, m1, d1] = info.periodStart.split('-');
  const [y2, m2, d2] = info.periodEnd.split('-');
  if (y1 === y2 && m1 === '01' && d1 === '01' && m2 === '12' && d2 === '31') return Number(y1);
  const month = (m: string) =>
    ['Jan.', 'Feb.', 'Mar.', 'Apr.', 'May', 'Jun.', 'Jul.', 'Aug.', 'Sep.', 'Oct.', 'Nov.', 'Dec.'][Number(m) - 1];
  return `${month(m1!)}${y1}-${month(m2!)}${y2}`;
}
