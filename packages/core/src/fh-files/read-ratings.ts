import { resolveEdition } from '../methodology/editions.js';
import type { EntityKind, Status } from '../types.js';
import { cellText, isBlank } from './cells.js';
import { canonicalColumn } from './columns.js';
import type { FhRecord } from './read.js';
import { MAX_ERRORS } from './read.js';
import { assessmentNote, type CellLocation, type InputError, type Table, type TableRow } from './table.js';

/**
 * FH's ratings-and-statuses workbook (FIW 1973–): one sheet of countries and
 * one of territories, each with a three-row header (edition label, years
 * under review, then PR / CL / Status per edition) and one row per entity.
 * "-" means not rated. A few cells are irregular on purpose, e.g. South Africa
 * in Jan.-Feb. 1973 ("2(5)", "3(6)", "F (NF)": separate ratings for two
 * populations); those are read as their first figure and reported as notes,
 * never silently.
 */
export interface FhRatingsReadResult {
  records: FhRecord[];
  /** Cells read by interpretation rather than as written, one per cell. */
  notes: InputError[];
  errors: InputError[];
}

/** Whether a sheet is in the wide ratings layout: "Survey Edition" heads column A of row 1. */
export function isRatingsLayout(table: Table): boolean {
  const first = table.rows[0]?.cells[0];
  return typeof first === 'string' && first.trim().toLowerCase() === 'survey edition';
}

/**
 * A workbook's sheets split by what they hold: FH's ratings-and-statuses
 * sheets, and score sheets in the indicator or subcategory layouts. FH's
 * ratings workbook has none of the latter (its INDEX and distribution sheets
 * are neither); a workbook of ours holds score sheets beside the ratings
 * sheets. With no ratings sheet, every table is offered to the score reader,
 * which says what it cannot recognise.
 */
export function splitRatingsTables(tables: readonly Table[]): { ratings: Table[]; scores: Table[] } {
  const ratings = tables.filter(isRatingsLayout);
  if (ratings.length === 0) return { ratings, scores: [...tables] };
  return { ratings, scores: tables.filter((t) => !isRatingsLayout(t) && hasCountryHeader(t)) };
}

function hasCountryHeader(table: Table): boolean {
  return table.rows
    .slice(0, 10)
    .some((row) => row.cells.some((c) => typeof c === 'string' && canonicalColumn(c) === 'Country/Territory'));
}

const STATUS: Record<string, Status> = { F: 'F', PF: 'PF', NF: 'NF' };
const NOT_RATED = /^(-|–|)$/;
const SPLIT_RATING = /^([1-7])\s*\(([1-7])\)$/;
const SPLIT_STATUS = /^(F|PF|NF)\s*\((F|PF|NF)\)$/;

interface EditionColumns {
  edition: number;
  pr: number;
  cl: number;
  status: number;
}

export function readFhRatingsTables(tables: readonly Table[]): FhRatingsReadResult {
  const result: FhRatingsReadResult = { records: [], notes: [], errors: [] };
  for (const table of tables) {
    if (!isRatingsLayout(table)) continue;
    readRatingsSheet(table, result);
    if (result.errors.length >= MAX_ERRORS) break;
  }
  if (result.errors.length) result.records = [];
  result.errors = result.errors.slice(0, MAX_ERRORS);
  return result;
}

function at(table: Table, row: number, column?: number, header?: string): CellLocation {
  const loc: CellLocation = { file: table.file, sheet: table.sheet, columns: table.columns, row };
  if (column !== undefined) loc.column = column;
  if (header !== undefined) loc.header = header;
  return loc;
}

function readRatingsSheet(table: Table, result: FhRatingsReadResult): void {
  const [editionRow, , figureRow] = table.rows;
  if (!editionRow || !figureRow || figureRow.number !== editionRow.number + 2) {
    result.errors.push({
      location: at(table, 1),
      message: 'expected three header rows: edition labels, years under review, then PR / CL / Status',
    });
    return;
  }
  const columns = editionColumns(table, editionRow, figureRow, result.errors);
  if (!columns) return;
  // The sheet says which kind its entities are; FH names the sheets "Country …" and "Territory …".
  const kind: EntityKind = /territor/i.test(table.sheet ?? table.file) ? 'territory' : 'country';
  for (const row of table.rows.slice(3)) {
    if (row.cells.every(isBlank)) continue;
    const entity = cellText(row.cells[0]);
    if (entity === '') {
      result.errors.push({ location: at(table, row.number, 0), message: 'blank entity name in a row with ratings' });
      continue;
    }
    for (const c of columns) readTriple(table, row, entity, kind, c, result);
    if (result.errors.length >= MAX_ERRORS) return;
  }
}

function editionColumns(
  table: Table,
  editionRow: TableRow,
  figureRow: TableRow,
  errors: InputError[],
): EditionColumns[] | undefined {
  const out: EditionColumns[] = [];
  const before = errors.length;
  for (let i = 1; i < editionRow.cells.length; i++) {
    const label = cellText(editionRow.cells[i]);
    if (label === '') continue;
    const info = resolveEdition(typeof editionRow.cells[i] === 'number' ? (editionRow.cells[i] as number) : label);
    if (!info) {
      errors.push({ location: at(table, editionRow.number, i), message: `unknown edition "${label}"` });
      continue;
    }
    const names = [0, 1, 2].map((k) => cellText(figureRow.cells[i + k]).toUpperCase());
    if (names[0] !== 'PR' || names[1] !== 'CL' || names[2] !== 'STATUS') {
      errors.push({
        location: at(table, figureRow.number, i),
        message: `expected PR, CL, Status under "${label}", found ${names.map((n) => `"${n}"`).join(', ')}`,
      });
      continue;
    }
    out.push({ edition: info.edition, pr: i, cl: i + 1, status: i + 2 });
  }
  if (out.length === 0 && errors.length === before) {
    errors.push({ location: at(table, editionRow.number), message: 'no edition columns found in the header' });
  }
  return errors.length > before ? undefined : out;
}

function readTriple(
  table: Table,
  row: TableRow,
  entity: string,
  kind: EntityKind,
  c: EditionColumns,
  result: FhRatingsReadResult,
): void {
  const texts = [c.pr, c.cl, c.status].map((i) => cellText(row.cells[i]));
  if (texts.every((t) => NOT_RATED.test(t))) return;
  const failuresBefore = result.errors.length;
  const pr = rating(table, row, c.pr, 'PR', texts[0]!, entity, c.edition, result);
  const cl = rating(table, row, c.cl, 'CL', texts[1]!, entity, c.edition, result);
  const status = statusCell(table, row, c.status, texts[2]!, entity, c.edition, result);
  if (result.errors.length > failuresBefore || pr === null || cl === null) return;
  result.records.push({
    location: at(table, row.number),
    entity,
    kind,
    region: null,
    edition: c.edition,
    input: { entity, edition: c.edition, kind, ratings: { pr, cl }, status },
    stated: { 'PR rating': pr, 'CL rating': cl, Status: status },
    cells: { 'Country/Territory': 0, 'PR rating': c.pr, 'CL rating': c.cl, Status: c.status },
  });
}

function rating(
  table: Table,
  row: TableRow,
  column: number,
  header: 'PR' | 'CL',
  text: string,
  entity: string,
  edition: number,
  result: FhRatingsReadResult,
): number | null {
  if (/^[1-7]$/.test(text)) return Number(text);
  const split = SPLIT_RATING.exec(text);
  if (split) {
    const note = `${header} "${text}" gives two ratings; stored ${split[1]}, the figure outside the brackets`;
    result.notes.push(assessmentNote(at(table, row.number, column, header), entity, edition, note));
    return Number(split[1]);
  }
  result.errors.push({
    location: at(table, row.number, column, header),
    message: text === '' ? 'blank cell; expected a rating 1–7 or "-"' : `"${text}" is not a rating 1–7 or "-"`,
  });
  return null;
}

function statusCell(
  table: Table,
  row: TableRow,
  column: number,
  text: string,
  entity: string,
  edition: number,
  result: FhRatingsReadResult,
): Status | null {
  const status = STATUS[text.toUpperCase()];
  if (status) return status;
  const split = SPLIT_STATUS.exec(text.toUpperCase());
  if (split) {
    const note = `Status "${text}" gives two statuses; stored ${split[1]}, the one outside the brackets`;
    result.notes.push(assessmentNote(at(table, row.number, column, 'Status'), entity, edition, note));
    return split[1] as Status;
  }
  result.errors.push({
    location: at(table, row.number, column, 'Status'),
    message: text === '' ? 'blank cell; expected F, PF, NF or "-"' : `"${text}" is not a status (F, PF, NF) or "-"`,
  });
  return null;
}
