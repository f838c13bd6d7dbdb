import {
  csvLine,
  formatLocation,
  headerText,
  outputColumns,
  outputValue,
  type Cell,
  type FhColumn,
} from '@freedom-ratings/core';
import { EXIT_OK } from '../errors.js';
import { assessRecords } from '../input/assess-records.js';
import { loadScores } from '../input/load.js';

export interface ScoreOptions {
  format: 'csv' | 'json';
}

/** `fiw score`: recompute every derived column and print the file's layout plus the Freedom Rating. */
export async function scoreCommand(path: string, options: ScoreOptions): Promise<number> {
  const input = await loadScores(path);
  const results = assessRecords(input.records);
  for (const { record, assessed } of results) {
    for (const p of assessed.problems)
      process.stderr.write(`warning: ${formatLocation(record.location)}: ${p.path}: ${p.message}\n`);
  }
  const columns = outputColumns(input.layout);
  const out: string[] = [];
  if (options.format === 'json') {
    const rows = results.map(({ record, assessed }) => {
      const o: Record<string, Cell> = {};
      for (const c of columns) o[c] = outputValue(c, record, assessed.figures!);
      return o;
    });
    out.push(JSON.stringify(rows, null, 2));
  } else {
    out.push(csvLine(columns.map((c) => headerText(c, input.layout))));
    for (const { record, assessed } of results) {
      out.push(csvLine(columns.map((c) => formatCell(c, outputValue(c, record, assessed.figures!)))));
    }
  }
  process.stdout.write(out.join('\n') + '\n');
  return EXIT_OK;
}

function formatCell(column: FhColumn, value: Cell): Cell {
  return column === 'Freedom rating' && typeof value === 'number' ? value.toFixed(1) : value;
}
