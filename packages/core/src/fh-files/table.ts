/**
 * A sheet of cells as read from a CSV or XLSX file, with the numbers a person
 * needs to find a cell again: CSV line numbers, or XLSX row numbers and
 * column letters. Readers live outside core; this is what they produce.
 */
export type Cell = string | number | boolean | null;

export interface TableRow {
  /** 1-based line (CSV) or row (XLSX) where the row starts. */
  number: number;
  cells: Cell[];
}

export interface Table {
  file: string;
  /** Sheet name for XLSX; null for CSV. */
  sheet: string | null;
  /** How columns are named in messages: XLSX letters or CSV ordinal numbers. */
  columns: 'letters' | 'numbers';
  rows: TableRow[];
}

export interface CellLocation {
  file: string;
  sheet: string | null;
  columns: Table['columns'];
  row: number;
  /** 0-based column index; absent for whole-row messages. */
  column?: number;
  /** The column's header, when known. */
  header?: string;
}

export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** `file.xlsx, sheet "FIW13-25", row 57, column L ("B3")` or `file.csv, line 57, column 12 ("B3")`. */
export function formatLocation(loc: CellLocation): string {
  const parts = [loc.file];
  if (loc.sheet !== null) parts.push(`sheet "${loc.sheet}"`);
  parts.push(`${loc.columns === 'letters' ? 'row' : 'line'} ${loc.row}`);
  if (loc.column !== undefined) {
    const col = loc.columns === 'letters' ? columnLetter(loc.column) : String(loc.column + 1);
    parts.push(`column ${col}${loc.header ? ` ("${loc.header}")` : ''}`);
  }
  return parts.join(', ');
}

export interface InputError {
  location: CellLocation;
  message: string;
}

export function formatInputError(e: InputError): string {
  return `${formatLocation(e.location)}: ${e.message}`;
}
