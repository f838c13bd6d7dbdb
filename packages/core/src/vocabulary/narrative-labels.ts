import { INDICATOR_CODES } from '../types.js';
import type { NarrativeSection } from './narrative-sections.js';

/**
 * What each narrative section is called outside the database: its key in our
 * JSON's `narrative` object, and its `sub_item` label in FH's narrative file
 * (null where FH labels the text by its code instead). The one place these
 * names are written down; readers and writers of both formats look them up.
 */
export const NARRATIVE_SECTION_NAMES: Readonly<Record<NarrativeSection, { json: string; fh: string | null }>> = {
  overview: { json: 'overview', fh: 'Overview' },
  'key-developments': { json: 'keyDevelopments', fh: 'Key Developments' },
  notes: { json: 'notes', fh: 'Notes' },
  'status-change': { json: 'statusChange', fh: 'Status Change' },
  'ratings-change': { json: 'ratingsChange', fh: 'Rating Change' },
  'trend-arrow': { json: 'trendArrow', fh: 'Trend Arrow' },
  subcategory: { json: 'subcategories', fh: null },
  indicator: { json: 'indicators', fh: null },
  discretionary: { json: 'discretionary', fh: null },
};

/** A narrative text's place: its section and, for per-item sections, the code ('' otherwise). */
export interface NarrativePlace {
  section: NarrativeSection;
  code: string;
}

/** One text in its place: as stored, as the API gives it, or as read from FH's narrative file. */
export interface NarrativeText extends NarrativePlace {
  body: string;
}

const BY_JSON_KEY = new Map(
  Object.entries(NARRATIVE_SECTION_NAMES).map(([section, n]) => [n.json, section as NarrativeSection]),
);
const BY_FH_LABEL = new Map(
  Object.entries(NARRATIVE_SECTION_NAMES)
    .filter(([, n]) => n.fh !== null)
    .map(([section, n]) => [n.fh!.toLowerCase(), section as NarrativeSection]),
);
// FH's file spells the ratings-change section both ways.
BY_FH_LABEL.set('ratings change', 'ratings-change');
const INDICATORS: ReadonlySet<string> = new Set(INDICATOR_CODES);
const SUBCATEGORY = /^[A-G]$/;

/** The section of one of our JSON's `narrative` keys, or undefined for a key the format does not have. */
export function sectionOfJsonKey(key: string): NarrativeSection | undefined {
  return BY_JSON_KEY.get(key);
}

/**
 * Where a `sub_item` of FH's narrative file belongs: an indicator code, "C4"
 * (which there is the Add Q discretionary question, not an indicator), Add A,
 * a subcategory letter, or a section label in any case and spacing.
 */
export function placeOfFhItem(subItem: string): NarrativePlace | undefined {
  const upper = subItem.toUpperCase().replace(/[.\s]/g, '');
  if (INDICATORS.has(upper)) return { section: 'indicator', code: upper };
  if (upper === 'C4' || upper === 'ADDQ') return { section: 'discretionary', code: 'Add Q' };
  if (upper === 'ADDA') return { section: 'discretionary', code: 'Add A' };
  if (SUBCATEGORY.test(upper)) return { section: 'subcategory', code: upper };
  const section = BY_FH_LABEL.get(subItem.toLowerCase().replace(/\s+/g, ' ').trim());
  return section ? { section, code: '' } : undefined;
}
