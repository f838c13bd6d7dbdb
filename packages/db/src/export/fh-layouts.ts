import {
  headerText,
  ratingsLayoutRows,
  outputColumns,
  outputValue,
  type Cell,
  type FhRecord,
  type OutputLayout,
} from '@freedom-ratings/core';
import type { ScoredAssessment } from '../repositories/assessments.js';

/**
 * Tables in Freedom House's own layouts, column for column, so scripts written
 * against FH's files read ours unchanged. Inputs are written as stored and
 * every derived column comes from the engine.
 */
export type FhExportLayout = OutputLayout | 'ratings';

export const FH_EXPORT_LAYOUTS: readonly FhExportLayout[] = ['indicators', 'subcategories', 'ratings'];

function asRecord(a: ScoredAssessment): FhRecord {
  return {
    location: { file: 'database', sheet: null, columns: 'numbers', row: 0 },
    entity: a.entity.name,
    kind: a.row.kind,
    region: a.row.region,
    edition: a.row.edition,
    input: a.input,
    stated: {},
    cells: {},
  };
}

/** Which assessments a layout can show: the indicator layout needs indicators; subcategories can be summed from them. */
export function fitsLayout(a: ScoredAssessment, layout: OutputLayout): boolean {
  if (!a.assessed.figures) return false;
  return layout === 'indicators'
    ? a.row.granularity === 'indicators'
    : a.row.granularity === 'indicators' || a.row.granularity === 'subcategories';
}

/** FH's "All data" (indicators) or FIW06-23 (subcategories) layout: one header row, one row per assessment. */
export function scoresTable(assessments: readonly ScoredAssessment[], layout: OutputLayout): Cell[][] {
  const columns = outputColumns(layout, false);
  const rows: Cell[][] = [columns.map((c) => headerText(c, layout))];
  for (const a of assessments) {
    if (!fitsLayout(a, layout)) continue;
    const record = asRecord(a);
    rows.push(columns.map((c) => outputValue(c, record, a.assessed.figures!)));
  }
  return rows;
}

/**
 * FH's ratings-and-statuses layout (`ratingsLayoutRows`) for one kind: FH keeps
 * countries and territories on separate sheets; `kind` selects one.
 */
export function ratingsTable(assessments: readonly ScoredAssessment[], kind: 'country' | 'territory'): Cell[][] {
  return ratingsLayoutRows(
    assessments
      .filter((a) => a.row.kind === kind && a.assessed.figures)
      .map((a) => {
        const f = a.assessed.figures!;
        return {
          entity: a.entity.name,
          edition: a.row.edition,
          prRating: f.prRating,
          clRating: f.clRating,
          status: f.status,
        };
      }),
  );
}

/**
 * FH's FIW03-05 layout for assessments that hold PR and CL aggregates only:
 * one row per entity, "FIWnn PR" columns, then CL, then Total; "-" where not rated.
 */
export function aggregatesTable(assessments: readonly ScoredAssessment[]): Cell[][] {
  const selected = assessments.filter((a) => a.row.granularity === 'aggregates' && a.assessed.figures);
  const editions = [...new Set(selected.map((a) => a.row.edition))].sort((a, b) => a - b);
  const names = [...new Set(selected.map((a) => a.entity.name))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const byKey = new Map(selected.map((a) => [`${a.entity.name}\u0000${a.row.edition}`, a]));
  const short = (e: number) => `FIW${String(e).slice(2)}`;
  const header: Cell[] = ['Country/Territory', 'C/T?'];
  for (const figure of ['PR', 'CL', 'Total']) for (const e of editions) header.push(`${short(e)} ${figure}`);
  const rows: Cell[][] = [header];
  for (const name of names) {
    const found = editions.map((e) => byKey.get(`${name}\u0000${e}`));
    const kind = found.find((a) => a)!.row.kind === 'territory' ? 't' : 'c';
    rows.push([
      name,
      kind,
      ...found.map((a) => a?.assessed.figures?.pr ?? '-'),
      ...found.map((a) => a?.assessed.figures?.cl ?? '-'),
      ...found.map((a) => a?.assessed.figures?.total ?? '-'),
    ]);
  }
  return rows;
}
