import { findDiscrepancies, type Discrepancy } from '@freedom-ratings/core';
import { EXIT_FINDINGS, EXIT_OK } from '../errors.js';
import { assessRecords } from '../input/assess-records.js';
import { loadScores } from '../input/load.js';
import { withThousands } from '../output/numbers.js';

export interface CheckOptions {
  format: 'text' | 'json';
}

/** `fiw check`: recompute and list every figure the file states differently. */
export async function checkCommand(path: string, options: CheckOptions): Promise<number> {
  const input = await loadScores(path);
  const results = assessRecords(input.records);
  const discrepancies = results.flatMap(({ record, assessed }) => findDiscrepancies(record, assessed));
  if (options.format === 'json') {
    process.stdout.write(JSON.stringify({ file: input.file, rows: results.length, discrepancies }, null, 2) + '\n');
  } else {
    const lines = discrepancies.map((d) => describe(input.file, d));
    const rowsWith = new Set(discrepancies.map((d) => `${d.sheet}\u0000${d.row}\u0000${d.edition}`)).size;
    const summary =
      `${withThousands(results.length)} rows checked: ` +
      (discrepancies.length === 0
        ? 'all figures agree with the methodology'
        : `${discrepancies.length} ${discrepancies.length === 1 ? 'discrepancy' : 'discrepancies'} in ${rowsWith} ${rowsWith === 1 ? 'row' : 'rows'}`);
    process.stdout.write([...lines, summary].join('\n') + '\n');
  }
  return discrepancies.length ? EXIT_FINDINGS : EXIT_OK;
}

function show(v: Discrepancy['stated']): string {
  return v === null ? '(blank)' : String(v);
}

function describe(file: string, d: Discrepancy): string {
  const where = d.sheet !== null ? `${file}, sheet "${d.sheet}", row ${d.row}` : `${file}, line ${d.row}`;
  const what = d.note
    ? `${d.column}: ${d.note}`
    : `${d.column}: stated ${show(d.stated)}, computed ${show(d.computed)}`;
  return `${where}: ${d.entity} ${d.edition}: ${what}`;
}
