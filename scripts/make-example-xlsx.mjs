// Writes examples/indicators.xlsx from examples/indicators.csv in the shape of
// FH's own workbook: a notes sheet first, then the data sheet with a title row
// above the header. Run after changing the CSV: node scripts/make-example-xlsx.mjs
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';

const lines = readFileSync('examples/indicators.csv', 'utf8').trim().split('\n');
const wb = new ExcelJS.Workbook();
const index = wb.addWorksheet('Index');
index.addRow(['Example data in the layout of the indicator-level Freedom in the World file.']);
index.addRow(['Entities are fictional; figures follow the methodology.']);
const data = wb.addWorksheet('FIW-example');
data.addRow(['Freedom in the World example data']);
for (const line of lines) {
  data.addRow(line.split(',').map((c) => (/^-?\d+$/.test(c) ? Number(c) : c)));
}
await wb.xlsx.writeFile('examples/indicators.xlsx');
