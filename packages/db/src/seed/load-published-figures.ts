import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename } from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import type { Connection } from '../connect.js';
import { importMerged, type ImportSummary } from '../import/import-files.js';
import {
  mergeOfDocument,
  PublishedFiguresFileError,
  type PublishedFiguresDocument,
} from './published-figures-document.js';

/**
 * Where the bundled file is: resolved through the package's own exports, so
 * it is found from the sources, the built package and the bundled `fiw` alike.
 */
export function publishedFiguresFile(): string {
  return createRequire(import.meta.url).resolve('@freedom-ratings/db/seed/fh-published-figures.json.br');
}

/** Decompresses and checks a published-figures file. */
export function readPublishedFigures(bytes: Uint8Array, file: string): ReturnType<typeof mergeOfDocument> {
  let text: string;
  try {
    text = brotliDecompressSync(bytes).toString('utf8');
  } catch {
    throw new PublishedFiguresFileError(file, 'not Brotli-compressed (the file is damaged or of another kind)');
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new PublishedFiguresFileError(file, `not valid JSON: ${(e as Error).message}`);
  }
  return mergeOfDocument(value, file);
}

export interface PublishedFiguresLoad {
  document: Omit<PublishedFiguresDocument, 'assessments'>;
  summary: ImportSummary;
}

/**
 * Loads Freedom House's published figures into the database in one
 * transaction, as published editions with a release each, the way an
 * import of FH's spreadsheets followed by publishing would. On a database
 * that already holds them it changes nothing (`summary.changed` is false);
 * FH's files and narratives import on top as usual.
 */
export async function loadPublishedFigures(
  conn: Connection,
  options: { file?: string; now?: Date } = {},
): Promise<PublishedFiguresLoad> {
  const path = options.file ?? publishedFiguresFile();
  const name = basename(path);
  const { document, merged } = readPublishedFigures(readFileSync(path), name);
  const summary = await importMerged(conn, merged, {
    now: options.now,
    files: [
      {
        file: name,
        description: `Freedom House's published figures from ${document.sources.map((s) => s.file).join(', ')}`,
        records: document.assessments.length,
        texts: 0,
      },
    ],
  });
  const { assessments: _, ...about } = document;
  return { document: about, summary };
}

/** A database nothing has been put in yet: no edition, no assessment. The server seeds only these. */
export async function isNewDatabase(conn: Connection): Promise<boolean> {
  const editions = await conn.db
    .selectFrom('editions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const assessments = await conn.db
    .selectFrom('assessments')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(editions.n) === 0 && Number(assessments.n) === 0;
}
