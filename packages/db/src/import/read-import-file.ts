import {
  canonicalColumn,
  isRatingsLayout,
  readFhRatingsTables,
  readFhTables,
  type FhRecord,
  type InputError,
  type Table,
} from '@freedom-ratings/core';
import { detectFormat, FileFormatError, parseCsv, readXlsx } from '@freedom-ratings/sheets';
import { ImportInputError, type ImportSource } from './import-source.js';
import { narrativesOfJson } from './json-narratives.js';
import { isNarrativeLines, readNarrativeLines } from './narratives-file.js';

/** Reads our own JSON format into records; the CLI passes its reader so there is one copy of it. */
export type JsonRecordsReader = (text: string, file: string) => { records: FhRecord[]; errors: InputError[] };

export interface ReadImportOptions {
  readJson?: JsonRecordsReader;
}

/**
 * Recognises a file by its content (not its name) and reads it: FH's
 * indicator or subcategory layouts (CSV/XLSX), the ratings-and-statuses
 * workbook, the narrative JSON Lines file, or our JSON. Throws
 * ImportInputError listing every problem, with its location.
 */
export function readImportFile(bytes: Uint8Array, file: string, options: ReadImportOptions = {}): ImportSource {
  const at = (message: string): never => {
    throw new ImportInputError([{ location: { file, sheet: null, columns: 'numbers', row: 1 }, message }]);
  };
  const format = detectFormat(bytes);
  switch (format) {
    case 'empty':
      return at('the file is empty');
    case 'binary':
      return at('not a CSV, XLSX, JSON or JSON Lines file (it holds binary data)');
    case 'json': {
      const text = Buffer.from(bytes)
        .toString('utf8')
        .replace(/^\uFEFF/, '');
      if (isNarrativeLines(text)) {
        const read = readNarrativeLines(text, file);
        if ('errors' in read) throw new ImportInputError(read.errors);
        return read;
      }
      if (!options.readJson) return at('JSON assessments can only be imported through the fiw command');
      const { records, errors } = options.readJson(text, file);
      if (errors.length) throw new ImportInputError(errors);
      const { narratives, problems } = narrativesOfJson(jsonObjects(text), records);
      if (problems.length) {
        throw new ImportInputError(problems.map((p) => ({ location: p.record.location, message: p.message })));
      }
      return { file, description: 'assessments (JSON)', records, narratives, questions: [], notes: [] };
    }
    case 'csv':
    case 'xlsx': {
      let tables: Table[];
      try {
        tables = format === 'csv' ? [parseCsv(Buffer.from(bytes).toString('utf8'), file)] : readXlsx(bytes, file);
      } catch (e) {
        if (e instanceof FileFormatError) return at(e.message.replace(`${file}: `, ''));
        throw e;
      }
      return readTables(tables, file);
    }
  }
}

function readTables(tables: Table[], file: string): ImportSource {
  const ratingsTables = tables.filter(isRatingsLayout);
  const scoreTables = tables.filter((t) => !isRatingsLayout(t));
  const source: ImportSource = { file, description: '', records: [], narratives: [], questions: [], notes: [] };
  const descriptions: string[] = [];
  if (ratingsTables.length > 0) {
    const { records, notes, errors } = readFhRatingsTables(ratingsTables);
    if (errors.length) throw new ImportInputError(errors);
    source.records.push(...records);
    source.notes.push(...notes);
    descriptions.push('ratings and statuses');
  }
  // A workbook of ours holds score sheets beside the ratings sheets; FH's ratings workbook has none.
  if (ratingsTables.length === 0 || scoreTables.some(hasFhHeader)) {
    const { sheets, errors } = readFhTables(ratingsTables.length ? scoreTables.filter(hasFhHeader) : scoreTables);
    if (errors.length) throw new ImportInputError(errors);
    const layouts = new Set(sheets.map((s) => s.layout));
    if (layouts.has('indicators')) descriptions.unshift('indicator scores');
    if (layouts.has('subcategories')) descriptions.splice(layouts.has('indicators') ? 1 : 0, 0, 'subcategory scores');
    if (layouts.has('aggregates-wide')) descriptions.push('PR and CL aggregates');
    source.records.push(...sheets.flatMap((s) => s.records));
  }
  source.description = descriptions.join(', ');
  return source;
}

function hasFhHeader(table: Table): boolean {
  return table.rows
    .slice(0, 10)
    .some((row) => row.cells.some((c) => typeof c === 'string' && canonicalColumn(c) === 'Country/Territory'));
}

/** The objects of our JSON (an array, or one per line), already known to parse. */
function jsonObjects(text: string): unknown[] {
  if (text.trimStart().startsWith('[')) return JSON.parse(text) as unknown[];
  return text
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as unknown);
}
