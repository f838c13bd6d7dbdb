import {
  isRatingsLayout,
  readFhRatingsTables,
  readFhTables,
  type FhRecord,
  type InputError,
  type Table,
} from '@freedom-ratings/core';
import { detectFormat, FileFormatError, parseCsv, readXlsx } from '@freedom-ratings/sheets';
import { ImportInputError, type ImportSource } from './import-source.js';
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
      return { file, description: 'assessments (JSON)', records, narratives: [], questions: [], notes: [] };
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
  if (ratingsTables.length > 0) {
    const { records, notes, errors } = readFhRatingsTables(ratingsTables);
    if (errors.length) throw new ImportInputError(errors);
    return { file, description: 'ratings and statuses', records, narratives: [], questions: [], notes };
  }
  const { sheets, errors } = readFhTables(tables);
  if (errors.length) throw new ImportInputError(errors);
  const layouts = new Set(sheets.map((s) => s.layout));
  const description = layouts.has('indicators')
    ? 'indicator scores'
    : layouts.has('subcategories')
      ? 'subcategory scores'
      : 'PR and CL aggregates';
  return {
    file,
    description,
    records: sheets.flatMap((s) => s.records),
    narratives: [],
    questions: [],
    notes: [],
  };
}
