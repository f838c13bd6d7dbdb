import {
  readFhRatingsTables,
  readFhTables,
  readJsonInput,
  splitRatingsTables,
  type Table,
} from '@freedom-ratings/core';
import { FileFormatError, readInputFile, type InputFile } from '@freedom-ratings/sheets';
import { ImportInputError, type ImportSource } from './import-source.js';

/**
 * Recognises a file by its content (not its name) and reads it: FH's
 * indicator or subcategory layouts (CSV/XLSX), the ratings-and-statuses
 * workbook, the narrative JSON Lines file, or our JSON. Throws
 * ImportInputError listing every problem, with its location.
 */
export function readImportFile(bytes: Uint8Array, file: string): ImportSource {
  let input: InputFile;
  try {
    input = readInputFile(bytes, file);
  } catch (e) {
    if (e instanceof FileFormatError) throw new ImportInputError([e.problem]);
    throw e;
  }
  if (input.format !== 'json') return readTables(input.tables, file);
  const json = readJsonInput(input.text, file);
  if (json.errors.length) throw new ImportInputError(json.errors);
  if (json.kind === 'narratives') {
    const { narratives, questions } = json;
    return { file, description: 'narrative texts', records: [], narratives, questions, notes: [] };
  }
  const { records, narratives } = json;
  return { file, description: 'assessments (JSON)', records, narratives, questions: [], notes: [] };
}

function readTables(tables: Table[], file: string): ImportSource {
  const { ratings: ratingsTables, scores: scoreTables } = splitRatingsTables(tables);
  const source: ImportSource = { file, description: '', records: [], narratives: [], questions: [], notes: [] };
  const descriptions: string[] = [];
  if (ratingsTables.length > 0) {
    const { records, notes, errors } = readFhRatingsTables(ratingsTables);
    if (errors.length) throw new ImportInputError(errors);
    source.records.push(...records);
    source.notes.push(...notes);
    descriptions.push('ratings and statuses');
  }
  if (ratingsTables.length === 0 || scoreTables.length > 0) {
    const { sheets, errors } = readFhTables(scoreTables);
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
