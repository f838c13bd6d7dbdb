import type { Kysely } from 'kysely';
import type { Database, Entity } from '../schema.js';

/**
 * An entity as every reader sees it, the public API, the studio and the
 * exports alike: its identity and current name from the registry's row (the
 * entities table is the registry since migration 0007, so a rename shows everywhere at once).
 */
export function namedEntity(stored: Entity): Entity {
  return { id: stored.id, name: stored.name, kind: stored.kind, iso3: stored.iso3, code: stored.code };
}

/** Code-point order, the same on both dialects (SQL collations differ between them). */
export const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Finds an entity by slug or code (any case), but only if it has published data. */
export async function findPublishedEntity(db: Kysely<Database>, slugOrCode: string): Promise<Entity | undefined> {
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
  return entity && namedEntity(entity);
}

/** An entity with published data: the span of its published editions and its region in the latest. */
export interface PublishedEntity {
  entity: Entity;
  firstEdition: number;
  lastEdition: number;
  latestRegion: string | null;
}

/** Every entity with at least one published assessment, by name; one that exists only in a draft edition is not listed. */
export async function listPublishedEntities(db: Kysely<Database>): Promise<PublishedEntity[]> {
  const rows = await db
    .selectFrom('entities as e')
    .innerJoin('assessments as a', 'a.entity_id', 'e.id')
    .innerJoin('editions as ed', 'ed.edition', 'a.edition')
    .where('a.state', '=', 'published')
    .where('ed.state', '=', 'published')
    .select(['e.id', 'e.name', 'e.kind', 'e.iso3', 'e.code'])
    .select((eb) => [eb.fn.min('a.edition').as('first'), eb.fn.max('a.edition').as('last')])
    .groupBy(['e.id', 'e.name', 'e.kind', 'e.iso3', 'e.code'])
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
  return rows
    .map(({ first, last, ...stored }) => ({
      entity: namedEntity(stored),
      firstEdition: first as number,
      lastEdition: last as number,
      latestRegion: regionOf.get(stored.id)?.region ?? null,
    }))
    .sort((a, b) => byCodePoint(a.entity.name, b.entity.name));
}
