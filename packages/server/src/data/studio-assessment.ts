import type { Database } from '@freedom-ratings/db';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { notFound } from '../errors/api-error.js';
import type { studioAssessmentSchema } from '@freedom-ratings/contract';
import { loadAssessments, scoreAssessment, type ScoredAssessment } from './assessment-data.js';
import { editionSummary } from './edition-summary.js';
import { entityRef } from './entity-ref.js';
import { figuresOf } from './figures.js';
import { methodologyWarnings } from './methodology-warnings.js';

export type StudioAssessment = z.input<typeof studioAssessmentSchema>;

/** The ETag of an assessment version; the id is part of it so a tag never fits another assessment. */
export const assessmentEtag = (id: number, version: number) => `"${id}-${version}"`;

export async function assigneesOf(db: Kysely<Database>, assessmentId: number) {
  return db
    .selectFrom('assignments as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select(['u.id', 'u.name'])
    .where('s.assessment_id', '=', assessmentId)
    .orderBy('u.name')
    .execute();
}

/** The entity's latest assessment before this edition, which changes and warnings compare with. */
export async function previousAssessment(
  db: Kysely<Database>,
  entityId: string,
  edition: number,
): Promise<ScoredAssessment | undefined> {
  const row = await db
    .selectFrom('assessments')
    .select('id')
    .where('entity_id', '=', entityId)
    .where('edition', '<', edition)
    .orderBy('edition', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!row) return undefined;
  const [data] = await loadAssessments(db, { ids: [row.id], publishedOnly: false, withNarratives: true });
  return data ? scoreAssessment(data) : undefined;
}

/** Everything the studio shows for one assessment, with last edition beside it and the engine's warnings. */
export async function studioAssessment(db: Kysely<Database>, id: number): Promise<StudioAssessment> {
  const [data] = await loadAssessments(db, { ids: [id], publishedOnly: false, withNarratives: true });
  if (!data) throw notFound(`No assessment ${id}.`);
  const current = scoreAssessment(data);
  const previous = await previousAssessment(db, data.entity.id, data.row.edition);
  const edition = await db
    .selectFrom('editions')
    .selectAll()
    .where('edition', '=', data.row.edition)
    .executeTakeFirstOrThrow();
  const updatedBy =
    data.row.updated_by === null
      ? null
      : ((await db
          .selectFrom('users')
          .select(['id', 'name'])
          .where('id', '=', data.row.updated_by)
          .executeTakeFirst()) ?? null);
  return {
    id: data.row.id,
    entity: { ...entityRef(data.entity), kind: data.row.kind },
    edition: { ...editionSummary(edition), state: edition.state },
    region: data.row.region,
    granularity: data.row.granularity,
    state: data.row.state,
    version: data.row.version,
    scores: data.scores,
    addQ: data.row.add_q,
    addA: data.row.add_a,
    trendArrow: data.row.trend_arrow,
    narratives: data.narratives,
    assignees: await assigneesOf(db, id),
    figures: figuresOf(current),
    previous: previous
      ? {
          edition: previous.data.row.edition,
          state: previous.data.row.state,
          scores: previous.data.scores,
          figures: figuresOf(previous),
          narratives: previous.data.narratives,
        }
      : null,
    warnings: methodologyWarnings(current, previous),
    updatedAt: data.row.updated_at,
    updatedBy,
  };
}
