import type { Cell } from '@freedom-ratings/core';

/** Quotes a field only when it must, as FH's own CSV files do, so unquoted cells stay byte-identical. */
function csvField(value: Cell): string {
  if (value === null || value === undefined) return '';
  const s = String(value);
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvText(rows: readonly (readonly Cell[])[]): string {
  return rows.map((r) => r.map(csvField).join(',')).join('\n') + '\n';
}
