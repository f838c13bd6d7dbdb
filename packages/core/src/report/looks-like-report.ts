import { isIndicator, subcategoryHeading } from './report-labels.js';
import { sourceLines } from './source-lines.js';

// The labels a country report is made of, in every era's layout.
const REPORT_LABEL =
  /^(?:Freedom in the World\b|(?:Freedom )?Status\b|(?:PR |CL )?(?:Political Rights|Civil Liberties)\b|Aggregate Score\b|Global Freedom Score\b|Freedom Rating\b|Last Year['\u2019]?s Score\b|Overview\b|Key Developments\b|\d{4} Key Developments\b|Scoring Key\b|Trend Arrow\b|Ratings? Change\b|Score Change:|\d{4} Scores$|(?:Free|Partly Free|Not Free)$)/i;

/**
 * Whether a text is a country report (plain text, Markdown or HTML of any
 * era) rather than a table: a file handed to a command that reads tables
 * gets told which command reads it, instead of a CSV error on line 62.
 * Three different report labels among its first lines decide it; a CSV's
 * header row has none of them at the start of a line.
 */
export function looksLikeCountryReport(text: string): boolean {
  const seen = new Set<string>();
  let lines = 0;
  for (const { text: t } of sourceLines(text.slice(0, 20_000))) {
    if (t === '') continue;
    if (++lines > 80) break;
    if (t.includes(',') && t.split(',').length > 6) return false;
    const m = REPORT_LABEL.exec(t);
    const code = /^([A-G][1-4])\.?\s/.exec(t)?.[1];
    const key = m
      ? m[0].toLowerCase().replace(/^(?:freedom |pr |cl )/, '')
      : code && isIndicator(code)
        ? 'indicator'
        : subcategoryHeading(t)
          ? 'subcategory'
          : null;
    if (key) seen.add(key);
    if (seen.size >= 3) return true;
  }
  return false;
}
