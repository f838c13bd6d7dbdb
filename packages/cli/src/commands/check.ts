import { findDiscrepancies, formatInputError, type Discrepancy } from '@freedom-ratings/core';
import { EXIT_FINDINGS, EXIT_OK } from '../errors.js';
import { assessRecords } from '../input/assess-records.js';
import { loadScores } from '../input/load.js';
import { withThousands } from '../output/numbers.js';

export interface CheckOptions {
  format: 'text' | 'json';
}

/**
 * `fiw check`: recompute and list every figure the file states differently.
 * A status is checked against the ratings by the edition's rule wherever the
 * methodology has one that decides it (FIW 2004 on; FIW 2003 except a Freedom
 * Rating of 5.5); elsewhere it is taken as stated, and the summary says how often.
 */
export async function checkCommand(path: string, options: CheckOptions): Promise<number> {
  const input = await loadScores(path);
  const results = assessRecords(input.records);
  const discrepancies = results.flatMap(({ record, assessed }) => findDiscrepancies(record, assessed));
  const statusAsStated = results.filter(
    ({ record, assessed }) => record.stated.Status != null && assessed.figures!.statusBasis !== 'rule',
  ).length;
  for (const note of input.notes) process.stderr.write(`note: ${formatInputError(note)}\n`);
  if (options.format === 'json') {
    // Present only where they apply, so a report of a score file keeps its long-standing shape.
    const report = {
      file: input.file,
      rows: results.length,
      ...(statusAsStated > 0 && { statusAsStated }),
      discrepancies,
      ...(input.notes.length > 0 && { notes: input.notes.map(formatInputError) }),
    };
    process.stdout.write(JSON.stringify(report, null, 2) + '\n');
  } else {
    const lines = discrepancies.map((d) => describe(input.file, d));
    const rowsWith = new Set(discrepancies.map((d) => `${d.sheet}\u0000${d.row}\u0000${d.edition}`)).size;
    const summary =
      `${withThousands(results.length)} rows checked: ` +
      (discrepancies.length === 0
        ? 'all figures agree with the methodology'
        : `${discrepancies.length} ${discrepancies.length === 1 ? 'discrepancy' : 'discrepancies'} in ${rowsWith} ${rowsWith === 1 ? 'row' : 'rows'}`) +
      (statusAsStated
        ? ` (${withThousands(statusAsStated)} ${statusAsStated === 1 ? 'status' : 'statuses'} taken as stated: no rule of the edition decides ${statusAsStated === 1 ? 'it' : 'them'} from the ratings)`
        : '');
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
