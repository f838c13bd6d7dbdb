import type { Cell } from './table.js';

/**
 * Quotes a field only when it must, as FH's own CSV files do, so unquoted
 * cells stay byte-identical: `fiw score` and the exports write FH's layouts
 * in FH's own bytes.
 */
export function csvField(value: Cell): string {
  if (value === null || value === undefined) return '';
  const s = String(value);
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(cells: readonly Cell[]): string {
  return cells.map(csvField).join(',');
}

/** Rows as CSV text, LF-terminated. */
export function csvText(rows: readonly (readonly Cell[])[]): string {
  return rows.map(csvLine).join('\n') + '\n';
}
