import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

/**
 * A fingerprint of everything the public can see: it changes when an edition
 * is published, published data is imported, or the entity registry changes
 * (a rename changes the names the public sees). The public cache is tagged
 * with it, which is how servers sharing one database notice each other's
 * publications.
 */
export async function publicationVersion(db: Kysely<Database>): Promise<string> {
  const editions = await db
    .selectFrom('editions')
    .select((eb) => [eb.fn.countAll<number>().as('count'), eb.fn.max('published_at').as('latest')])
    .where('state', '=', 'published')
    .executeTakeFirstOrThrow();
  const releases = await db
    .selectFrom('releases')
    .select((eb) => eb.fn.max('id').as('id'))
    .executeTakeFirstOrThrow();
  const imports = await db
    .selectFrom('import_runs')
    .select((eb) => eb.fn.max('id').as('id'))
    .executeTakeFirstOrThrow();
  const registry = await db
    .selectFrom('entity_changes')
    .select((eb) => eb.fn.max('id').as('id'))
    .executeTakeFirstOrThrow();
  return `${editions.count}/${editions.latest ?? '-'}/${releases.id ?? 0}/${imports.id ?? 0}/${registry.id ?? 0}`;
}
