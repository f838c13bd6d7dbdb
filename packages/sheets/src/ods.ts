import type { Cell, Table, TableRow } from '@freedom-ratings/core';
import { FileFormatError, wholeFile } from './errors.js';
import { attribute, decodeXml } from './xml.js';
import { ZipReader } from './zip.js';

/** The MIME type an OpenDocument spreadsheet names in its first ZIP entry, `mimetype`. */
export const ODS_MIME_TYPE = 'application/vnd.oasis.opendocument.spreadsheet';

/** Whether ZIP bytes are an OpenDocument spreadsheet: the format requires `mimetype` stored first. */
export function isOds(buf: Uint8Array): boolean {
  const nameLength = buf[26]! | (buf[27]! << 8);
  const extraLength = buf[28]! | (buf[29]! << 8);
  if (nameLength !== 8 || Buffer.from(buf.subarray(30, 38)).toString('latin1') !== 'mimetype') return false;
  const start = 38 + extraLength;
  return Buffer.from(buf.subarray(start, start + ODS_MIME_TYPE.length)).toString('latin1') === ODS_MIME_TYPE;
}

/**
 * A run of identical empty rows or cells longer than this is only padding
 * (LibreOffice repeats an empty row to the sheet's 1,048,576th); a run of
 * values this long is not a table of scores and is refused rather than
 * expanded into memory.
 */
const MAX_REPEAT = 16_384;

/**
 * Reads every sheet of an OpenDocument spreadsheet (`.ods`, LibreOffice's
 * format) into tables of cell values, in document order, numbered as the
 * spreadsheet shows them — row 7, column B — so messages point at the same
 * cell as for XLSX. Repeated rows and cells (`number-rows-repeated`,
 * `number-columns-repeated`) are expanded; covered cells (under a merged
 * cell) are empty; floats, percentages and currencies give their value (a
 * percentage its fraction, as XLSX stores it), dates their ISO text, booleans
 * true/false, and strings the text of their paragraphs. Like the XLSX reader,
 * it scans `content.xml` with indexOf rather than building a DOM.
 */
export function readOds(buf: Uint8Array, file: string): Table[] {
  const zip = new ZipReader(buf, file, 'ODS');
  if (!zip.has('content.xml')) {
    throw new FileFormatError(
      'not-a-workbook',
      wholeFile(file, 'letters'),
      'an OpenDocument file but not a spreadsheet: content.xml is missing',
    );
  }
  const xml = zip.text('content.xml');
  const tables: Table[] = [];
  let i = nextTag(xml, '<table:table', 0);
  while (i !== -1) {
    const open = xml.indexOf('>', i);
    const tag = xml.slice(i, open + 1);
    const close = xml.charCodeAt(open - 1) === 0x2f ? open : closingTag(xml, open, 'table:table');
    const sheet = attribute(tag, 'table:name') ?? '';
    tables.push({ file, sheet, columns: 'letters', rows: sheetRows(xml, open + 1, close, file, sheet) });
    i = nextTag(xml, '<table:table', close);
  }
  return tables;
}

/** The next `<name` that is that element, not a longer name (`<table:table` vs `<table:table-row`). */
function nextTag(xml: string, open: string, from: number): number {
  let i = xml.indexOf(open, from);
  while (i !== -1) {
    const c = xml.charCodeAt(i + open.length);
    if (c === 0x20 || c === 0x3e || c === 0x2f || c === 0x0a || c === 0x0d || c === 0x09) return i;
    i = xml.indexOf(open, i + 1);
  }
  return -1;
}

/** Where the element opened just before `from` closes, counting nested elements of the same name. */
function closingTag(xml: string, from: number, name: string): number {
  const open = `<${name}`;
  const close = `</${name}>`;
  let depth = 1;
  let i = from;
  for (;;) {
    const nextClose = xml.indexOf(close, i);
    if (nextClose === -1) return xml.length;
    const nextOpen = nextTag(xml, open, i);
    if (nextOpen !== -1 && nextOpen < nextClose) {
      const end = xml.indexOf('>', nextOpen);
      if (xml.charCodeAt(end - 1) !== 0x2f) depth++;
      i = end + 1;
      continue;
    }
    if (--depth === 0) return nextClose;
    i = nextClose + close.length;
  }
}

function repeat(tag: string, name: string): number {
  const n = Number(attribute(tag, name) ?? '1');
  return Number.isInteger(n) && n > 0 ? n : 1;
}

function sheetRows(xml: string, start: number, end: number, file: string, sheet: string): TableRow[] {
  const rows: TableRow[] = [];
  let rowNumber = 0;
  let i = nextTag(xml, '<table:table-row', start);
  while (i !== -1 && i < end) {
    const open = xml.indexOf('>', i);
    const tag = xml.slice(i, open + 1);
    const times = repeat(tag, 'table:number-rows-repeated');
    const selfClosing = xml.charCodeAt(open - 1) === 0x2f;
    const close = selfClosing ? open : xml.indexOf('</table:table-row>', open);
    const cells = selfClosing ? [] : rowCells(xml, open + 1, close, file, sheet, rowNumber + 1);
    if (cells.some((c) => c !== null)) {
      if (times > MAX_REPEAT) tooLong(file, sheet, rowNumber + 1, 'row');
      for (let k = 1; k <= times; k++) rows.push({ number: rowNumber + k, cells: k === 1 ? cells : [...cells] });
    }
    rowNumber += times;
    i = nextTag(xml, '<table:table-row', close);
  }
  return rows;
}

function rowCells(xml: string, start: number, end: number, file: string, sheet: string, row: number): Cell[] {
  const cells: Cell[] = [];
  let col = 0;
  let i = xml.indexOf('<table:', start);
  while (i !== -1 && i < end) {
    const covered = xml.startsWith('<table:covered-table-cell', i);
    if (!covered && !xml.startsWith('<table:table-cell', i)) {
      i = xml.indexOf('<table:', i + 1);
      continue;
    }
    const open = xml.indexOf('>', i);
    const tag = xml.slice(i, open + 1);
    const times = repeat(tag, 'table:number-columns-repeated');
    const selfClosing = xml.charCodeAt(open - 1) === 0x2f;
    const name = covered ? 'table:covered-table-cell' : 'table:table-cell';
    const close = selfClosing ? open : closingTag(xml, open + 1, name);
    const value = covered ? null : cellValue(xml, tag, open + 1, close);
    if (value !== null) {
      if (times > MAX_REPEAT) tooLong(file, sheet, row, 'cell');
      while (cells.length < col) cells.push(null);
      for (let k = 0; k < times; k++) cells[col + k] = value;
    }
    col += times;
    i = xml.indexOf('<table:', selfClosing ? open + 1 : close + name.length + 3);
  }
  return cells;
}

function tooLong(file: string, sheet: string, row: number, what: 'row' | 'cell'): never {
  throw new FileFormatError(
    'damaged-workbook',
    { ...wholeFile(file, 'letters'), sheet, row },
    `a ${what} with a value is repeated more than ${MAX_REPEAT.toLocaleString('en')} times: not a table of scores`,
  );
}

function cellValue(xml: string, tag: string, start: number, end: number): Cell {
  switch (attribute(tag, 'office:value-type')) {
    case undefined:
      return null;
    case 'float':
    case 'percentage':
    case 'currency': {
      const n = Number(attribute(tag, 'office:value'));
      return Number.isNaN(n) ? paragraphs(xml, start, end) : n;
    }
    case 'boolean':
      return attribute(tag, 'office:boolean-value') === 'true';
    case 'date':
      return attribute(tag, 'office:date-value') ?? paragraphs(xml, start, end);
    case 'time':
      return attribute(tag, 'office:time-value') ?? paragraphs(xml, start, end);
    default:
      return attribute(tag, 'office:string-value') ?? paragraphs(xml, start, end);
  }
}

/** The text of a cell's `<text:p>` paragraphs, one per line, with `<text:s/>` spaces and tabs; notes skipped. */
function paragraphs(xml: string, start: number, end: number): string {
  let body = xml.slice(start, end);
  if (body.includes('<office:annotation')) body = body.replace(/<office:annotation[\s\S]*?<\/office:annotation>/g, '');
  const lines: string[] = [];
  let i = nextTag(body, '<text:p', 0);
  while (i !== -1) {
    const open = body.indexOf('>', i);
    if (body.charCodeAt(open - 1) === 0x2f) {
      lines.push('');
      i = nextTag(body, '<text:p', open);
      continue;
    }
    const close = body.indexOf('</text:p>', open);
    lines.push(inlineText(body.slice(open + 1, close)));
    i = nextTag(body, '<text:p', close);
  }
  return lines.join('\n');
}

function inlineText(s: string): string {
  const spaced = s
    .replace(/<text:s(?:\s+text:c="(\d+)")?\s*\/>/g, (_, n: string | undefined) => ' '.repeat(n ? Number(n) : 1))
    .replace(/<text:tab\s*\/>/g, '\t')
    .replace(/<text:line-break\s*\/>/g, '\n')
    .replace(/<[^>]*>/g, '');
  return decodeXml(spaced, false);
}
