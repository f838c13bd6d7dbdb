import { checkTrendArrow, explain, explainIndex, type Methodology } from '@freedom-ratings/core';
import {
  findPublishedEdition,
  loadAssessments,
  previousInSeries,
  questionWordings,
  scoreAssessment,
  type DatabaseHandle,
} from '@freedom-ratings/db';
import type { z } from 'zod';
import { notFound } from '../errors/api-error.js';
import type { countryReportSchema } from '@freedom-ratings/contract';
import { attributionFor } from './attribution.js';
import { editionSummary } from './edition-summary.js';
import { noPublishedEntity, publishedEntity } from './entity-history.js';
import { changeOf, changesOf, figuresOf } from './figures.js';
import type { ScoredAssessment } from '@freedom-ratings/db';

export type CountryReport = z.input<typeof countryReportSchema>;

/** The same words for a missing entity, a draft edition and a withheld assessment. */
export const noPublishedReport = (entity: string, edition: number) =>
  notFound(`No published report for "${entity}" in edition ${edition}.`);

/** One entity's published report for one edition: figures, change, the engine's explanations and the texts. */
export async function countryReport(db: DatabaseHandle, slugOrCode: string, edition: number): Promise<CountryReport> {
  const entity = await publishedEntity(db, slugOrCode);
  const ed = await findPublishedEdition(db, edition);
  const [data] = ed
    ? await loadAssessments(db, { entity: entity.id, edition, publishedOnly: true, withNarratives: true })
    : [];
  if (!ed || !data) throw noPublishedReport(slugOrCode, edition);
  const current = scoreAssessment(data);
  const figures = figuresOf(current);
  const methodology = current.assessed.methodology;
  if (!figures || !methodology) throw noPublishedEntity(slugOrCode);

  const prevData = await previousInSeries(db, entity.id, edition);
  const previous = prevData ? scoreAssessment(prevData) : undefined;
  const questions = await questionWordings(db, edition);

  return {
    entity: { id: entity.id, name: entity.name, kind: data.row.kind, code: entity.code, iso3: entity.iso3 },
    edition: editionSummary(ed),
    region: data.row.region,
    figures,
    change: changeOf(current, previous),
    trendArrow: checkTrendArrow(current.input.trendArrow, changesOf(current, previous), methodology.trendArrow),
    explanation: explanationOf(current, methodology),
    questions: Object.fromEntries(questions),
    narratives: data.narratives,
    source: attributionFor([data]),
  };
}

/** The engine's words on the figures: FIW's PR and CL (`explain`), or every category of another index (`explainIndex`). */
function explanationOf(s: ScoredAssessment, methodology: Methodology): CountryReport['explanation'] {
  if (s.index?.figures) {
    const e = explainIndex(s.index.figures, methodology);
    return { pr: null, cl: null, status: e.status, electoralDemocracy: e.electoralDemocracy, categories: e.categories };
  }
  const e = explain(s.assessed.figures!, methodology);
  return {
    pr: e.pr?.text ?? null,
    cl: e.cl?.text ?? null,
    status: e.status.text,
    electoralDemocracy: e.electoralDemocracy,
    categories: null,
  };
}
