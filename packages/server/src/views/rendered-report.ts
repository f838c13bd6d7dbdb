import {
  buildReport,
  hasPrClForm,
  layOutIndexReport,
  renderHtml,
  renderHtmlBlocks,
  renderMarkdown,
  renderMarkdownBlocks,
  renderText,
  renderTextBlocks,
} from '@freedom-ratings/core';
import {
  findPublishedEdition,
  inputOf,
  loadAssessments,
  previousInSeries,
  questionWordings,
  scoreAssessment,
  type DatabaseHandle,
  type StoredAssessment,
} from '@freedom-ratings/db';
import { attributionFor } from './attribution.js';
import { publishedEntity } from './entity-history.js';
import { noPublishedReport } from './country-report.js';

export type ReportFormat = 'text' | 'markdown' | 'html';

/**
 * One published country report rendered by core's report renderers: in the
 * layout of its edition's era for FIW's form (whatever methodology file the
 * edition names, built-in or loaded), and in its own categories for another
 * organisation's index. Built from published data only, like the JSON.
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
  if (data.methodology && !hasPrClForm(data.methodology)) return indexReport(data, entity.name, format);
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
    methodology: data.methodology,
    previousMethodology: previous?.methodology,
  });
  if (format === 'markdown') return renderMarkdown(report);
  if (format === 'html') return renderHtml(report);
  return renderText(report);
}

function indexReport(data: StoredAssessment, entity: string, format: ReportFormat): string {
  const m = data.methodology!;
  const figures = scoreAssessment(data).index?.figures;
  if (!figures) throw noPublishedReport(entity, data.row.edition);
  const blocks = layOutIndexReport({
    entity,
    kind: data.row.kind,
    editionLabel: data.edition.label,
    methodology: m,
    figures,
    scores: data.scores,
    narratives: data.narratives,
  });
  const attribution = attributionFor([data]);
  if (format === 'markdown') return renderMarkdownBlocks(blocks, attribution);
  if (format === 'html') return renderHtmlBlocks(blocks, attribution, m.name);
  return `${renderTextBlocks(blocks)}\n${attribution}\n`;
}
