import type { Database, Entity } from '@freedom-ratings/db';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { notFound } from '../errors/api-error.js';
import type { entityHistorySchema } from '@freedom-ratings/contract';
import { loadAssessments, scoreAssessment, type ScoredAssessment } from './assessment-data.js';
import { attributionFor } from './attribution.js';
import { editionSummary } from './edition-summary.js';
import { entityRef } from './entity-ref.js';
import { changeOf, figuresOf } from './figures.js';

type History = z.input<typeof entityHistorySchema>;

/** The same answer for an unknown entity and one with nothing published yet. */
export const noPublishedEntity = (entity: string) => notFound(`No published data for entity "${entity}".`);

/** Finds an entity by slug or code (any case), but only if it has published data. */
export async function publishedEntity(db: Kysely<Database>, slugOrCode: string): Promise<Entity> {
  const key = slugOrCode.trim();
  const entity = await db
    .selectFrom('entities')
    .selectAll()
    .where((eb) => eb.or([eb('id', '=', key.toLowerCase()), eb('code', '=', key.toUpperCase())]))
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('assessments as a')
          .innerJoin('editions as ed', 'ed.edition', 'a.edition')
          .select('a.id')
          .whereRef('a.entity_id', '=', 'entities.id')
          .where('a.state', '=', 'published')
          .where('ed.state', '=', 'published'),
      ),
    )
    .executeTakeFirst();
  if (!entity) throw noPublishedEntity(slugOrCode);
  return entity;
}

/**
 * Every published edition of one entity, oldest first, each at the
 * granularity it was published in (ratings only, aggregates, subcategory or
 * indicator scores), with the change from the entity's previous published edition.
 */
export async function entityHistory(db: Kysely<Database>, slugOrCode: string): Promise<History> {
  const entity = await publishedEntity(db, slugOrCode);
  const data = await loadAssessments(db, { entityId: entity.id, publishedOnly: true });
  const editions = await db
    .selectFrom('editions')
    .selectAll()
    .where('state', '=', 'published')
    .where(
      'edition',
      'in',
      data.map((d) => d.row.edition),
    )
    .execute();
  const editionByKey = new Map(editions.map((e) => [e.edition, e]));
  const history: History['history'] = [];
  let previous: ScoredAssessment | undefined;
  for (const d of data) {
    const s = scoreAssessment(d);
    const figures = figuresOf(s);
    if (!figures) continue;
    history.push({
      edition: editionSummary(editionByKey.get(d.row.edition)!),
      region: d.row.region,
      figures,
      change: changeOf(s, previous),
    });
    previous = s;
  }
  return { entity: entityRef(entity), history, source: attributionFor(data) };
}
