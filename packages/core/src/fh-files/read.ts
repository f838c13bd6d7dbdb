import { addAEliminated, addAEliminatedIn } from '../methodology/add-a.js';
import { FIRST_EDITION, LATEST_EDITION, resolveEdition } from '../methodology/editions.js';
import { DISCRETIONARY_MAX, INDICATOR_MAX } from '../methodology/structure.js';
import type { AssessmentInput } from '../assessment-input.js';
import {
  INDICATOR_CODES,
  SUBCATEGORY_CODES,
  type EntityKind,
  type IndicatorScores,
  type Status,
  type SubcategoryScores,
} from '../types.js';
import { cellText, integerCell, integerProblem, isBlank } from './cells.js';
import { canonicalColumn, nearestColumn, wideColumn, type FhColumn } from './columns.js';
import type { Cell, CellLocation, InputError, Table, TableRow } from './table.js';

export type FhLayout = 'indicators' | 'subcategories' | 'aggregates-wide';

/** A figure the file states, kept as found so `check` can compare it. */
export type StatedValue = number | string | null;

/** One entity-edition read from an FH spreadsheet. */
export interface FhRecord {
  location: CellLocation;
  entity: string;
  kind: EntityKind;
  region: string | null;
  edition: number;
  input: AssessmentInput;
  /** Derived figures as the file states them (null where the cell is blank). */
  stated: Partial<Record<FhColumn, StatedValue>>;
  /** Column index of each figure, to point at the cell in messages (shared by a sheet's records). */
  cells: Readonly<Partial<Record<FhColumn, number>>>;
}

export interface FhSheet {
  table: Table;
  layout: FhLayout;
  headerRow: number;
  records: FhRecord[];
}

export interface FhReadResult {
  sheets: FhSheet[];
  errors: InputError[];
}

/** Stop collecting after this many errors: a wrong file would otherwise give thousands. */
export const MAX_ERRORS = 50;

const HEADER_SCAN_ROWS = 10;
const STATUS_WORDS: Record<string, Status> = {
  f: 'F', free: 'F',
  pf: 'PF', 'partly free': 'PF', 'partially free': 'PF',
  nf: 'NF', 'not free': 'NF',
}; // prettier-ignore

const STATED_AGGREGATES: readonly FhColumn[] = ['PR', 'CL', 'Total'];
const STATED_SCORES: readonly FhColumn[] = [...SUBCATEGORY_CODES, ...STATED_AGGREGATES];

type WideSlots = Map<number, Partial<Record<'PR' | 'CL' | 'Total', number>>>;

/**
 * Reads tables in any of FH's layouts. Sheets are recognised by their header,
 * not their position, so a workbook with its sheets reordered reads the same;
 * sheets without an FH header (INDEX, notes) are skipped. Every bad cell is
 * reported with its location; records are returned only when there are none.
 */
export function readFhTables(tables: readonly Table[]): FhReadResult {
  const errors: InputError[] = [];
  const sheets: FhSheet[] = [];
  const seen = new Map<string, CellLocation>();
  let recognised = 0;
  for (const table of tables) {
    const header = findHeader(table);
    if (!header) continue;
    recognised++;
    const sheet = readSheet(table, header, errors, seen);
    if (sheet) sheets.push(sheet);
    if (errors.length >= MAX_ERRORS) break;
  }
  if (recognised === 0) {
    const first = tables[0];
    const empty = tables.every((t) => t.rows.every((r) => r.cells.every(isBlank)));
    const misspelt = empty ? undefined : misspeltHeader(tables);
    if (misspelt) {
      errors.push(misspelt);
      return { sheets: [], errors };
    }
    errors.push({
      location: {
        file: first?.file ?? 'input',
        sheet: tables.length === 1 ? (first?.sheet ?? null) : null,
        row: 1,
        columns: first?.columns ?? 'numbers',
      },
      message: empty
        ? 'the file is empty'
        : `no Freedom House header found in the first ${HEADER_SCAN_ROWS} rows${tables.length > 1 ? ' of any sheet' : ''}: expected a row with "Country/Territory", "Edition" and either the indicators A1…G4, the subcategories A…G, or FIWnn PR/CL columns`,
    });
  }
  return { sheets: errors.length ? [] : sheets, errors: errors.slice(0, MAX_ERRORS) };
}

/** A header row whose Country/Territory cell is misspelt: the cell, and the column name it is closest to. */
function misspeltHeader(tables: readonly Table[]): InputError | undefined {
  for (const table of tables)
    for (const row of table.rows.slice(0, HEADER_SCAN_ROWS)) {
      const index = row.cells.findIndex((c) => typeof c === 'string' && nearestColumn(c) === 'Country/Territory');
      if (index === -1) continue;
      const text = cellText(row.cells[index]);
      return {
        location: location(table, row.number, index, text),
        message: `no Freedom House header found: "${text}" is not a column name; did you mean "Country/Territory"?`,
      };
    }
  return undefined;
}

function findHeader(table: Table): TableRow | undefined {
  return table.rows
    .slice(0, HEADER_SCAN_ROWS)
    .find((row) => row.cells.some((c) => typeof c === 'string' && canonicalColumn(c) === 'Country/Territory'));
}

function location(table: Table, row: number, column?: number, header?: string): CellLocation {
  const loc: CellLocation = { file: table.file, sheet: table.sheet, row, columns: table.columns };
  if (column !== undefined) loc.column = column;
  if (header !== undefined) loc.header = header;
  return loc;
}

function readSheet(
  table: Table,
  headerRow: TableRow,
  errors: InputError[],
  seen: Map<string, CellLocation>,
): FhSheet | undefined {
  const headerIndex = table.rows.indexOf(headerRow);
  const dataRows = table.rows.slice(headerIndex + 1);
  const columns = new Map<FhColumn, number>();
  const wide: WideSlots = new Map();
  const errorsBefore = errors.length;

  headerRow.cells.map(cellText).forEach((text, index) => {
    if (text === '') return;
    const column = canonicalColumn(text);
    const w = column ? undefined : wideColumn(text);
    if (column) {
      if (columns.has(column)) {
        errors.push({
          location: location(table, headerRow.number, index, text),
          message: `column "${column}" appears twice (first in column ${columns.get(column)! + 1})`,
        });
      } else {
        columns.set(column, index);
      }
    } else if (w) {
      const slot = wide.get(w.edition) ?? {};
      slot[w.figure] = index;
      wide.set(w.edition, slot);
    } else if (dataRows.some((r) => !isBlank(r.cells[index]))) {
      const near = nearestColumn(text);
      errors.push({
        location: location(table, headerRow.number, index, text),
        message: `unknown column "${text}"${near ? `; did you mean "${near}"?` : ''}`,
      });
    }
  });

  const hasIndicators = INDICATOR_CODES.some((c) => columns.has(c));
  const layout: FhLayout = hasIndicators ? 'indicators' : wide.size > 0 ? 'aggregates-wide' : 'subcategories';
  const required: string[] = ['Country/Territory'];
  if (layout === 'indicators') required.push('Edition', ...INDICATOR_CODES);
  if (layout === 'subcategories') required.push('Edition', ...SUBCATEGORY_CODES);
  const missing = required.filter((c) => !columns.has(c as FhColumn));
  for (const [edition, slot] of wide) {
    for (const figure of ['PR', 'CL'] as const) {
      if (slot[figure] === undefined) missing.push(`FIW${String(edition).slice(2)} ${figure}`);
    }
  }
  if (missing.length) {
    errors.push({
      location: location(table, headerRow.number),
      message: `missing column${missing.length > 1 ? 's' : ''} ${missing.map((m) => `"${m}"`).join(', ')} in the header of this ${describeLayout(layout)}`,
    });
  }
  if (errors.length > errorsBefore) return undefined;

  const reader = new SheetReader(table, layout, columns, wide, errors, seen);
  for (const row of dataRows) {
    if (row.cells.every(isBlank)) continue;
    if (layout === 'aggregates-wide') reader.readWideRow(row);
    else reader.readLongRow(row);
    if (errors.length >= MAX_ERRORS) break;
  }
  return { table, layout, headerRow: headerRow.number, records: reader.records };
}

function describeLayout(layout: FhLayout): string {
  return layout === 'indicators'
    ? 'indicator-level sheet'
    : layout === 'subcategories'
      ? 'subcategory-level sheet'
      : 'FIWnn aggregate sheet';
}

/**
 * Reads the data rows of one sheet. Column positions are looked up once per
 * sheet; per cell there is only an index and a number parse, because files
 * have tens of thousands of cells and `fiw check` is measured whole-process.
 */
class SheetReader {
  readonly records: FhRecord[] = [];
  private readonly cells: FhRecord['cells'];
  private readonly indicatorAt: number[];
  private readonly subcategoryAt: number[];
  private readonly statedAt: [FhColumn, number][];
  private readonly editionCache = new Map<Cell | undefined, number>();
  private row!: TableRow;
  private failed = false;

  constructor(
    private readonly table: Table,
    private readonly layout: FhLayout,
    private readonly columns: Map<FhColumn, number>,
    private readonly wide: WideSlots,
    private readonly errors: InputError[],
    private readonly seen: Map<string, CellLocation>,
  ) {
    this.cells = Object.freeze(Object.fromEntries(columns));
    this.indicatorAt = INDICATOR_CODES.map((c) => columns.get(c) ?? -1);
    this.subcategoryAt = SUBCATEGORY_CODES.map((c) => columns.get(c) ?? -1);
    this.statedAt = (layout === 'indicators' ? STATED_SCORES : STATED_AGGREGATES)
      .filter((c) => columns.has(c))
      .map((c) => [c, columns.get(c)!]);
  }

  private error(column: number | undefined, header: string | undefined, message: string): void {
    this.failed = true;
    this.errors.push({ location: location(this.table, this.row.number, column, header), message });
  }

  private cell(column: FhColumn): Cell | undefined {
    const i = this.columns.get(column);
    return i === undefined ? undefined : this.row.cells[i];
  }

  private text(column: FhColumn, required: boolean): string | null {
    const t = cellText(this.cell(column));
    if (t === '' && required && this.columns.has(column)) this.error(this.columns.get(column), column, 'blank cell');
    return t === '' ? null : t;
  }

  /** A score cell: a whole number in [min, max], else an error (and 0 in its place). */
  private score(index: number, header: string, min: number, max: number): number {
    const v = integerCell(this.row.cells[index]);
    if (v >= min && v <= max) return v;
    this.error(index, header, integerProblem(this.row.cells[index], min, max) ?? 'invalid');
    return 0;
  }

  /** A stated (derived) figure: blank is allowed, anything else must be a whole number. */
  private stated(index: number, header: string): number | null {
    const cell = this.row.cells[index];
    const v = integerCell(cell);
    if (!Number.isNaN(v)) return v;
    if (isBlank(cell)) return null;
    this.error(index, header, integerProblem(cell) ?? 'invalid');
    return null;
  }

  private identity(withEdition: boolean) {
    const entity = this.text('Country/Territory', true);
    const kindText = this.text('C/T', true)?.toLowerCase();
    let kind: EntityKind = 'country';
    if (kindText === 't' || kindText === 'territory') kind = 'territory';
    else if (kindText != null && kindText !== 'c' && kindText !== 'country') {
      this.error(this.columns.get('C/T'), 'C/T', `"${kindText}" is not c (country) or t (territory)`);
    }
    return { entity, kind, edition: withEdition ? this.edition() : 0, region: this.text('Region', false) };
  }

  private edition(): number {
    const cell = this.cell('Edition');
    const cached = this.editionCache.get(cell);
    if (cached !== undefined) return cached;
    const text = cellText(cell);
    const at = this.columns.get('Edition');
    const info = text === '' ? undefined : resolveEdition(typeof cell === 'number' ? cell : text);
    if (text === '') this.error(at, 'Edition', 'blank cell; expected an edition year');
    else if (!info)
      this.error(at, 'Edition', `unknown edition "${text}"; known editions are ${FIRST_EDITION}–${LATEST_EDITION}`);
    else this.editionCache.set(cell, info.edition);
    return info?.edition ?? 0;
  }

  private status(): Status | null {
    const cell = this.cell('Status');
    if (cell === 'F' || cell === 'PF' || cell === 'NF') return cell;
    const text = this.text('Status', false);
    if (text === null) return null;
    const status = STATUS_WORDS[text.toLowerCase().replace(/\s+/g, ' ')];
    if (!status) this.error(this.columns.get('Status'), 'Status', `"${text}" is not a status (F, PF or NF)`);
    return status ?? null;
  }

  private rating(column: 'PR rating' | 'CL rating'): number | null {
    const at = this.columns.get(column)!;
    const value = this.stated(at, column);
    if (value !== null && (value < 1 || value > 7))
      this.error(at, column, `${value} is out of range; expected a rating 1–7`);
    return value;
  }

  private addA(edition: number): number | null {
    const at = this.columns.get('Add A');
    if (at === undefined) return null;
    const cell = this.row.cells[at];
    if (cell === 'N/A') return null;
    const text = cellText(cell);
    if (text === '' || /^(n\/?a|-|–)$/i.test(text)) return null;
    const value = this.score(at, 'Add A', 0, DISCRETIONARY_MAX);
    if (addAEliminated(edition) && value !== 0) {
      this.error(at, 'Add A', `Add A was eliminated in FIW ${addAEliminatedIn()}; FIW ${edition} cannot have ${value}`);
    }
    return value;
  }

  private noteDuplicate(entity: string | null, edition: number, loc: CellLocation): void {
    if (!entity || !edition) return;
    const id = `${entity.toLowerCase()}\u0000${edition}`;
    const first = this.seen.get(id);
    if (!first) {
      this.seen.set(id, loc);
      return;
    }
    const unit = loc.columns === 'letters' ? 'row' : 'line';
    const where = first.sheet !== loc.sheet ? `sheet "${first.sheet}", row ${first.row}` : `${unit} ${first.row}`;
    this.error(undefined, undefined, `duplicate row for ${entity} ${edition} (first at ${where})`);
  }

  readLongRow(row: TableRow): void {
    this.row = row;
    this.failed = false;
    const id = this.identity(true);
    const loc = location(this.table, row.number);
    this.noteDuplicate(id.entity, id.edition, loc);

    const stated: FhRecord['stated'] = {};
    const status = this.status();
    if (this.columns.has('Status')) stated.Status = status;
    if (this.columns.has('PR rating')) stated['PR rating'] = this.rating('PR rating');
    if (this.columns.has('CL rating')) stated['CL rating'] = this.rating('CL rating');

    let indicators: IndicatorScores | null = null;
    let subcategories: SubcategoryScores | null = null;
    if (this.layout === 'indicators') {
      indicators = {} as IndicatorScores;
      for (let k = 0; k < INDICATOR_CODES.length; k++) {
        indicators[INDICATOR_CODES[k]!] = this.score(this.indicatorAt[k]!, INDICATOR_CODES[k]!, 0, INDICATOR_MAX);
      }
    } else {
      subcategories = {} as SubcategoryScores;
      for (let k = 0; k < SUBCATEGORY_CODES.length; k++) {
        subcategories[SUBCATEGORY_CODES[k]!] = this.score(
          this.subcategoryAt[k]!,
          SUBCATEGORY_CODES[k]!,
          0,
          Number.POSITIVE_INFINITY,
        );
      }
    }
    for (const [column, at] of this.statedAt) stated[column] = this.stated(at, column);
    const addQAt = this.columns.get('Add Q');
    const addQ = addQAt === undefined ? 0 : this.score(addQAt, 'Add Q', 0, DISCRETIONARY_MAX);
    const addA = this.addA(id.edition);
    if (this.failed || !id.entity) return;

    const input: AssessmentInput = {
      entity: id.entity,
      edition: id.edition,
      kind: id.kind,
      indicators,
      subcategories,
      addQ,
      addA,
      status,
    };
    this.records.push({
      location: loc,
      entity: id.entity,
      kind: id.kind,
      region: id.region,
      edition: id.edition,
      input,
      stated,
      cells: this.cells,
    });
  }

  readWideRow(row: TableRow): void {
    this.row = row;
    this.failed = false;
    const id = this.identity(false);
    for (const [edition, slot] of this.wide) {
      const prText = slot.PR === undefined ? '' : cellText(row.cells[slot.PR]);
      const clText = slot.CL === undefined ? '' : cellText(row.cells[slot.CL]);
      // "-" marks an entity not rated in that edition.
      if (/^(-|–|)$/.test(prText) && /^(-|–|)$/.test(clText)) continue;
      const figure = (name: 'PR' | 'CL' | 'Total'): number | null => {
        const i = slot[name];
        return i === undefined ? null : this.stated(i, `FIW${String(edition).slice(2)} ${name}`);
      };
      const pr = figure('PR');
      const cl = figure('CL');
      const total = figure('Total');
      if (pr === null) this.error(slot.PR, `FIW${String(edition).slice(2)} PR`, 'blank cell');
      if (cl === null) this.error(slot.CL, `FIW${String(edition).slice(2)} CL`, 'blank cell');
      const loc = location(this.table, row.number);
      this.noteDuplicate(id.entity, edition, loc);
      if (this.failed || !id.entity || pr === null || cl === null) continue;
      const cells: FhRecord['cells'] = {
        'Country/Territory': this.columns.get('Country/Territory')!,
        PR: slot.PR!,
        CL: slot.CL!,
      };
      this.records.push({
        location: loc,
        entity: id.entity,
        kind: id.kind,
        region: id.region,
        edition,
        input: { entity: id.entity, edition, kind: id.kind, aggregates: { pr, cl } },
        stated: slot.Total !== undefined ? { Total: total } : {},
        cells: slot.Total !== undefined ? { ...cells, Total: slot.Total } : cells,
      });
    }
  }
}
