import { describe, expect, it } from 'vitest';
import { INDICATOR_LAYOUT, SUBCATEGORY_LAYOUT } from './columns.js';
import { readFhTables } from './read.js';
import { formatInputError, type Cell, type Table } from './table.js';

const IND_HEADER: Cell[] = [...INDICATOR_LAYOUT];
function indicatorRow(entity: string, edition: number | string, patch: Record<string, Cell> = {}): Cell[] {
  const base: Record<string, Cell> = {
    'Country/Territory': entity,
    Region: 'Europe',
    'C/T': 'c',
    Edition: edition,
    'Add Q': 0,
    'Add A': 'N/A',
  };
  for (const c of INDICATOR_LAYOUT) if (/^[A-G]\d$/.test(c)) base[c] = 2;
  Object.assign(base, patch);
  return INDICATOR_LAYOUT.map((c) => base[c] ?? null);
}
const table = (rows: Cell[][], sheet: string | null = null): Table => ({
  file: 'in.csv',
  sheet,
  columns: sheet === null ? 'numbers' : 'letters',
  rows: rows.map((cells, i) => ({ number: i + 1, cells })),
});
const messages = (t: Table[]) => readFhTables(t).errors.map(formatInputError);

describe('readFhTables', () => {
  it('reads the indicator layout, keeping what the file states', () => {
    const r = readFhTables([table([IND_HEADER, indicatorRow('Arcadia', 2024, { Status: 'PF', PR: 21 })])]);
    expect(r.errors).toEqual([]);
    const rec = r.sheets[0]!.records[0]!;
    expect(rec).toMatchObject({
      entity: 'Arcadia',
      edition: 2024,
      kind: 'country',
      region: 'Europe',
      location: { row: 2 },
    });
    expect(rec.input.indicators!.A1).toBe(2);
    expect(rec.stated).toMatchObject({ Status: 'PF', PR: 21, CL: null });
  });

  it('finds the header below a title row and reads the subcategory layout', () => {
    const head = [...SUBCATEGORY_LAYOUT].map((c) => (c === 'PR rating' ? 'PR Rating' : c === 'C/T' ? 'C/T?' : c));
    const row = ['Kazakhstan', 'Eurasia', 'c', 2014, 'NF', 6, 5, 2, 3, 1, 0, 0, 6, 4, 3, 4, 8, 19, 25];
    const r = readFhTables([table([['A title'], head, row], 'FIW06-23')]);
    expect(r.errors).toEqual([]);
    expect(r.sheets[0]).toMatchObject({ layout: 'subcategories', headerRow: 2 });
    expect(r.sheets[0]!.records[0]!.input.subcategories).toEqual({ A: 2, B: 3, C: 1, D: 4, E: 3, F: 4, G: 8 });
  });

  it('reads the wide FIW03-05 layout into aggregate records, skipping "-"', () => {
    const head = [
      'Country/Territory',
      'C/T?',
      'FIW03 PR',
      'FIW04 PR',
      'FIW03 CL ',
      'FIW04 CL',
      'FIW03 Total',
      'FIW04 Total',
    ];
    const r = readFhTables([table([head, ['Yugoslavia', 'c', 20, '-', 30, '-', 50, '-']], 'FIW03-05')]);
    expect(r.errors).toEqual([]);
    expect(r.sheets[0]!.records).toHaveLength(1);
    expect(r.sheets[0]!.records[0]!.input).toMatchObject({ edition: 2003, aggregates: { pr: 20, cl: 30 } });
  });

  it('names file, row and column for each bad cell, and returns no records', () => {
    const r = readFhTables([
      table([
        IND_HEADER,
        indicatorRow('A', 2024, { B3: 5 }),
        indicatorRow('B', 2024, { C1: 'x' }),
        indicatorRow('C', 2024, { D2: '' }),
        indicatorRow('D', 2031),
        indicatorRow('E', 2024, { Status: 'Free-ish' }),
        indicatorRow('F', 2020, { 'Add A': 2 }),
      ]),
    ]);
    expect(r.sheets).toEqual([]);
    expect(r.errors.map(formatInputError)).toEqual([
      'in.csv, line 2, column 14 ("B3"): 5 is out of range, expected a whole number 0–4',
      'in.csv, line 3, column 17 ("C1"): "x" is not a whole number; expected a whole number 0–4',
      'in.csv, line 4, column 25 ("D2"): blank cell; expected a whole number 0–4',
      'in.csv, line 5, column 4 ("Edition"): unknown edition "2031"; known editions are 1973–2026',
      'in.csv, line 6, column 5 ("Status"): "Free-ish" is not a status (F, PF or NF)',
      'in.csv, line 7, column 22 ("Add A"): Add A was eliminated in FIW 2018; FIW 2020 cannot have 2',
    ]);
  });

  it('reports duplicated entity-edition rows with both places', () => {
    expect(messages([table([IND_HEADER, indicatorRow('A', 2024), indicatorRow('a', 2024)])])).toEqual([
      'in.csv, line 3: duplicate row for a 2024 (first at line 2)',
    ]);
  });

  it('reports missing, renamed and repeated columns', () => {
    const missing = IND_HEADER.filter((c) => c !== 'B3');
    expect(messages([table([missing, ['A']])])).toEqual([
      'in.csv, line 1: missing column "B3" in the header of this indicator-level sheet',
    ]);
    const renamed = IND_HEADER.map((c) => (c === 'Add Q' ? 'AddQ' : c));
    expect(messages([table([renamed, indicatorRow('A', 2024)])])).toEqual([
      'in.csv, line 1, column 21 ("AddQ"): unknown column "AddQ"; did you mean "Add Q"?',
    ]);
    const twice = [...IND_HEADER, 'A1'];
    expect(messages([table([twice, indicatorRow('A', 2024)])])[0]).toMatch(/column "A1" appears twice/);
  });

  it('ignores unknown header cells over empty columns (the stray "x" in FH\'s workbook)', () => {
    const r = readFhTables([table([[...IND_HEADER, 'x'], indicatorRow('A', 2024)])]);
    expect(r.errors).toEqual([]);
  });

  it('says so when nothing looks like an FH sheet, or the file is empty', () => {
    expect(
      messages([
        table([
          ['name', 'age'],
          ['Bob', 3],
        ]),
      ])[0],
    ).toMatch(/no Freedom House header found/);
    expect(messages([table([])])).toEqual(['in.csv, line 1: the file is empty']);
  });

  it('recognises sheets by header whatever their order', () => {
    const notes = table([['Notes about the data']], 'INDEX');
    const data = table([IND_HEADER, indicatorRow('A', 2024)], 'DATA');
    for (const order of [
      [notes, data],
      [data, notes],
    ]) {
      expect(readFhTables(order).sheets.map((s) => s.table.sheet)).toEqual(['DATA']);
    }
  });
});

describe('a header that is not recognised', () => {
  const csv = (header: string[]): Table => ({
    file: 'x.csv',
    sheet: null,
    columns: 'numbers',
    rows: [{ number: 1, cells: header }],
  });

  it('suggests the nearest column name for a misspelt one', () => {
    const misspelt = INDICATOR_LAYOUT.map((c) => (c === 'Country/Territory' ? 'Counrty/Territory' : c));
    expect(readFhTables([csv(misspelt)]).errors.map((e) => [e.location.column, e.message])).toEqual([
      [0, 'no Freedom House header found: "Counrty/Territory" is not a column name; did you mean "Country/Territory"?'],
    ]);
    const table = csv(INDICATOR_LAYOUT.map((c) => (c === 'Edition' ? 'Editon' : c)));
    const withRow = { ...table, rows: [...table.rows, { number: 2, cells: INDICATOR_LAYOUT.map(() => 1) }] };
    expect(readFhTables([withRow]).errors[0]!.message).toBe('unknown column "Editon"; did you mean "Edition"?');
  });

  it('suggests nothing for a header far from every column name', () => {
    expect(readFhTables([csv(['Name', 'Year', 'Score'])]).errors[0]!.message).toMatch(
      /^no Freedom House header found in the first 10 rows: expected/,
    );
  });
});
