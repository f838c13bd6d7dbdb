import type { Kysely } from 'kysely';
import type { PublishedValue } from '../export/release-changes.js';
import type { Database, Entity } from '../schema.js';
import { releaseNumbers } from './releases.js';

/** One entry of the public errata log, with the release that made it. */
export interface ErratumEntry {
  edition: number;
  /** The release's number within its edition (2 or later). */
  release: number;
  entity: Entity;
  field: string;
  old: PublishedValue | null;
  new: PublishedValue | null;
  reason: string;
  /** Who published the correction; null for an import. */
  by: string | null;
  at: string;
}

/**
 * The errata log of one edition or of one entity (across editions), oldest
 * first. Release numbers are derived, as everywhere: a release's place among
 * its edition's releases.
 */
export async function errataOf(
  db: Kysely<Database>,
  selection: { edition: number } | { entityId: string },
): Promise<ErratumEntry[]> {
  let query = db
    .selectFrom('errata as x')
    .innerJoin('releases as r', 'r.id', 'x.release_id')
    .innerJoin('entities as e', 'e.id', 'x.entity_id')
    .leftJoin('users as u', 'u.id', 'r.created_by')
    .select([
      'x.edition',
      'x.release_id',
      'x.field',
      'x.old_value',
      'x.new_value',
      'r.reason',
      'r.created_at',
      'u.name as by',
      'e.id as entity_id',
      'e.name',
      'e.kind',
      'e.code',
      'e.iso3',
    ])
    .orderBy('x.id');
  query =
    'edition' in selection
      ? query.where('x.edition', '=', selection.edition)
      : query.where('x.entity_id', '=', selection.entityId);
  const rows = await query.execute();
  if (rows.length === 0) return [];
  const number = await releaseNumbers(
    db,
    rows.map((r) => r.edition),
  );
  const value = (text: string | null) => (text === null ? null : (JSON.parse(text) as PublishedValue));
  return rows.map((r) => ({
    edition: r.edition,
    release: number.get(r.release_id)!,
    entity: { id: r.entity_id, name: r.name, kind: r.kind, code: r.code, iso3: r.iso3 },
    field: r.field,
    old: value(r.old_value),
    new: value(r.new_value),
    reason: r.reason ?? '',
    by: r.by,
    at: r.created_at,
  }));
}
