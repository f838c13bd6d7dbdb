import { listPublishedEntities, type DatabaseHandle } from '@freedom-ratings/db';
import type { z } from 'zod';
import type { entityListSchema } from '@freedom-ratings/contract';
import { entityRef } from './entity-ref.js';

type EntityList = z.input<typeof entityListSchema>;

/** Folds case and accents so "cote d'ivoire" finds "Côte d'Ivoire". */
function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’‘`]/g, "'")
    .toLowerCase();
}

/**
 * Entities with at least one published assessment (an entity that exists
 * only in a draft edition is not listed), optionally searched by part of the
 * name, a name variant, the slug or the code.
 */
export async function publishedEntities(
  db: DatabaseHandle,
  search: { q?: string | undefined; kind?: 'country' | 'territory' | undefined },
  variantsOf: (entityId: string) => readonly string[],
): Promise<EntityList> {
  const q = search.q ? fold(search.q.trim()) : '';
  const entities: EntityList['entities'] = [];
  for (const { entity: e, firstEdition, lastEdition, latestRegion } of await listPublishedEntities(db)) {
    if (search.kind && e.kind !== search.kind) continue;
    let matchedVariant: string | null = null;
    if (q) {
      const direct = fold(e.name).includes(q) || e.id === q || fold(e.code) === q || (e.iso3 && fold(e.iso3) === q);
      if (!direct) {
        matchedVariant = variantsOf(e.id).find((v) => fold(v).includes(q)) ?? null;
        if (!matchedVariant) continue;
      }
    }
    entities.push({ ...entityRef(e), firstEdition, lastEdition, latestRegion, matchedVariant });
  }
  return { entities };
}
