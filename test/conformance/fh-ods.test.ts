import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import type { Table } from '@freedom-ratings/core';
import { readInputFile } from '@freedom-ratings/sheets';
import { fiw } from '../../test-support/cli.js';
import { odsFromSheets } from '../../test-support/ods.js';
import { dataFile, describeShared } from '../../test-support/shared.js';

/**
 * Issue 12 item 20: a LibreOffice user's copy of FH's indicator file, saved as
 * .ods (written here the way LibreOffice writes it: repeated cells and rows,
 * the sheet padded to its last row), reads as the same tables as the XLSX and
 * gives the same `fiw check`, `fiw score` and `fiw import` results.
 */

const XLSX = 'All_data_FIW_2013-2024.xlsx';

function tables(bytes: Buffer, file: string): Table[] {
  const input = readInputFile(bytes, file);
  if (input.format === 'json') throw new Error('read as JSON');
  return input.tables;
}

/** A row without a value carries nothing; the ODS writer (like LibreOffice) writes it as padding. */
const withValues = (t: Table[]) =>
  t.map((s) => ({ ...s, file: '', rows: s.rows.filter((r) => r.cells.some((c) => c !== null)) }));

describeShared("FH's indicator file as an OpenDocument spreadsheet", () => {
  const dir = mkdtempSync(join(tmpdir(), 'fiw-ods-'));
  const ods = join(dir, 'All_data_FIW_2013-2024.ods');

  it('reads as exactly the tables of the XLSX, sheet for sheet and cell for cell', () => {
    const fromXlsx = tables(readFileSync(dataFile(XLSX)), XLSX);
    const bytes = odsFromSheets(fromXlsx.map((t) => ({ name: t.sheet!, rows: t.rows })));
    writeFileSync(ods, bytes);
    const fromOds = tables(bytes, 'All_data_FIW_2013-2024.ods');
    expect(fromOds.map((t) => t.sheet)).toEqual(fromXlsx.map((t) => t.sheet));
    expect(withValues(fromOds)).toEqual(withValues(fromXlsx));
    expect(fromOds.reduce((n, t) => n + t.rows.length, 0)).toBeGreaterThan(2723);
  });

  it('gives the same fiw check, fiw score and fiw import results', () => {
    const check = fiw(['check', ods, '--format', 'json']);
    expect(check.code, check.stderr).toBe(0);
    expect(JSON.parse(check.stdout)).toEqual({ file: 'All_data_FIW_2013-2024.ods', rows: 2723, discrepancies: [] });
    const scoreOds = fiw(['score', ods]);
    const scoreXlsx = fiw(['score', dataFile(XLSX)]);
    expect(scoreOds.code).toBe(0);
    expect(scoreOds.stdout).toBe(scoreXlsx.stdout);
    const imported = fiw(['import', ods, '--db', join(dir, 'ods.db')]);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toMatch(/2,723|2723/);
  });
});
