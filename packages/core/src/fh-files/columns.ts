import { editDistance } from '../text/edit-distance.js';
import { SUBCATEGORY_CODES, type IndicatorCode, type SubcategoryCode } from '../types.js';

/**
 * Column names of Freedom House's spreadsheets, in one canonical spelling.
 * FH's files differ in small ways ("PR rating" / "PR Rating", "C/T" / "C/T?",
 * "Add B" before it became "Add Q", trailing spaces); all map here.
 */
export type FhColumn =
  | 'Country/Territory'
  | 'Region'
  | 'C/T'
  | 'Edition'
  | 'Status'
  | 'PR rating'
  | 'CL rating'
  | IndicatorCode
  | SubcategoryCode
  | 'Add Q'
  | 'Add A'
  | 'PR'
  | 'CL'
  | 'Total'
  | 'Freedom rating';

/** The column order of FH's indicator file ("All data", FIW 2013 on). */
export const INDICATOR_LAYOUT: readonly FhColumn[] = [
  'Country/Territory', 'Region', 'C/T', 'Edition', 'Status', 'PR rating', 'CL rating',
  'A1', 'A2', 'A3', 'A', 'B1', 'B2', 'B3', 'B4', 'B', 'C1', 'C2', 'C3', 'C', 'Add Q', 'Add A', 'PR',
  'D1', 'D2', 'D3', 'D4', 'D', 'E1', 'E2', 'E3', 'E', 'F1', 'F2', 'F3', 'F4', 'F',
  'G1', 'G2', 'G3', 'G4', 'G', 'CL', 'Total',
]; // prettier-ignore

/** The column order of FH's subcategory sheet (FIW06-23). */
export const SUBCATEGORY_LAYOUT: readonly FhColumn[] = [
  'Country/Territory', 'Region', 'C/T', 'Edition', 'Status', 'PR rating', 'CL rating',
  'A', 'B', 'C', 'Add Q', 'Add A', 'PR', 'D', 'E', 'F', 'G', 'CL', 'Total',
]; // prettier-ignore

const canonical = new Map<string, FhColumn>();
for (const c of [...INDICATOR_LAYOUT, 'Freedom rating'] as FhColumn[]) canonical.set(normalizeHeader(c), c);
canonical.set('country', 'Country/Territory');
canonical.set('country/territory name', 'Country/Territory');
canonical.set('add b', 'Add Q');
canonical.set('pr aggr', 'PR');
canonical.set('cl aggr', 'CL');
canonical.set('total aggr', 'Total');
for (const s of SUBCATEGORY_CODES) canonical.set(`${s.toLowerCase()} aggr`, s);

export function normalizeHeader(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replace(/\?$/, '').toLowerCase();
}

export function canonicalColumn(header: string): FhColumn | undefined {
  return canonical.get(normalizeHeader(header));
}

/** "FIW03 PR" → {edition: 2003, figure: 'PR'}: the wide layout of FH's FIW03-05 sheet. */
export function wideColumn(header: string): { edition: number; figure: 'PR' | 'CL' | 'Total' } | undefined {
  const m = /^fiw ?(\d{2}) (pr|cl|total)$/.exec(normalizeHeader(header));
  if (!m) return undefined;
  const figure = m[2] === 'pr' ? 'PR' : m[2] === 'cl' ? 'CL' : 'Total';
  return { edition: 2000 + Number(m[1]), figure };
}

/**
 * The column a misspelt header most likely means ("Counrty/Territory" →
 * "Country/Territory"), for the message about a file whose header was not
 * recognised; undefined when no column name is close. Codes of one or two
 * characters (A1, C) are too short to guess from.
 */
export function nearestColumn(header: string): FhColumn | undefined {
  const target = normalizeHeader(header);
  if (target.length < 4 || canonical.has(target)) return undefined;
  let best: { column: FhColumn; distance: number } | undefined;
  for (const [name, column] of canonical) {
    if (name.length < 4) continue;
    const distance = editDistance(target, name);
    if (distance <= Math.max(1, Math.floor(name.length / 4)) && (!best || distance < best.distance))
      best = { column, distance };
  }
  return best?.column;
}
