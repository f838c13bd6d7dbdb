import {
  hasPrClForm,
  INDICATOR_CODES,
  shapeOf,
  SUBCATEGORY_CODES,
  type AssessmentInput,
  type Granularity,
  type Methodology,
} from '@freedom-ratings/core';
import type { AssessmentTable } from '../schema.js';

/**
 * The columns of an assessment row that an import sets, derived from the
 * engine input. Comparing these (plus scores and narratives, as `fields`)
 * is how a re-import knows what, if anything, changed.
 */
export type ImportedColumns = Pick<
  AssessmentTable,
  | 'granularity'
  | 'kind'
  | 'region'
  | 'add_q'
  | 'add_a'
  | 'pr_aggregate'
  | 'cl_aggregate'
  | 'pr_rating'
  | 'cl_rating'
  | 'status'
  | 'trend_arrow'
  | 'electoral_democracy_override'
  | 'source_note'
>;

export const IMPORTED_COLUMNS: readonly (keyof ImportedColumns)[] = [
  'granularity',
  'kind',
  'region',
  'add_q',
  'add_a',
  'pr_aggregate',
  'cl_aggregate',
  'pr_rating',
  'cl_rating',
  'status',
  'trend_arrow',
  'electoral_democracy_override',
  'source_note',
];

export function importedColumns(
  granularity: Granularity,
  input: AssessmentInput,
  kind: AssessmentTable['kind'],
  region: string | null,
  sourceNote: string | null,
): ImportedColumns {
  const scored = granularity === 'indicators' || granularity === 'subcategories';
  return {
    granularity,
    kind,
    region,
    add_q: scored ? (input.addQ ?? 0) : null,
    add_a: scored ? (input.addA ?? null) : null,
    pr_aggregate: granularity === 'aggregates' ? (input.aggregates?.pr ?? null) : null,
    cl_aggregate: granularity === 'aggregates' ? (input.aggregates?.cl ?? null) : null,
    pr_rating: granularity === 'ratings' ? (input.ratings?.pr ?? null) : null,
    cl_rating: granularity === 'ratings' ? (input.ratings?.cl ?? null) : null,
    status: input.status ?? null,
    trend_arrow: input.trendArrow ?? null,
    electoral_democracy_override:
      input.electoralDemocracyOverride === undefined || input.electoralDemocracyOverride === null
        ? null
        : input.electoralDemocracyOverride
          ? 1
          : 0,
    source_note: sourceNote,
  };
}

/**
 * Stored scores of an input: indicators A1…G4, or subcategory totals A…G. An
 * assessment of another index (not FIW's PR and CL) stores its own codes, and
 * its discretionary answers under their question's code beside them (codes are
 * unique across a methodology file), so no column is FIW's alone.
 */
export function scoresOf(
  granularity: Granularity,
  input: AssessmentInput,
  methodology?: Methodology,
): { code: string; value: number }[] {
  if (methodology && !hasPrClForm(methodology)) {
    const shape = shapeOf(methodology);
    const given = (codes: readonly string[], scores: AssessmentInput['discretionary']) =>
      codes.flatMap((code) => (typeof scores?.[code] === 'number' ? [{ code, value: scores[code] }] : []));
    const scores =
      granularity === 'indicators'
        ? given(shape.indicatorCodes, input.indicators)
        : given(
            shape.subcategories.map((s) => s.code),
            input.subcategories,
          );
    return [
      ...scores,
      ...given(
        methodology.discretionary.map((q) => q.code),
        input.discretionary,
      ),
    ];
  }
  if (granularity === 'indicators') {
    return INDICATOR_CODES.map((code) => ({ code, value: input.indicators![code]! }));
  }
  if (granularity === 'subcategories') {
    return SUBCATEGORY_CODES.map((code) => ({ code, value: input.subcategories![code]! }));
  }
  return [];
}
