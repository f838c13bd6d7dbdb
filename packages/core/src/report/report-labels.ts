import { INDICATORS, SUBCATEGORIES } from '../methodology/structure.js';
import type { IndicatorCode, SubcategoryCode } from '../types.js';

/*
 * The shapes of the lines a report page is made of, beyond the figures:
 * status words, the page furniture that carries nothing for the report, and
 * the section headings the parser recognises.
 */

export const STATUS_LINE = /^(?:free|partly free|partially free|not free)$/i;

/** Header lines of report pages and their copies that carry nothing for the report. */
export const BOILERPLATE =
  /^(?:quick facts|full methodology|country facts|global freedom statuses are calculated|a country or territory's freedom in the world status depends|\* indicates a territory|publisher\b|publication date\b|cite as\b|disclaimer|this is not a unhcr publication|last updated\b|population:|capital:|gdp\/capita:|internet freedom score|ten-year ratings timeline|\(political rights, civil liberties, status\)|year under review|political rights and civil liberties:?$|freedom in the world$|see the methodology|\[key\]$|image graph showing|freedom in the world scores$|report navigation$|country reports$|country scores$|-{3}[-|: ]*$|rating\s*\|\s*\d|\*?source: freedom house|status, ratings and scores$|electoral democracy:\s*(?:yes|no)$)/i;

/** Figures of other indexes in a page's header ("Internet Freedom Score"): skipped with their value. */
export const VALUE_LABEL =
  /^(?:press freedom status|net freedom status|freedom on the net status|internet freedom score|freedom of the press score)\s*:?\s*(.*)$/i;

/** A legend on a line of its own: "(0=Least Free, 100=Most Free)". */
export const LEGEND_LINE = /^\(\s*[01]\s*=[^)]*\)$/;

export function isIndicator(code: string): code is IndicatorCode {
  return code in INDICATORS;
}

/** "A. Electoral Process: 2 / 12", "A Electoral Process", "B. Political Pluralism and Participation". */
export function subcategoryHeading(t: string): { code: SubcategoryCode; rest: string } | null {
  const m = /^([A-G])[.:]?\s+(.*)$/.exec(t);
  if (!m) return null;
  const code = m[1] as SubcategoryCode;
  const name = SUBCATEGORIES[code].name;
  const after = m[2]!;
  if (after.slice(0, name.length).toLowerCase() !== name.toLowerCase()) return null;
  const rest = after.slice(name.length);
  if (rest !== '' && !/^\s*[:\d+\-\u2212\u2013(]/.test(rest)) return null;
  return { code, rest: rest.replace(/^\s*:?\s*/, '') };
}
