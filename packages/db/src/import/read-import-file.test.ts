import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { formatInputError, INDICATOR_LAYOUT } from '@freedom-ratings/core';
import { ImportInputError } from './import-source.js';
import { readImportFile } from './read-import-file.js';

async function workbook(sheets: Record<string, (string | number | null)[][]>): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const sheet = wb.addWorksheet(name);
    for (const row of rows) sheet.addRow(row.map((c) => c ?? undefined));
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

function errorsOf(read: () => unknown): string[] {
  try {
    read();
  } catch (e) {
    if (e instanceof ImportInputError) return e.errors.map(formatInputError);
    throw e;
  }
  throw new Error('no error');
}

// Kazakhstan FIW 2014 as FH's indicator file states it.
const KAZAKHSTAN_2014 = [
  'Kazakhstan', 'Eurasia', 'c', 2014, 'NF', 6, 5,
  1, 0, 1, 2, 1, 1, 1, 0, 3, 0, 1, 0, 1, 0, 0, 6,
  1, 1, 2, 1, 5, 1, 1, 1, 3, 1, 1, 1, 1, 4, 2, 1, 2, 2, 7, 19, 25,
]; // prettier-ignore

describe('reading an import file', () => {
  it('reads an XLSX in FH’s indicator layout', async () => {
    const bytes = await workbook({ 'FIW13-25': [[...INDICATOR_LAYOUT], KAZAKHSTAN_2014] });
    const source = readImportFile(bytes, 'scores.xlsx');
    expect(source.description).toBe('indicator scores');
    expect(source.records.map((r) => [r.entity, r.edition, r.input.indicators?.A1])).toEqual([['Kazakhstan', 2014, 1]]);
  });

  it('names file, sheet, row and column of a bad XLSX cell', async () => {
    const bad = [...KAZAKHSTAN_2014];
    bad[INDICATOR_LAYOUT.indexOf('B3')] = 7;
    const bytes = await workbook({ Notes: [['about this file']], 'FIW13-25': [[...INDICATOR_LAYOUT], bad] });
    expect(errorsOf(() => readImportFile(bytes, 'scores.xlsx'))).toEqual([
      'scores.xlsx, sheet "FIW13-25", row 2, column N ("B3"): 7 is out of range, expected a whole number 0–4',
    ]);
  });

  it('reads our JSON itself, texts included', () => {
    const json = JSON.stringify([
      {
        entity: 'Chile',
        edition: 2014,
        subcategories: { A: 12, B: 15, C: 11, D: 15, E: 11, F: 14, G: 12 },
        narrative: { overview: 'An overview.', indicators: { A1: 'Free elections.' } },
      },
    ]);
    const source = readImportFile(Buffer.from(json), 'ours.json');
    expect(source.description).toBe('assessments (JSON)');
    expect(source.records.map((r) => [r.entity, r.edition, r.input.subcategories?.A])).toEqual([['Chile', 2014, 12]]);
    expect(source.narratives.map((n) => [n.section, n.code, n.body, n.location.row])).toEqual([
      ['overview', '', 'An overview.', 1],
      ['indicator', 'A1', 'Free elections.', 1],
    ]);
    expect(errorsOf(() => readImportFile(Buffer.from('[{"entity":"Chile"}]'), 'a.json'))).toEqual([
      'a.json, line 1: unknown edition undefined',
    ]);
  });

  it('passes a broken file’s own location on: no row for an empty file, line and column for a broken CSV', () => {
    expect(errorsOf(() => readImportFile(new Uint8Array(), 'empty.csv'))).toEqual(['empty.csv: the file is empty']);
    expect(errorsOf(() => readImportFile(Buffer.from('a,b\n1,2\n3,"4\n'), 'bad.csv'))).toEqual([
      'bad.csv, line 3, column 2: a quoted field is never closed',
    ]);
  });
});
