import { addAEliminated } from '../methodology/add-a.js';
import type { DerivedFigures } from '../scoring/assessment.js';
import { INDICATOR_CODES } from '../types.js';
import { INDICATOR_LAYOUT, SUBCATEGORY_LAYOUT, type FhColumn } from './columns.js';
import { computedValue } from './compare.js';
import type { FhLayout, FhRecord } from './read.js';
import type { Cell } from './table.js';

/**
 * Writing records back in FH's own layouts, column for column, so scripts
 * written against FH's files keep working on ours. Headers use the spelling of
 * the file each layout comes from ("PR rating" in the indicator file, "PR
 * Rating" and "C/T?" in the subcategory file).
 */
export type OutputLayout = 'indicators' | 'subcategories';

export function outputLayoutFor(layout: FhLayout): OutputLayout {
  return layout === 'indicators' ? 'indicators' : 'subcategories';
}

export function outputColumns(layout: OutputLayout, withFreedomRating = true): FhColumn[] {
  const base = layout === 'indicators' ? INDICATOR_LAYOUT : SUBCATEGORY_LAYOUT;
  return withFreedomRating ? [...base, 'Freedom rating'] : [...base];
}

const SUBCATEGORY_FILE_SPELLING: Partial<Record<FhColumn, string>> = {
  'C/T': 'C/T?',
  'PR rating': 'PR Rating',
  'CL rating': 'CL Rating',
};

export function headerText(column: FhColumn, layout: OutputLayout): string {
  return (layout === 'subcategories' ? SUBCATEGORY_FILE_SPELLING[column] : undefined) ?? column;
}

const INDICATORS: ReadonlySet<string> = new Set(INDICATOR_CODES);

/** The value of one output column for a record: inputs as given, everything derived recomputed. */
export function outputValue(column: FhColumn, record: FhRecord, f: DerivedFigures): Cell {
  const input = record.input;
  switch (column) {
    case 'Country/Territory':
      return record.entity;
    case 'Region':
      return record.region;
    case 'C/T':
      return record.kind === 'territory' ? 't' : 'c';
    case 'Edition':
      return record.edition;
    case 'Add Q':
      return f.granularity === 'aggregates' || f.granularity === 'ratings' ? null : (input.addQ ?? 0);
    case 'Add A':
      if (f.granularity === 'aggregates' || f.granularity === 'ratings') return null;
      return addAEliminated(record.edition) ? 'N/A' : (input.addA ?? 0);
    default:
      if (INDICATORS.has(column)) return input.indicators?.[column as keyof typeof input.indicators] ?? null;
      return computedValue(column, f);
  }
}
