import { looksLikeCountryReport, type Table } from '@freedom-ratings/core';
import { parseCsv } from './csv.js';
import { detectFormat } from './detect.js';
import { FileFormatError, wholeFile } from './errors.js';
import { readOds } from './ods.js';
import { readXlsx } from './xlsx.js';

/**
 * A file as its format gives it: tables of cells for CSV, XLSX and OpenDocument
 * spreadsheets (.ods), text for JSON (read by core's JSON readers).
 */
export type InputFile = { format: 'csv' | 'xlsx' | 'ods'; tables: Table[] } | { format: 'json'; text: string };

/**
 * The one entry point for reading a file someone hands us (`fiw score`,
 * `fiw check`, `fiw import`, an upload): recognised by its bytes, never its
 * name, then read. An empty file, a binary one and a broken CSV or XLSX
 * (or ODS) throw FileFormatError with the place it broke.
 */
export function readInputFile(bytes: Uint8Array, file: string): InputFile {
  const format = detectFormat(bytes);
  switch (format) {
    case 'empty':
      throw new FileFormatError('empty-file', wholeFile(file), 'the file is empty');
    case 'binary':
      throw new FileFormatError(
        'binary-file',
        wholeFile(file),
        'not a CSV, XLSX, ODS or JSON file (it holds binary data)',
      );
    case 'xlsx':
      return { format, tables: readXlsx(bytes, file) };
    case 'ods':
      return { format, tables: readOds(bytes, file) };
    case 'csv': {
      const csv = text(bytes);
      if (looksLikeCountryReport(csv))
        throw new FileFormatError(
          'country-report',
          wholeFile(file),
          `a country report's text, not a table of scores: check it with fiw report check ${file}`,
        );
      return { format, tables: [parseCsv(csv, file)] };
    }
    case 'json':
      return { format, text: text(bytes) };
  }
}

function text(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
}
