import type { PublishedEntity } from '@freedom-ratings/db';
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
 * The entities with at least one published assessment (`listPublishedEntities`,
 * loaded once per publication version) that a search asks for: by part of the
 * name, a name variant, the slug or the code. A search filters the one list, so
 * no search string costs a query or a cache entry of its own.
 */
export function searchPublishedEntities(
  published: readonly PublishedEntity[],
  search: { q?: string | undefined; kind?: 'country' | 'territory' | undefined },
  variantsOf: (entityId: string) => readonly string[],
): EntityList {
  const q = search.q ? fold(search.q.trim()) : '';
  const entities: EntityList['entities'] = [];
  for (const { entity: e, firstEdition, lastEdition, latestRegion } of published) {
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
