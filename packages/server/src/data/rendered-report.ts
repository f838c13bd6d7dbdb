import { buildReport, renderHtml, renderMarkdown, renderText } from '@freedom-ratings/core';
import type { Database } from '@freedom-ratings/db';
import type { Kysely } from 'kysely';
import { loadAssessments, toAssessmentInput } from './assessment-data.js';
import { publishedEntity } from './entity-history.js';
import { noPublishedReport } from './country-report.js';
import { previousPublishedEdition, publishedEdition } from './publication.js';

export type ReportFormat = 'text' | 'markdown' | 'html';

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
    narrative: data.narratives,
    questions: new Map(questions.map((q) => [q.code, q.wording])),
  });
  if (format === 'markdown') return renderMarkdown(report);
  if (format === 'html') return renderHtml(report);
  return renderText(report);
}
