import {
  assigneesOf,
  findUserById,
  loadAssessments,
  previousAssessmentId,
  questionWordings,
  scoreAssessment,
  type DatabaseHandle,
  type ScoredAssessment,
} from '@freedom-ratings/db';
import { builtInMethodology, type Methodology } from '@freedom-ratings/core';
import type { z } from 'zod';
import { notFound } from '../errors/api-error.js';
import type { SessionUser } from '../http/route.js';
import { personMask } from '../security/blind-review.js';
import type { studioAssessmentSchema } from '@freedom-ratings/contract';
import { editionSummary } from './edition-summary.js';
import { entityRef } from './entity-ref.js';
import { figuresOf } from './figures.js';
import { methodologyWarnings } from './methodology-warnings.js';

export type StudioAssessment = z.input<typeof studioAssessmentSchema>;

const isBuiltIn = (m: Methodology) => builtInMethodology(m.id, m.version) === m;

/** The ETag of an assessment version; the id is part of it so a tag never fits another assessment. */
export const assessmentEtag = (id: number, version: number) => `"${id}-${version}"`;

/** One assessment in any workflow state, scored, texts included. */
async function studioLoad(db: DatabaseHandle, id: number): Promise<ScoredAssessment | undefined> {
  const [data] = await loadAssessments(db, { ids: [id], publishedOnly: false, withNarratives: true });
  return data && scoreAssessment(data);
}

/**
 * Everything the studio shows `viewer` of one assessment, with last edition
 * beside it and the engine's warnings; names as blind review allows.
 */
export async function studioAssessment(db: DatabaseHandle, id: number, viewer: SessionUser): Promise<StudioAssessment> {
  const current = await studioLoad(db, id);
  if (!current) throw notFound(`No assessment ${id}.`);
  const previousId = await previousAssessmentId(db, current.entity.id, current.row.edition);
  const previous = previousId === undefined ? undefined : await studioLoad(db, previousId);
  const updater = current.row.updated_by === null ? undefined : await findUserById(db, current.row.updated_by);
  const assignees = await assigneesOf(db, { ids: [id] });
  const people = [...(assignees.get(id) ?? [])];
  const mask = await personMask(db, viewer, current.edition.blind_review === 1, [
    ...people.map((p) => p.id),
    ...(updater ? [updater.id] : []),
  ]);
  return {
    id: current.row.id,
    entity: { ...entityRef(current.entity), kind: current.row.kind },
    edition: { ...editionSummary(current.edition), state: current.edition.state },
    region: current.row.region,
    granularity: current.row.granularity,
    state: current.row.state,
    version: current.row.version,
    scores: current.scores,
    addQ: current.row.add_q,
    addA: current.row.add_a,
    trendArrow: current.row.trend_arrow,
    narratives: current.narratives,
    assignees: people.map(mask),
    figures: figuresOf(current),
    previous: previous
      ? {
          edition: previous.row.edition,
          state: previous.row.state,
          scores: previous.scores,
          figures: figuresOf(previous),
          narratives: previous.narratives,
        }
      : null,
    warnings: methodologyWarnings(current, previous),
    questions: Object.fromEntries(await questionWordings(db, current.row.edition)),
    methodology:
      current.methodology && !isBuiltIn(current.methodology)
        ? (current.methodology as NonNullable<StudioAssessment['methodology']>)
        : null,
    updatedAt: current.row.updated_at,
    updatedBy: updater ? mask(updater) : null,
  };
}
