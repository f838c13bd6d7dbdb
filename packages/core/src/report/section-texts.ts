import type { NarrativeRow } from './narrative.js';

/**
 * A report text as the database and the API keep it: a section and, for
 * indicator and discretionary texts, the code it belongs to.
 */
export interface SectionText {
  section: string;
  code: string;
  body: string;
}

const SECTION_ITEMS: Readonly<Record<string, string>> = {
  overview: 'Overview',
  'key-developments': 'Key Developments',
  notes: 'Notes',
  'status-change': 'Status Change',
  'ratings-change': 'Rating Change',
  'trend-arrow': 'Trend Arrow',
};

/**
 * Stored texts back into the narrative rows `buildReport` reads (the
 * importer's mapping, reversed), with each question's wording where known,
 * so the server's rendered reports and the explorer's pages lay out the same.
 */
export function narrativeRowsOf(
  texts: readonly SectionText[],
  questions: Readonly<Record<string, string>>,
): NarrativeRow[] {
  const rows: NarrativeRow[] = [];
  for (const n of texts) {
    if (n.section === 'indicator')
      rows.push({ sub_item: n.code, sub_item_description: questions[n.code] ?? null, detail: n.body });
    else if (n.section === 'discretionary' && n.code === 'Add Q')
      rows.push({ sub_item: 'C4', sub_item_description: questions['Add Q'] ?? null, detail: n.body });
    else if (SECTION_ITEMS[n.section]) rows.push({ sub_item: SECTION_ITEMS[n.section]!, detail: n.body });
  }
  return rows;
}
