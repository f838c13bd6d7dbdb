import {
  csvLine,
  formatInputError,
  hasPrClForm,
  type Methodology,
  formatLocation,
  headerText,
  outputColumns,
  outputValue,
  ratingsLayoutRows,
  type Cell,
  type FhColumn,
} from '@freedom-ratings/core';
import { EXIT_OK, UserError } from '../errors.js';
import { assessRecords, type AssessedRecord } from '../input/assess-records.js';
import { loadScores } from '../input/load.js';

export interface ScoreOptions {
  format: 'csv' | 'json';
  /** A methodology file to score with instead of the built-in one of each edition (the file must list the editions). */
  methodology?: string;
}

/** The columns `--format json` gives a record of FH's ratings-and-statuses file. */
const RATINGS_JSON_COLUMNS: readonly FhColumn[] = [
  'Country/Territory',
  'C/T',
  'Edition',
  'PR rating',
  'CL rating',
  'Freedom rating',
  'Status',
];

/** `fiw score`: recompute every derived column and print the file's layout plus the Freedom Rating. */
export async function scoreCommand(path: string, options: ScoreOptions): Promise<number> {
  const input = await loadScores(path);
  let methodology: Methodology | undefined;
  if (options.methodology) {
    const { readMethodologyFile } = await import('./methodology.js');
    const read = await readMethodologyFile(options.methodology);
    if (!read.methodology)
      throw new UserError(read.problems.map((p) => `${options.methodology}: ${p.path}: ${p.message}`).join('\n'));
    methodology = read.methodology;
    const outside = input.records.find((r) => !methodology!.editions.includes(r.edition));
    if (outside)
      throw new UserError(
        `${formatLocation(outside.location)}: edition ${outside.edition} is not one of ${methodology.id}'s editions (${methodology.editions.join(', ')})`,
      );
    if (!hasPrClForm(methodology)) {
      const { scoreIndexRecords } = await import('./score-index.js');
      return scoreIndexRecords(input.records, methodology, options.format);
    }
  }
  const results = assessRecords(input.records, methodology);
  for (const note of input.notes) process.stderr.write(`note: ${formatInputError(note)}\n`);
  for (const { record, assessed } of results) {
    for (const p of assessed.problems)
      process.stderr.write(`warning: ${formatLocation(record.location)}: ${p.path}: ${p.message}\n`);
  }
  const layout = input.layout;
  const columns = layout === 'ratings' ? RATINGS_JSON_COLUMNS : outputColumns(layout);
  const out: string[] = [];
  if (options.format === 'json') {
    const rows = results.map(({ record, assessed }) => {
      const o: Record<string, Cell> = {};
      for (const c of columns) o[c] = outputValue(c, record, assessed.figures!);
      return o;
    });
    out.push(JSON.stringify(rows, null, 2));
  } else if (layout === 'ratings') {
    out.push(...ratingsSheets(results));
  } else {
    out.push(csvLine(columns.map((c) => headerText(c, layout))));
    for (const { record, assessed } of results) {
      out.push(csvLine(columns.map((c) => formatCell(c, outputValue(c, record, assessed.figures!)))));
    }
  }
  process.stdout.write(out.join('\n') + '\n');
  return EXIT_OK;
}

/**
 * FH's ratings-and-statuses layout, one table per sheet of the file (countries,
 * then territories, separated by a blank line), with the status the edition's
 * rule gives from the ratings — as stated where no rule decides it (before FIW
 * 2003, a 5.5 in FIW 2003).
 */
function ratingsSheets(results: readonly AssessedRecord[]): string[] {
  const bySheet = new Map<string, AssessedRecord[]>();
  for (const r of results) {
    const sheet = r.record.location.sheet ?? '';
    bySheet.set(sheet, [...(bySheet.get(sheet) ?? []), r]);
  }
  const tables = [...bySheet.values()].map((sheet) =>
    ratingsLayoutRows(
      sheet.map(({ record, assessed }) => ({
        entity: record.entity,
        edition: record.edition,
        prRating: assessed.figures!.prRating,
        clRating: assessed.figures!.clRating,
        status: assessed.figures!.status,
      })),
    )
      .map(csvLine)
      .join('\n'),
  );
  return [tables.join('\n\n')];
}

function formatCell(column: FhColumn, value: Cell): Cell {
  return column === 'Freedom rating' && typeof value === 'number' ? value.toFixed(1) : value;
}
