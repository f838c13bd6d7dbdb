import type { FileProblemCode } from '../input/file-problems.js';
import { editionInfo } from '../methodology/editions.js';

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

/**
 * Where in a file something is: the file always, then as much as applies —
 * the sheet (XLSX), the row or line, the column. A problem with the whole
 * file (it is empty, its ZIP directory is broken) has no row.
 */
export interface FileLocation {
  file: string;
  sheet: string | null;
  columns: Table['columns'];
  /** 1-based line (CSV, JSON) or row (XLSX); absent for a problem with the whole file. */
  row?: number;
  /** 0-based column index; absent for whole-row messages. */
  column?: number;
  /** The column's header, when known. */
  header?: string;
}

/** A location that names a row: every cell and every record has one. */
export interface CellLocation extends FileLocation {
  row: number;
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
export function formatLocation(loc: FileLocation): string {
  const parts = [loc.file];
  if (loc.sheet !== null) parts.push(`sheet "${loc.sheet}"`);
  if (loc.row !== undefined) parts.push(`${loc.columns === 'letters' ? 'row' : 'line'} ${loc.row}`);
  if (loc.column !== undefined) {
    const col = loc.columns === 'letters' ? columnLetter(loc.column) : String(loc.column + 1);
    parts.push(`column ${col}${loc.header ? ` ("${loc.header}")` : ''}`);
  }
  return parts.join(', ');
}

/** Something wrong with an input, where it is, and (for problems with the file itself) its catalogue code. */
export interface InputError {
  location: FileLocation;
  message: string;
  code?: FileProblemCode;
  /**
   * For a note about one assessment (a split rating read as its first figure,
   * a published figure beyond its maximum): which one, and the note in our
   * words without the name, to be kept with the assessment.
   */
  about?: { entity: string; edition: number; note: string };
}

/** A note about one entity-edition, named in its message and kept as data in `about`. */
export function assessmentNote(location: FileLocation, entity: string, edition: number, note: string): InputError {
  const label = editionInfo(edition)?.label ?? edition;
  return { location, message: `${entity} ${label}: ${note}`, about: { entity, edition, note } };
}

export function formatInputError(e: InputError): string {
  return `${formatLocation(e.location)}: ${e.message}`;
}
