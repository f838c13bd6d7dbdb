import type { Cell, Table, TableRow } from '@freedom-ratings/core';
import { FileFormatError, wholeFile } from './errors.js';
import { attribute, decodeXml, tags, textRuns } from './xml.js';
import { ZipReader } from './zip.js';

/**
 * Reads every worksheet of an XLSX workbook into tables of cell values, in
 * workbook order. Formula cells give their cached result (FH's files keep a
 * few formulas). Written for speed on FH-sized files: a generic reader spends
 * most of its time on styles and features these files do not use.
 */
export function readXlsx(buf: Uint8Array, file: string): Table[] {
  const zip = new ZipReader(buf, file);
  if (!zip.has('xl/workbook.xml')) {
    throw new FileFormatError(
      'not-a-workbook',
      wholeFile(file, 'letters'),
      'a ZIP archive but not an Excel workbook (no xl/workbook.xml)',
    );
  }
  const targets = relationshipTargets(
    zip.has('xl/_rels/workbook.xml.rels') ? zip.text('xl/_rels/workbook.xml.rels') : '',
  );
  const strings = zip.has('xl/sharedStrings.xml') ? sharedStrings(zip.text('xl/sharedStrings.xml')) : [];
  const tables: Table[] = [];
  for (const tag of tags(zip.text('xl/workbook.xml'), 'sheet')) {
    const name = attribute(tag, 'name') ?? '';
    const id = attribute(tag, 'r:id');
    const target = id ? targets.get(id) : undefined;
    if (!target) continue;
    const path = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
    if (!zip.has(path)) {
      const where = { ...wholeFile(file, 'letters'), sheet: name };
      throw new FileFormatError('missing-sheet', where, 'the sheet is missing from the workbook');
    }
    tables.push({ file, sheet: name, columns: 'letters', rows: sheetRows(zip.text(path), strings) });
  }
  return tables;
}

function relationshipTargets(xml: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const tag of tags(xml, 'Relationship')) {
    const id = attribute(tag, 'Id');
    const target = attribute(tag, 'Target');
    if (id && target) map.set(id, target);
  }
  return map;
}

function sharedStrings(xml: string): string[] {
  const out: string[] = [];
  let i = xml.indexOf('<si');
  while (i !== -1) {
    const open = xml.indexOf('>', i);
    if (xml.charCodeAt(open - 1) === 0x2f) {
      out.push('');
      i = xml.indexOf('<si', open);
      continue;
    }
    const close = xml.indexOf('</si>', open);
    out.push(textRuns(xml, open, close));
    i = xml.indexOf('<si', close);
  }
  return out;
}

/** "AB12" → 27 (0-based column index). */
function columnIndex(ref: string): number {
  let n = 0;
  for (let k = 0; k < ref.length; k++) {
    const c = ref.charCodeAt(k);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n - 1;
}

function sheetRows(xml: string, strings: string[]): TableRow[] {
  const rows: TableRow[] = [];
  let current: TableRow | null = null;
  let rowNumber = 0;
  let col = -1;
  const start = xml.indexOf('<sheetData');
  if (start === -1) return rows;
  let i = xml.indexOf('<', start + 1);
  while (i !== -1) {
    const c1 = xml.charCodeAt(i + 1);
    if (c1 === 0x72 /* r */ && xml.startsWith('<row', i)) {
      const end = xml.indexOf('>', i);
      const tag = xml.slice(i, end + 1);
      const r = attribute(tag, 'r');
      rowNumber = r ? Number(r) : rowNumber + 1;
      current = { number: rowNumber, cells: [] };
      rows.push(current);
      col = -1;
      i = xml.indexOf('<', end);
      continue;
    }
    if (c1 === 0x63 /* c */ && (xml.charCodeAt(i + 2) === 0x20 || xml.charCodeAt(i + 2) === 0x3e)) {
      const end = xml.indexOf('>', i);
      const tag = xml.slice(i, end + 1);
      const ref = attribute(tag, 'r');
      col = ref ? columnIndex(ref) : col + 1;
      const type = attribute(tag, 't');
      let value: Cell = null;
      let next = end + 1;
      if (xml.charCodeAt(end - 1) !== 0x2f) {
        const close = xml.indexOf('</c>', end);
        next = close + 4;
        if (type === 'inlineStr') {
          value = textRuns(xml, end, close);
        } else {
          const v = xml.indexOf('<v', end);
          if (v !== -1 && v < close) {
            const vOpen = xml.indexOf('>', v);
            const raw = xml.slice(vOpen + 1, xml.indexOf('</v>', vOpen));
            value = cellValue(raw, type, strings);
          }
        }
      }
      if (current && value !== null) {
        while (current.cells.length < col) current.cells.push(null);
        current.cells[col] = value;
      }
      i = xml.indexOf('<', next);
      continue;
    }
    if (xml.startsWith('</sheetData', i)) break;
    i = xml.indexOf('<', i + 1);
  }
  return rows;
}

function cellValue(raw: string, type: string | undefined, strings: string[]): Cell {
  switch (type) {
    case 's':
      return strings[Number(raw)] ?? '';
    case 'str':
    case 'e':
      return decodeXml(raw);
    case 'b':
      return raw === '1';
    default: {
      const n = Number(raw);
      return Number.isNaN(n) ? decodeXml(raw) : n;
    }
  }
}
