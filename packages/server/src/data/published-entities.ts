import type { Database, Entity } from '@freedom-ratings/db';
import type { Kysely } from 'kysely';
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
  db: Kysely<Database>,
  search: { q?: string | undefined; kind?: 'country' | 'territory' | undefined },
  variantsOf: (entityId: string) => readonly string[],
): Promise<EntityList> {
  const rows = await db
    .selectFrom('entities as e')
    .innerJoin('assessments as a', 'a.entity_id', 'e.id')
    .innerJoin('editions as ed', 'ed.edition', 'a.edition')
    .where('a.state', '=', 'published')
    .where('ed.state', '=', 'published')
    .select(['e.id', 'e.name', 'e.kind', 'e.iso3', 'e.code'])
    .select((eb) => [eb.fn.min('a.edition').as('first'), eb.fn.max('a.edition').as('last')])
    .groupBy(['e.id', 'e.name', 'e.kind', 'e.iso3', 'e.code'])
    .orderBy('e.name')
    .execute();
  const latest = await db
    .selectFrom('assessments as a')
    .innerJoin('editions as ed', 'ed.edition', 'a.edition')
    .where('a.state', '=', 'published')
    .where('ed.state', '=', 'published')
    .select(['a.entity_id', 'a.edition', 'a.region'])
    .execute();
  const regionOf = new Map<string, { edition: number; region: string | null }>();
  for (const r of latest) {
    const known = regionOf.get(r.entity_id);
    if (!known || known.edition < r.edition) regionOf.set(r.entity_id, { edition: r.edition, region: r.region });
  }

  const q = search.q ? fold(search.q.trim()) : '';
  const entities: EntityList['entities'] = [];
  for (const row of rows) {
    const e = row as Entity & { first: number; last: number };
    if (search.kind && e.kind !== search.kind) continue;
    let matchedVariant: string | null = null;
    if (q) {
      const direct = fold(e.name).includes(q) || e.id === q || fold(e.code) === q || (e.iso3 && fold(e.iso3) === q);
      if (!direct) {
        matchedVariant = variantsOf(e.id).find((v) => fold(v).includes(q)) ?? null;
        if (!matchedVariant) continue;
      }
    }
    entities.push({
      ...entityRef(e),
      firstEdition: e.first,
      lastEdition: e.last,
      latestRegion: regionOf.get(e.id)?.region ?? null,
      matchedVariant,
    });
  }
  return { entities };
}
