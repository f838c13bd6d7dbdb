import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { detectFormat } from './detect.js';
import { readXlsx } from './xlsx.js';

async function workbook(build: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('readXlsx', () => {
  it('reads every sheet in workbook order with row numbers, numbers, shared and rich strings, formulas', async () => {
    const buf = await workbook((wb) => {
      const notes = wb.addWorksheet('Notes & more');
      notes.getCell('A1').value = 'a <note> & "quote"';
      const data = wb.addWorksheet('Data');
      data.getCell('A2').value = 'Côte d’Ivoire';
      data.getCell('C2').value = 4;
      data.getCell('D2').value = { formula: 'C2*2', result: 8 };
      data.getCell('E2').value = { richText: [{ text: 'Rich ' }, { font: { bold: true }, text: 'text' }] };
      data.getCell('B5').value = -3;
    });
    const tables = readXlsx(buf, 'w.xlsx');
    expect(tables.map((t) => t.sheet)).toEqual(['Notes & more', 'Data']);
    expect(tables[0]!.rows).toEqual([{ number: 1, cells: ['a <note> & "quote"'] }]);
    expect(tables[1]!.rows).toEqual([
      { number: 2, cells: ['Côte d’Ivoire', null, 4, 8, 'Rich text'] },
      { number: 5, cells: [null, -3] },
    ]);
    expect(tables[1]!.columns).toBe('letters');
  });

  it('refuses truncated and damaged files with the file name', async () => {
    const buf = await workbook((wb) => wb.addWorksheet('S').addRow([1, 2, 3]));
    expect(() => readXlsx(buf.subarray(0, buf.length / 2), 'cut.xlsx')).toThrow(/cut\.xlsx: not a complete XLSX file/);
    // Overwrite every entry's data but keep the ZIP directory at the end intact.
    const damaged = Buffer.from(buf);
    const directoryStart = damaged.readUInt32LE(damaged.length - 22 + 16);
    damaged.fill(0x41, 40, directoryStart);
    expect(() => readXlsx(damaged, 'bad.xlsx')).toThrow(/bad\.xlsx: damaged XLSX/);
  });
});

describe('detectFormat', () => {
  it('tells the formats apart by content', async () => {
    const xlsx = await workbook((wb) => wb.addWorksheet('S'));
    expect(detectFormat(xlsx)).toBe('xlsx');
    expect(detectFormat(Buffer.from('a,b\n1,2'))).toBe('csv');
    expect(detectFormat(Buffer.from('\uFEFF [{"a":1}]'))).toBe('json');
    expect(detectFormat(Buffer.from('{"a":1}\n{"a":2}'))).toBe('json');
    expect(detectFormat(Buffer.from('  \n'))).toBe('empty');
    expect(detectFormat(Buffer.alloc(0))).toBe('empty');
    expect(detectFormat(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]))).toBe('binary');
    expect(detectFormat(Buffer.from([0xff, 0xfe, 0x41, 0x42]))).toBe('binary');
  });
});
