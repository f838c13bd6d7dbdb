import { createHash } from 'node:crypto';
import { brotliCompressSync, constants } from 'node:zlib';
import type { ImportFile } from '../import/import-files.js';
import { ImportInputError, type ImportSource } from '../import/import-source.js';
import { mergeSources } from '../import/merge.js';
import { readImportFile } from '../import/read-import-file.js';
import { publishedFiguresDocument, type PublishedFiguresSource } from './published-figures-document.js';

/**
 * The three spreadsheets the bundled figures are made from, in the order
 * they are merged (the order `docs/storage.md` imports them in).
 */
export const PUBLISHED_FIGURES_INPUTS = [
  'All_data_FIW_2013-2024.xlsx',
  'Aggregate_Category_and_Subcategory_Scores_FIW_2003-2023.xlsx',
  'Country_and_Territory_Ratings_and_Statuses_FIW_1973-2024.xlsx',
] as const;

/**
 * Reads FH's spreadsheets with the import's readers, merges them by the
 * import's rules and returns the compressed document. The same bytes in
 * give the same bytes out: the JSON is written in a fixed order and Brotli
 * is deterministic for fixed parameters, so the committed file can be
 * checked against a fresh run. Files holding texts are refused: the bundle
 * carries numbers only.
 */
export function buildPublishedFigures(files: readonly ImportFile[]): Uint8Array {
  const sources: ImportSource[] = [];
  const described: PublishedFiguresSource[] = [];
  for (const f of files) {
    const source = readImportFile(f.bytes, f.name);
    if (source.narratives.length > 0 || source.questions.length > 0) {
      throw new Error(`${f.name} holds texts; the published figures are made from FH's spreadsheets only`);
    }
    sources.push(source);
    described.push({
      file: f.name,
      sha256: createHash('sha256').update(f.bytes).digest('hex'),
      bytes: f.bytes.byteLength,
      description: source.description,
      records: source.records.length,
    });
  }
  const merged = mergeSources(sources);
  if (!merged.result) throw new ImportInputError(merged.errors);
  const json = JSON.stringify(publishedFiguresDocument(merged.result, described));
  return brotliCompressSync(Buffer.from(json, 'utf8'), {
    params: {
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_LGWIN]: constants.BROTLI_MAX_WINDOW_BITS,
      [constants.BROTLI_PARAM_SIZE_HINT]: Buffer.byteLength(json),
    },
  });
}
