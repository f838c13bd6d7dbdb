import { readFhTables, formatInputError } from '@freedom-ratings/core';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { odsBytes, odsContent, odsFromSheets } from '../../../test-support/ods.js';
import { detectFormat } from './detect.js';
import { readOds } from './ods.js';
import { readInputFile } from './read-input.js';

const cell = (type: string, value: string, text: string, extra = '') =>
  `<table:table-cell office:value-type="${type}" office:value="${value}"${extra}><text:p>${text}</text:p></table:table-cell>`;
const str = (text: string, extra = '') =>
  `<table:table-cell office:value-type="string"${extra}><text:p>${text}</text:p></table:table-cell>`;

describe('readOds', () => {
  it('reads repeated rows and columns, covered cells, floats, percentages and strings on every sheet', () => {
    const content = odsContent(
      '<table:table table:name="Notes &amp; more"><table:table-column table:number-columns-repeated="3"/>' +
        `<table:table-row>${str('a &lt;note&gt; &amp; <text:span>"quote"</text:span>')}</table:table-row>` +
        '</table:table>' +
        '<table:table table:name="Data">' +
        '<table:table-header-rows><table:table-row>' +
        str('Country') +
        str('Score') +
        str('Share') +
        '</table:table-row></table:table-header-rows>' +
        // Row 2: a merged pair of cells (the second covered), then 4 twice by repetition, then 50 %.
        '<table:table-row>' +
        str('Côte d’Ivoire', ' table:number-columns-spanned="2"') +
        '<table:covered-table-cell/>' +
        cell('float', '4', '4', ' table:number-columns-repeated="2"') +
        cell('percentage', '0.5', '50%') +
        '</table:table-row>' +
        // Rows 3–4 empty, then rows 5–7 the same row three times.
        '<table:table-row table:number-rows-repeated="2"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>' +
        '<table:table-row table:number-rows-repeated="3">' +
        '<table:table-cell table:number-columns-repeated="2"/>' +
        cell('float', '-3', '-3') +
        str('two<text:s text:c="2"/>spaces<text:tab/>tab') +
        '<table:table-cell office:value-type="boolean" office:boolean-value="true"><text:p>TRUE</text:p></table:table-cell>' +
        '</table:table-row>' +
        // Row 8: a comment on a cell is not its text; a currency is its value.
        '<table:table-row>' +
        '<table:table-cell office:value-type="string"><office:annotation><text:p>reviewer note</text:p></office:annotation><text:p>Chile</text:p></table:table-cell>' +
        cell('currency', '12.5', '$12.50') +
        '</table:table-row>' +
        '<table:table-row table:number-rows-repeated="1048568"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>' +
        '</table:table>',
    );
    const tables = readOds(odsBytes(content), 'w.ods');
    expect(tables.map((t) => t.sheet)).toEqual(['Notes & more', 'Data']);
    expect(tables[0]!.rows).toEqual([{ number: 1, cells: ['a <note> & "quote"'] }]);
    const five = [null, null, -3, 'two  spaces\ttab', true];
    expect(tables[1]!.rows).toEqual([
      { number: 1, cells: ['Country', 'Score', 'Share'] },
      { number: 2, cells: ['Côte d’Ivoire', null, 4, 4, 0.5] },
      { number: 5, cells: five },
      { number: 6, cells: five },
      { number: 7, cells: five },
      { number: 8, cells: ['Chile', 12.5] },
    ]);
    expect(tables[1]!.columns).toBe('letters');
  });

  it('is recognised by its bytes and read by readInputFile', () => {
    const ods = odsFromSheets([{ name: 'S', rows: [{ number: 1, cells: ['a', 1] }] }]);
    expect(detectFormat(ods)).toBe('ods');
    expect(readInputFile(ods, 'any-name.bin')).toEqual({
      format: 'ods',
      tables: [{ file: 'any-name.bin', sheet: 'S', columns: 'letters', rows: [{ number: 1, cells: ['a', 1] }] }],
    });
  });

  it('names sheet, row and column of a bad value as for XLSX ("B7")', async () => {
    const header = ['Country/Territory', 'Region', 'C/T?', 'Edition', 'Status', 'PR Rating', 'CL Rating'];
    const scores = ['A', 'B', 'C', 'Add Q', 'Add A', 'PR', 'D', 'E', 'F', 'G', 'CL', 'Total'];
    const good = ['Kazakhstan', 'Eurasia', 'c', 2014, 'NF', 6, 5, 2, 3, 1, 0, 0, 6, 4, 3, 4, 8, 19, 25];
    const bad = [...good];
    bad[1 + header.length] = 'x'; // B of Norway's row 7 is column I
    const rows = [
      { number: 1, cells: [...header, ...scores] },
      { number: 2, cells: good },
      { number: 7, cells: ['Norway', ...bad.slice(1)] },
    ];
    const problems = (bytes: Buffer, file: string) => {
      const input = readInputFile(bytes, file);
      if (input.format === 'json') throw new Error('read as JSON');
      return readFhTables(input.tables).errors.map(formatInputError);
    };
    const ods = problems(odsFromSheets([{ name: 'FIW06-23', rows }]), 'scores.ods');
    expect(ods).toEqual([
      'scores.ods, sheet "FIW06-23", row 7, column I ("B"): "x" is not a whole number; expected a whole number of at least 0',
    ]);
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('FIW06-23');
    for (const r of rows) ws.getRow(r.number).values = r.cells;
    const xlsx = problems(Buffer.from(await wb.xlsx.writeBuffer()), 'scores.xlsx');
    expect(xlsx.map((m) => m.replace('scores.xlsx', 'scores.ods'))).toEqual(ods);
  });

  it('refuses a damaged or truncated file, and an OpenDocument file that is not a spreadsheet', () => {
    const ods = odsFromSheets([{ name: 'S', rows: [{ number: 1, cells: ['a'] }] }]);
    expect(() => readInputFile(ods.subarray(0, ods.length - 30), 'cut.ods')).toThrow(
      /cut\.ods: not a complete ODS file/,
    );
    const damaged = Buffer.from(ods);
    const directoryStart = damaged.readUInt32LE(damaged.length - 22 + 16);
    damaged.fill(0x41, 200, directoryStart);
    expect(() => readInputFile(damaged, 'bad.ods')).toThrow(/bad\.ods: damaged ODS/);
    const huge = odsBytes(
      odsContent(
        `<table:table table:name="S"><table:table-row table:number-rows-repeated="1000000">${str('x')}</table:table-row></table:table>`,
      ),
    );
    expect(() => readInputFile(huge, 'huge.ods')).toThrow(
      /huge\.ods, sheet "S", row 1: a row with a value is repeated/,
    );
  });
});
