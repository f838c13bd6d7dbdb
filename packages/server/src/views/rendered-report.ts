import { buildReport, renderHtml, renderMarkdown, renderText } from '@freedom-ratings/core';
import {
  findPublishedEdition,
  inputOf,
  loadAssessments,
  previousInSeries,
  questionWordings,
  type DatabaseHandle,
} from '@freedom-ratings/db';
import { publishedEntity } from './entity-history.js';
import { noPublishedReport } from './country-report.js';

export type ReportFormat = 'text' | 'markdown' | 'html';

/**
 * One published country report rendered by core's report renderers, in the
 * layout of its edition's era. Built from published data only, like the JSON.
 */
export async function renderedReport(
  db: DatabaseHandle,
  slugOrCode: string,
  edition: number,
  format: ReportFormat,
): Promise<string> {
  const entity = await publishedEntity(db, slugOrCode);
  const ed = await findPublishedEdition(db, edition);
  const [data] = ed
    ? await loadAssessments(db, { entity: entity.id, edition, publishedOnly: true, withNarratives: true })
    : [];
  if (!ed || !data) throw noPublishedReport(slugOrCode, edition);
  const previous = await previousInSeries(db, entity.id, edition);
  const questions = await questionWordings(db, edition);
  const report = buildReport({
    entity: entity.name,
    kind: data.row.kind,
    edition,
    current: inputOf(data),
    previous: previous ? inputOf(previous) : null,
    narrative: data.narratives,
    questions,
  });
  if (format === 'markdown') return renderMarkdown(report);
  if (format === 'html') return renderHtml(report);
  return renderText(report);
}
