import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { jsonText } from '../export/json-export.js';
import type { ReleaseChange } from '../export/release-changes.js';
import type { Database } from '../schema.js';
import { publishedForExport } from '../export/published-assessments.js';

/** A correction needs a reason: the errata log says why each published value changed. */
export class CorrectionReasonMissingError extends Error {
  constructor(readonly edition?: number) {
    super(
      `a correction to ${edition === undefined ? 'a published edition' : `published edition ${edition}`} needs a reason (--reason "…"); nothing was written`,
    );
    this.name = 'CorrectionReasonMissingError';
  }
}

export interface FrozenRelease {
  /** 1 for an edition's first release, then 2, 3, … */
  release: number;
  checksum: string;
  /** False when the edition's published data already equalled its latest release: no release was made. */
  created: boolean;
}

/**
 * Freezes an edition's published data as a release: the canonical JSON export
 * of the edition (what `fiw export --format json --edition N` writes) and its
 * SHA-256, recorded in `releases` and on the edition. Call inside the
 * transaction that changed the data, so the release and the data never differ.
 *
 * A later release needs a reason; `errata` are the changes it records in the
 * public errata log (the caller computed them with `releaseChanges`). When the
 * data equals the latest release byte for byte, nothing is made.
 */
export async function freezeRelease(
  db: Kysely<Database>,
  edition: number,
  options: { now: string; userId: number | null; reason?: string | null; errata?: readonly ReleaseChange[] },
): Promise<FrozenRelease> {
  const canonical = jsonText(await publishedForExport(db, { edition }));
  const checksum = createHash('sha256').update(canonical).digest('hex');
  const earlier = await releasesOf(db, edition);
  const latest = earlier.at(-1);
  if (latest?.checksum === checksum) return { release: latest.release, checksum, created: false };
  const reason = options.reason?.trim() || null;
  if (latest && !reason) throw new CorrectionReasonMissingError(edition);
  const { id } = await db
    .insertInto('releases')
    .values({ edition, checksum, canonical, created_at: options.now, created_by: options.userId, reason })
    .returning('id')
    .executeTakeFirstOrThrow();
  const errata = latest ? (options.errata ?? []) : [];
  for (let i = 0; i < errata.length; i += 500) {
    await db
      .insertInto('errata')
      .values(
        errata.slice(i, i + 500).map((e) => ({
          release_id: id,
          edition,
          entity_id: e.entityId,
          field: e.field,
          old_value: e.old === null ? null : JSON.stringify(e.old),
          new_value: e.new === null ? null : JSON.stringify(e.new),
        })),
      )
      .execute();
  }
  await db.updateTable('editions').set({ release_checksum: checksum }).where('edition', '=', edition).execute();
  return { release: earlier.length + 1, checksum, created: true };
}

/** One release of an edition as the public sees it listed. */
export interface ReleaseListing {
  id: number;
  edition: number;
  /** Its number within the edition: 1 for the first release. */
  release: number;
  checksum: string;
  /** Size of the canonical JSON in bytes. */
  size: number;
  createdAt: string;
  reason: string | null;
  /** Entries it added to the errata log. */
  errata: number;
}

/** Every release of an edition, oldest first, numbered from 1. */
export async function releasesOf(db: Kysely<Database>, edition: number): Promise<ReleaseListing[]> {
  const rows = await db
    .selectFrom('releases')
    .select((eb) => [
      'releases.id',
      'releases.edition',
      'releases.checksum',
      'releases.created_at',
      'releases.reason',
      // Bytes, not characters: names such as Côte d’Ivoire are UTF-8 in the file (SQLite ≥ 3.43 and PostgreSQL both have it).
      eb.fn<number>('octet_length', ['releases.canonical']).as('size'),
      eb
        .selectFrom('errata')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('errata.release_id', '=', 'releases.id')
        .as('errata'),
    ])
    .where('releases.edition', '=', edition)
    .orderBy('releases.id')
    .execute();
  return rows.map((r, i) => ({
    id: r.id,
    edition: r.edition,
    release: i + 1,
    checksum: r.checksum,
    size: Number(r.size),
    createdAt: r.created_at,
    reason: r.reason,
    errata: Number(r.errata),
  }));
}

/**
 * The canonical JSON of one release of an edition (the latest when `release`
 * is absent); undefined when there is no such release.
 */
export async function releaseCanonical(
  db: Kysely<Database>,
  edition: number,
  release?: number,
): Promise<{ release: number; checksum: string; canonical: string } | undefined> {
  const ids = await db.selectFrom('releases').select('id').where('edition', '=', edition).orderBy('id').execute();
  const number = release ?? ids.length;
  const id = ids[number - 1]?.id;
  if (id === undefined) return undefined;
  const row = await db
    .selectFrom('releases')
    .select(['checksum', 'canonical'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return { release: number, ...row };
}

/** Each release's number within its edition (1, 2, …) by release id, for the editions given: numbers are derived, never stored. */
export async function releaseNumbers(db: Kysely<Database>, editions: readonly number[]): Promise<Map<number, number>> {
  const numbers = new Map<number, number>();
  if (editions.length === 0) return numbers;
  const releases = await db
    .selectFrom('releases')
    .select(['id', 'edition'])
    .where('edition', 'in', [...new Set(editions)])
    .orderBy('id')
    .execute();
  const seen = new Map<number, number>();
  for (const r of releases) {
    const n = (seen.get(r.edition) ?? 0) + 1;
    seen.set(r.edition, n);
    numbers.set(r.id, n);
  }
  return numbers;
}
