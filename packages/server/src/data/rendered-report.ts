import { buildReport, renderHtml, renderMarkdown, renderText, type NarrativeRow } from '@freedom-ratings/core';
import type { Database } from '@freedom-ratings/db';
import type { Kysely } from 'kysely';
import { loadAssessments, toAssessmentInput, type NarrativeEntry } from './assessment-data.js';
import { publishedEntity } from './entity-history.js';
import { noPublishedReport } from './country-report.js';
import { previousPublishedEdition, publishedEdition } from './publication.js';

export type ReportFormat = 'text' | 'markdown' | 'html';

const SECTION_ITEMS: Partial<Record<NarrativeEntry['section'], string>> = {
  overview: 'Overview',
  'key-developments': 'Key Developments',
  notes: 'Notes',
  'status-change': 'Status Change',
  'ratings-change': 'Rating Change',
  'trend-arrow': 'Trend Arrow',
};

/** Stored texts back into the narrative rows the report builder reads (the importer's mapping, reversed). */
function narrativeRows(entries: readonly NarrativeEntry[], questions: ReadonlyMap<string, string>): NarrativeRow[] {
  const rows: NarrativeRow[] = [];
  for (const n of entries) {
    if (n.section === 'indicator')
      rows.push({ sub_item: n.code, sub_item_description: questions.get(n.code) ?? null, detail: n.body });
    else if (n.section === 'discretionary' && n.code === 'Add Q')
      rows.push({ sub_item: 'C4', sub_item_description: questions.get('Add Q') ?? null, detail: n.body });
    else if (SECTION_ITEMS[n.section]) rows.push({ sub_item: SECTION_ITEMS[n.section]!, detail: n.body });
  }
  return rows;
}

/**
 * One published country report rendered by core's report renderers, in the
 * layout of its edition's era. Built from published data only, like the JSON.
 */
export async function renderedReport(
  db: Kysely<Database>,
  slugOrCode: string,
  edition: number,
  format: ReportFormat,
): Promise<string> {
  const entity = await publishedEntity(db, slugOrCode);
  const ed = await publishedEdition(db, edition);
  const [data] = ed
    ? await loadAssessments(db, { entityId: entity.id, edition, publishedOnly: true, withNarratives: true })
    : [];
  if (!ed || !data) throw noPublishedReport(slugOrCode, edition);
  const previousEdition = await previousPublishedEdition(db, edition);
  const [previous] =
    previousEdition === undefined
      ? []
      : await loadAssessments(db, { entityId: entity.id, edition: previousEdition, publishedOnly: true });
  const questions = await db
    .selectFrom('questions')
    .select(['code', 'wording'])
    .where('edition', '=', edition)
    .execute();
  const report = buildReport({
    entity: entity.name,
    kind: data.row.kind,
    edition,
    current: toAssessmentInput(data),
    previous: previous ? toAssessmentInput(previous) : null,
    narrative: narrativeRows(data.narratives, new Map(questions.map((q) => [q.code, q.wording]))),
  });
  if (format === 'markdown') return renderMarkdown(report);
  if (format === 'html') return renderHtml(report);
  return renderText(report);
}
