import {
  findPublishedEntity,
  loadAssessments,
  scoreAssessment,
  type DatabaseHandle,
  type Entity,
  type ScoredAssessment,
} from '@freedom-ratings/db';
import type { z } from 'zod';
import { notFound } from '../errors/api-error.js';
import type { entityHistorySchema } from '@freedom-ratings/contract';
import { attributionFor } from './attribution.js';
import { editionSummary } from './edition-summary.js';
import { entityRef } from './entity-ref.js';
import { changeOf, figuresOf } from './figures.js';

type History = z.input<typeof entityHistorySchema>;

/** The same answer for an unknown entity and one with nothing published yet. */
export const noPublishedEntity = (entity: string) => notFound(`No published data for entity "${entity}".`);

/** Finds an entity by slug or code (any case), but only if it has published data. */
export async function publishedEntity(db: DatabaseHandle, slugOrCode: string): Promise<Entity> {
  const entity = await findPublishedEntity(db, slugOrCode);
  if (!entity) throw noPublishedEntity(slugOrCode);
  return entity;
}

/**
 * Every published edition of one entity, oldest first, each at the
 * granularity it was published in (ratings only, aggregates, subcategory or
 * indicator scores), with the change from the entity's previous published edition.
 */
export async function entityHistory(db: DatabaseHandle, slugOrCode: string): Promise<History> {
  const entity = await publishedEntity(db, slugOrCode);
  const data = await loadAssessments(db, { entity: entity.id, publishedOnly: true });
  const history: History['history'] = [];
  let previous: ScoredAssessment | undefined;
  for (const d of data) {
    const s = scoreAssessment(d);
    const figures = figuresOf(s);
    if (!figures) continue;
    history.push({
      edition: editionSummary(d.edition),
      region: d.row.region,
      figures,
      change: changeOf(s, previous),
    });
    previous = s;
  }
  return { entity: entityRef(entity), history, source: attributionFor(data) };
}
