import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import {
  formatInputError,
  outputLayoutFor,
  readFhRatingsTables,
  readFhTables,
  readOurJson,
  splitRatingsTables,
  type FhRecord,
  type InputError,
  type OutputLayout,
} from '@freedom-ratings/core';
import { FileFormatError, readInputFile, type InputFile } from '@freedom-ratings/sheets';
import { UserError } from '../errors.js';

export interface LoadedScores {
  file: string;
  format: InputFile['format'];
  records: FhRecord[];
  /** The layout to print scores in: FH's ratings-and-statuses layout for that file, else a score layout. */
  layout: OutputLayout | 'ratings';
  /** Cells read by interpretation (a split rating such as "2(5)"), to be shown, never silently. */
  notes: InputError[];
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

/**
 * Reads scores from CSV, XLSX or our JSON (by content, not by name) in any FH
 * layout, including FH's ratings-and-statuses workbook, as `fiw import` does.
 */
export async function loadScores(path: string): Promise<LoadedScores> {
  const { bytes, name } = await readInputBytes(path);
  let input: InputFile;
  try {
    input = readInputFile(bytes, name);
  } catch (e) {
    if (e instanceof FileFormatError) throw new UserError(e.message);
    throw e;
  }
  if (input.format === 'json') {
    const { records, errors } = readOurJson(input.text, name);
    failOnErrors(errors);
    const layout = records.some((r) => r.input.indicators) ? 'indicators' : 'subcategories';
    return { file: name, format: input.format, records, layout, notes: [] };
  }
  const split = splitRatingsTables(input.tables);
  const records: FhRecord[] = [];
  const notes: InputError[] = [];
  if (split.ratings.length > 0) {
    const ratings = readFhRatingsTables(split.ratings);
    failOnErrors(ratings.errors);
    records.push(...ratings.records);
    notes.push(...ratings.notes);
  }
  if (split.ratings.length > 0 && split.scores.length === 0) {
    return { file: name, format: input.format, records, layout: 'ratings', notes };
  }
  const { sheets, errors } = readFhTables(split.scores);
  failOnErrors(errors);
  const layouts = sheets.map((s) => outputLayoutFor(s.layout));
  const layout = layouts.includes('indicators') ? 'indicators' : 'subcategories';
  records.unshift(...sheets.flatMap((s) => s.records));
  return { file: name, format: input.format, records, layout, notes };
}
