import { csvField } from '@freedom-ratings/core';

/**
 * The table core, apart from how it is drawn: columns that know their
 * value, their text and how they sort, and the operations on rows (sort,
 * CSV) that the table page and its CSV download share, so the download holds
 * exactly what the screen shows.
 */
export interface Column<R, K extends string = string> {
  key: K;
  /** Column heading. */
  label: string;
  /** A longer explanation of the heading, for its title and the CSV's header. */
  description?: string;
  /**
   * The heading on screen when shorter than `label` (“PR” under “Ratings”),
   * shown as an abbreviation whose title is the label; the CSV keeps the label.
   */
  short?: string;
  /** Columns in a row with the same group share a heading above theirs (“Scores”, “Ratings”, “Change”). */
  group?: string;
  numeric: boolean;
  /** The value sorted by and written to CSV; null sorts last. */
  value(row: R): number | string | null;
  /** The value as the screen shows it. */
  text(row: R): string;
}

export type SortOrder = 'asc' | 'desc';

/** Rows sorted by a column; missing values last in either order, ties by `tieBreak` so the order is stable. */
export function sortRows<R>(
  rows: readonly R[],
  column: Column<R>,
  order: SortOrder,
  tieBreak: (row: R) => string,
): R[] {
  const sign = order === 'asc' ? 1 : -1;
  return rows
    .map((row) => ({ row, value: column.value(row), tie: tieBreak(row) }))
    .sort((a, b) => {
      if (a.value === null || b.value === null) {
        if (a.value !== b.value) return a.value === null ? 1 : -1;
      } else if (a.value !== b.value) {
        const cmp =
          typeof a.value === 'number' && typeof b.value === 'number'
            ? a.value - b.value
            : String(a.value).localeCompare(String(b.value));
        if (cmp !== 0) return sign * cmp;
      }
      return a.tie.localeCompare(b.tie);
    })
    .map((x) => x.row);
}

/**
 * RFC 4180 CSV of the rows and columns given, headed by the column labels and
 * ended by the attribution line; fields are quoted by core's `csvField`, as
 * every CSV the project writes.
 */
export function toCsv<R>(columns: readonly Column<R>[], rows: readonly R[], attribution: string): string {
  const lines = [columns.map((c) => csvField(c.label)).join(',')];
  for (const row of rows) lines.push(columns.map((c) => csvField(c.value(row))).join(','));
  lines.push('', csvField(attribution));
  return `${lines.join('\r\n')}\r\n`;
}
