import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import {
  formatInputError,
  outputLayoutFor,
  readFhTables,
  type FhRecord,
  type InputError,
  type OutputLayout,
} from '@freedom-ratings/core';
import { detectFormat, FileFormatError, parseCsv, readXlsx } from '@freedom-ratings/sheets';
import { UserError } from '../errors.js';
import { readJsonRecords } from './json-records.js';

export interface LoadedScores {
  file: string;
  format: 'csv' | 'xlsx' | 'json';
  records: FhRecord[];
  layout: OutputLayout;
}

export async function readInputBytes(path: string): Promise<{ bytes: Buffer; name: string }> {
  if (path === '-') {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return { bytes: Buffer.concat(chunks), name: 'stdin' };
  }
  try {
    return { bytes: await readFile(path), name: basename(path) };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'is a directory'
          : code === 'EACCES'
            ? 'permission denied'
            : (e as Error).message;
    throw new UserError(`${path}: ${why}`);
  }
}

export function failOnErrors(errors: readonly InputError[]): void {
  if (errors.length === 0) return;
  const lines = errors.map(formatInputError);
  const more = errors.length >= 50 ? '\n(stopped after 50 errors)' : '';
  throw new UserError(lines.join('\n') + more);
}

/** Reads scores from CSV, XLSX or our JSON (by content, not by name) in any FH layout. */
export async function loadScores(path: string): Promise<LoadedScores> {
  const { bytes, name } = await readInputBytes(path);
  const format = detectFormat(bytes);
  try {
    switch (format) {
      case 'empty':
        throw new UserError(`${name}: the file is empty`);
      case 'binary':
        throw new UserError(`${name}: not a CSV, XLSX or JSON file (it holds binary data)`);
      case 'json': {
        const { records, errors } = readJsonRecords(bytes.toString('utf8'), name);
        failOnErrors(errors);
        const layout = records.some((r) => r.input.indicators) ? 'indicators' : 'subcategories';
        return { file: name, format, records, layout };
      }
      case 'csv':
      case 'xlsx': {
        const tables = format === 'csv' ? [parseCsv(bytes.toString('utf8'), name)] : readXlsx(bytes, name);
        const { sheets, errors } = readFhTables(tables);
        failOnErrors(errors);
        const layouts = sheets.map((s) => outputLayoutFor(s.layout));
        const layout = layouts.includes('indicators') ? 'indicators' : 'subcategories';
        return { file: name, format, records: sheets.flatMap((s) => s.records), layout };
      }
    }
  } catch (e) {
    if (e instanceof FileFormatError) throw new UserError(e.message);
    throw e;
  }
}
