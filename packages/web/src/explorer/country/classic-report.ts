import { buildReport, layOut, layoutForEdition, type ReportBlock } from '@freedom-ratings/core';
import type { CountryReport, EntityHistory } from '../../api/client.js';
import { assessmentInputOf } from './assessment-input.js';

export type HistoryEntry = EntityHistory['history'][number];

/**
 * The report in the layout of its edition's era (2014, 2018 or 2020), as
 * core's renderer lays it out for `fiw report render`: the same lines
 * ("Political Rights: 6 / 40", "A. Electoral Process: 2 / 12 (−1)"), the
 * changes derived by the engine against the previous published edition.
 */
export function classicReportBlocks(report: CountryReport, previous: HistoryEntry | null): ReportBlock[] {
  const { entity, edition } = report;
  const built = buildReport({
    entity: entity.name,
    kind: entity.kind,
    edition: edition.edition,
    current: assessmentInputOf(entity.name, entity.kind, edition.edition, report.figures),
    previous: previous && assessmentInputOf(entity.name, entity.kind, previous.edition.edition, previous.figures),
    narrative: report.narratives,
    questions: new Map(Object.entries(report.questions)),
  });
  return layOut(built, layoutForEdition(edition.edition));
}
