import type { EntityRegistry } from '@freedom-ratings/core';
import type { DatabaseHandle } from '../connect.js';
import { loadAssessments, type StoredAssessment } from './assessments.js';
import { previousPublishedEdition } from './editions.js';
import { loadEntityRegistry } from './entity-registry.js';

/**
 * The published assessment a change in `edition` is measured from: the
 * previous published edition's assessment of the entity's series — the
 * entity itself, or the predecessor it continues when it was first rated as
 * itself in `edition` (Serbia FIW 2007 from Serbia and Montenegro FIW 2006).
 */
export async function previousInSeries(
  db: DatabaseHandle,
  entityId: string,
  edition: number,
  registry?: EntityRegistry,
): Promise<StoredAssessment | undefined> {
  const previousEdition = await previousPublishedEdition(db, edition);
  if (previousEdition === undefined) return undefined;
  const series = (registry ?? (await loadEntityRegistry(db))).seriesAt(entityId, previousEdition)?.id ?? entityId;
  const [previous] = await loadAssessments(db, { entity: series, edition: previousEdition, publishedOnly: true });
  return previous;
}
