import type { Cell } from '@freedom-ratings/core';
import { PassThrough } from 'node:stream';
import { aggregatesTable, ratingsTable, scoresTable } from './fh-layouts.js';
import { ARCHIVE_TIME, withFixedZipTimes } from './fixed-zip-times.js';
import type { ScoredAssessment } from '../repositories/assessments.js';

/**
 * One workbook in FH's layouts: the indicator sheet (FIW 2013 on), the
 * subcategory sheet (editions scored by subcategory only), the FIW03-05
 * aggregates sheet and the two
 * ratings-and-statuses sheets (every edition, ratings derived by the engine),
 * each named as FH names it, plus a sheet crediting the source. Sheets with
 * no rows are left out. The same data always gives the same bytes: the
 * workbook's created/modified dates and the archive's entry times are fixed.
 */
export async function xlsxBytes(assessments: readonly ScoredAssessment[]): Promise<Buffer> {
  // The streaming writer without shared strings or styles is about three times
  // faster than building the workbook in memory, which kept "export everything" over 3 s.
  // Loaded here, not at the top: exceljs takes a quarter of a second to load, and
  // every other command that imports this package (import, serve) would pay for it.
  const { default: ExcelJS } = await import('exceljs');
  const chunks: Buffer[] = [];
  const stream = new PassThrough();
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useSharedStrings: false, useStyles: false });
  workbook.creator = 'Freedom Ratings';
  workbook.created = ARCHIVE_TIME;
  workbook.modified = ARCHIVE_TIME;
  const add = (name: string, rows: Cell[][], headerRows: number) => {
    if (rows.length <= headerRows) return;
    const sheet = workbook.addWorksheet(name);
    for (const r of rows) sheet.addRow(r.map((c) => (c === null ? undefined : c))).commit();
    sheet.commit();
  };
  const editions = (pick: (a: ScoredAssessment) => boolean) => {
    const list = assessments.filter(pick).map((a) => a.row.edition);
    return list.length ? `FIW${String(Math.min(...list)).slice(2)}-${String(Math.max(...list)).slice(2)}` : 'FIW';
  };
  add(
    editions((a) => a.row.granularity === 'indicators'),
    scoresTable(assessments, 'indicators'),
    1,
  );
  // Only assessments without indicators, as FH's files split them: every entity-edition
  // appears on one score sheet, so the workbook reads back (and `fiw check`s) cleanly.
  const subcategoryOnly = assessments.filter((a) => a.row.granularity === 'subcategories');
  add(
    editions((a) => a.row.granularity === 'subcategories'),
    scoresTable(subcategoryOnly, 'subcategories'),
    1,
  );
  add(
    editions((a) => a.row.granularity === 'aggregates'),
    aggregatesTable(assessments),
    1,
  );
  add('Country Ratings, Statuses', ratingsTable(assessments, 'country'), 3);
  add('Territory Ratings, Statuses', ratingsTable(assessments, 'territory'), 3);
  add(
    'Source',
    [
      ['Source: Freedom House, Freedom in the World'],
      ['Derived figures recomputed by Freedom Ratings from the stored scores.'],
    ],
    0,
  );
  await workbook.commit();
  return withFixedZipTimes(Buffer.concat(chunks), 'freedom-ratings.xlsx');
}
