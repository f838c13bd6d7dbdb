import {
  findPublishedEntity,
  loadAssessments,
  loadEntityRegistry,
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
 * Every published edition of one entity's series, oldest first, each at the
 * granularity it was published in (ratings only, aggregates, subcategory or
 * indicator scores), with the change from the series' previous published
 * edition. The series reaches back through the predecessors the entity
 * continues (Serbia through Serbia and Montenegro to Yugoslavia); those
 * editions say which entity was rated (`ratedAs`). See docs/entities.md.
 */
export async function entityHistory(db: DatabaseHandle, slugOrCode: string): Promise<History> {
  const entity = await publishedEntity(db, slugOrCode);
  const registry = await loadEntityRegistry(db);
  const data: Awaited<ReturnType<typeof loadAssessments>> = [];
  for (const member of registry.seriesOf(entity.id)) {
    const rated = await loadAssessments(db, { entity: member, publishedOnly: true });
    data.push(...rated.filter((d) => registry.seriesAt(entity.id, d.row.edition)?.id === member));
  }
  data.sort((a, b) => a.row.edition - b.row.edition);
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
      ...(d.entity.id === entity.id ? {} : { ratedAs: entityRef(d.entity) }),
    });
    previous = s;
  }
  // Only entities with published data are named: a succession to one still in a draft edition stays unseen.
  const published = new Map<string, Entity | undefined>();
  const ref = async (id: string) => {
    if (!published.has(id)) published.set(id, await findPublishedEntity(db, id));
    return published.get(id);
  };
  const successions: History['successions'] = [];
  for (const s of registry.lineageOf(entity.id)) {
    const [from, to] = [await ref(s.from), await ref(s.to)];
    if (from && to) {
      successions.push({
        edition: s.edition,
        kind: s.kind,
        from: entityRef(from),
        to: entityRef(to),
        continues: s.continues,
      });
    }
  }
  return { entity: entityRef(entity), history, successions, source: attributionFor(data) };
}
