import { createHash } from 'node:crypto';
import { jsonText, loadPublishedAssessments, type Database } from '@freedom-ratings/db';
import type { Kysely } from 'kysely';

export const sha256Hex = (bytes: string | Buffer) => createHash('sha256').update(bytes).digest('hex');

/**
 * The canonical form of an edition's published data is the db package's JSON
 * export of it (what `fiw export --format json --edition N` writes), so a
 * release's checksum can be checked against a download or a fresh export.
 */
export async function canonicalRelease(
  db: Kysely<Database>,
  edition: number,
): Promise<{ canonical: string; checksum: string }> {
  const canonical = jsonText(await loadPublishedAssessments(db, { edition }));
  return { canonical, checksum: sha256Hex(canonical) };
}
