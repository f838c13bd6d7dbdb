import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { jsonText } from '../export/json-export.js';
import type { Database } from '../schema.js';
import { publishedForExport } from '../export/published-assessments.js';

/**
 * Freezes an edition's published data as a release: the canonical JSON export
 * of the edition (what `fiw export --format json --edition N` writes) and its
 * SHA-256, recorded in `releases` and on the edition. Call inside the
 * transaction that changed the data, so the release and the data never differ.
 */
export async function freezeRelease(
  db: Kysely<Database>,
  edition: number,
  options: { now: string; userId: number | null },
): Promise<{ checksum: string }> {
  const canonical = jsonText(await publishedForExport(db, { edition }));
  const checksum = createHash('sha256').update(canonical).digest('hex');
  await db
    .insertInto('releases')
    .values({ edition, checksum, canonical, created_at: options.now, created_by: options.userId })
    .execute();
  await db.updateTable('editions').set({ release_checksum: checksum }).where('edition', '=', edition).execute();
  return { checksum };
}

/** The canonical JSON of an edition's latest release; an edition published in the studio always has one. */
export async function latestRelease(db: Kysely<Database>, edition: number): Promise<string | undefined> {
  const release = await db
    .selectFrom('releases')
    .select('canonical')
    .where('edition', '=', edition)
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return release?.canonical;
}
