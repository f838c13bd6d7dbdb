import type { DerivedFigures } from '../scoring/assessment.js';
import type { Assessed } from '../scoring/score.js';
import { SUBCATEGORY_CODES } from '../types.js';
import type { FhColumn } from './columns.js';
import type { FhRecord, StatedValue } from './read.js';

/** A figure the file states that the methodology does not give, or a figure beyond its limits. */
export interface Discrepancy {
  row: number;
  sheet: string | null;
  entity: string;
  edition: number;
  column: string;
  stated: StatedValue;
  computed: StatedValue;
  /** Set where there is no single computed value to show, e.g. a score above its maximum. */
  note?: string;
}

/** The value the engine derives for a column of FH's layout. */
export function computedValue(column: FhColumn, f: DerivedFigures): StatedValue {
  switch (column) {
    case 'Status':
      return f.status;
    case 'PR rating':
      return f.prRating;
    case 'CL rating':
      return f.clRating;
    case 'PR':
      return f.pr;
    case 'CL':
      return f.cl;
    case 'Total':
      return f.total;
    case 'Freedom rating':
      return f.freedomRating;
    default:
      return (SUBCATEGORY_CODES as readonly string[]).includes(column) && f.subcategories
        ? f.subcategories[column as keyof typeof f.subcategories]
        : null;
  }
}

/**
 * Every stated figure of a record that differs from what its scores give,
 * plus the methodology warnings (scores above their maxima). A status the
 * rule cannot decide (FIW 2003 at 5.5, before 2003) is accepted as stated.
 */
export function findDiscrepancies(record: FhRecord, assessed: Assessed): Discrepancy[] {
  const out: Discrepancy[] = [];
  const f = assessed.figures;
  if (f) {
    for (const key in record.stated) {
      const column = key as FhColumn;
      const stated = record.stated[column] ?? null;
      if (column === 'Status' && f.statusBasis !== 'rule') continue;
      const computed = computedValue(column, f);
      if (stated !== computed) out.push(discrepancy(record, column, stated, computed));
    }
  }
  for (const p of assessed.problems) {
    out.push(discrepancy(record, p.field, problemValue(record, f, p.field), null, p.message));
  }
  return out;
}

function discrepancy(
  record: FhRecord,
  column: string,
  stated: StatedValue,
  computed: StatedValue,
  note?: string,
): Discrepancy {
  const d: Discrepancy = {
    row: record.location.row,
    sheet: record.location.sheet,
    entity: record.entity,
    edition: record.edition,
    column,
    stated,
    computed,
  };
  if (note !== undefined) d.note = note;
  return d;
}

function problemValue(record: FhRecord, f: DerivedFigures | null, field: string): StatedValue {
  if (field === 'PR') return record.input.aggregates?.pr ?? f?.pr ?? null;
  if (field === 'CL') return record.input.aggregates?.cl ?? f?.cl ?? null;
  const subcategories = record.input.subcategories as Record<string, number> | null | undefined;
  return subcategories?.[field] ?? null;
}
