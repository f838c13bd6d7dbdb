import { sameScoreCodes, type EditionInfo, type AssessmentState } from '@freedom-ratings/core';
import type { Kysely } from 'kysely';
import type { Connection, Dialect } from '../connect.js';
import type { Database, Edition } from '../schema.js';
import { inWriteTransaction } from '../write-transaction.js';
import { loadAssessments } from './assessments.js';
import { findMethodology } from './methodologies.js';
import { freezeRelease } from './releases.js';
import { applyAssessmentChanges, createAssessments, StaleVersionError } from './versioned-write.js';

export async function findEdition(db: Kysely<Database>, edition: number): Promise<Edition | undefined> {
  return db.selectFrom('editions').selectAll().where('edition', '=', edition).executeTakeFirst();
}

export async function findPublishedEdition(db: Kysely<Database>, edition: number): Promise<Edition | undefined> {
  return db
    .selectFrom('editions')
    .selectAll()
    .where('edition', '=', edition)
    .where('state', '=', 'published')
    .executeTakeFirst();
}

/** The latest published edition before `edition`, whose figures changes are measured against. */
export async function previousPublishedEdition(db: Kysely<Database>, edition: number): Promise<number | undefined> {
  const row = await db
    .selectFrom('editions')
    .select((eb) => eb.fn.max('edition').as('edition'))
    .where('state', '=', 'published')
    .where('edition', '<', edition)
    .executeTakeFirst();
  return row?.edition ?? undefined;
}

/** Every published edition, oldest first, with its number of published assessments. */
export async function listPublishedEditions(
  db: Kysely<Database>,
): Promise<{ edition: Edition; assessments: number; releases: number }[]> {
  const rows = await db
    .selectFrom('editions as ed')
    .leftJoin('assessments as a', (join) => join.onRef('a.edition', '=', 'ed.edition').on('a.state', '=', 'published'))
    .where('ed.state', '=', 'published')
    .selectAll('ed')
    .select((eb) => [
      eb.fn.count<number>('a.id').as('assessments'),
      eb
        .selectFrom('releases as r')
        .select((r) => r.fn.countAll<number>().as('n'))
        .whereRef('r.edition', '=', 'ed.edition')
        .as('releases'),
    ])
    .groupBy('ed.edition')
    .orderBy('ed.edition')
    .execute();
  return rows.map(({ assessments, releases, ...edition }) => ({
    edition,
    assessments: Number(assessments),
    releases: Number(releases),
  }));
}

/** Every edition, open ones included, newest first, with its assessments counted by workflow state. */
export async function listEditions(
  db: Kysely<Database>,
  only?: number,
): Promise<{ edition: Edition; assessments: Partial<Record<AssessmentState, number>> }[]> {
  let editions = db.selectFrom('editions').selectAll().orderBy('edition', 'desc');
  let counts = db
    .selectFrom('assessments')
    .select(['edition', 'state', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy(['edition', 'state']);
  if (only !== undefined) {
    editions = editions.where('edition', '=', only);
    counts = counts.where('edition', '=', only);
  }
  const byEdition = new Map<number, Partial<Record<AssessmentState, number>>>();
  for (const c of await counts.execute()) {
    const tally = byEdition.get(c.edition) ?? {};
    tally[c.state] = Number(c.n);
    byEdition.set(c.edition, tally);
  }
  return (await editions.execute()).map((edition) => ({
    edition,
    assessments: byEdition.get(edition.edition) ?? {},
  }));
}

/** A new edition's key, FH-style label and period (core's `editionInfoForOpening`), and the methodology it is scored with. */
export interface EditionToOpen extends EditionInfo {
  methodology: { id: string; version: number };
}

export type OpenEditionOutcome = { outcome: 'exists' } | { outcome: 'opened'; from: number | null; copied: number };

/**
 * Opens a new edition: every assessment of the latest earlier edition is
 * copied, scores and texts, into a draft of the new one (when both are scored
 * in the same codes: not from FIW into an organisation's own index) (the trend arrow is
 * not: it speaks of one year), each with a `created` log entry saying where
 * it came from. A few statements whatever the number of assessments.
 */
export async function openEdition(
  conn: Connection,
  toOpen: EditionToOpen,
  userId: number,
  reason: string,
): Promise<OpenEditionOutcome> {
  const { edition } = toOpen;
  return inWriteTransaction(conn, async (trx) => {
    if (await findEdition(trx, edition)) return { outcome: 'exists' } as const;
    const now = new Date().toISOString();
    await trx
      .insertInto('editions')
      .values({
        edition,
        label: toOpen.label,
        period_start: toOpen.periodStart,
        period_end: toOpen.periodEnd,
        year_under_review: toOpen.yearUnderReview,
        methodology: toOpen.methodology.id,
        methodology_version: toOpen.methodology.version,
        state: 'open',
        release_checksum: null,
        published_at: null,
        created_at: now,
      })
      .execute();
    const previous = await trx
      .selectFrom('editions')
      .select((eb) => eb.fn.max('edition').as('edition'))
      .where('edition', '<', edition)
      .executeTakeFirst();
    const from = previous?.edition ?? null;
    if (from === null) return { outcome: 'opened', from, copied: 0 } as const;
    const sources = await loadAssessments(trx, { publishedOnly: false, edition: from, withNarratives: true });
    // Scores of another index (FIW's before an organisation's own) would be in codes the new edition does not have.
    const before = sources[0]?.methodology;
    const methodology = await findMethodology(trx, toOpen.methodology.id, toOpen.methodology.version);
    if (before && methodology && !sameScoreCodes(before, methodology))
      return { outcome: 'opened', from: null, copied: 0 } as const;
    await createAssessments(
      trx,
      conn.dialect,
      sources.map(
        ({ row: { id: _id, version: _v, created_at: _c, updated_at: _u, updated_by: _b, ...row }, ...copy }) => ({
          columns: { ...row, edition, state: 'draft', trend_arrow: null, source: null, source_note: null },
          scores: Object.entries(copy.scores).map(([code, value]) => ({ code, value })),
          narratives: copy.narratives,
          origin: `copied from ${from}`,
        }),
      ),
      { userId, now, reason },
    );
    return { outcome: 'opened', from, copied: sources.length } as const;
  });
}

export type PublishOutcome =
  | { outcome: 'no-edition' }
  | { outcome: 'already-published' }
  | { outcome: 'unknown-entities'; unknown: string[] }
  | { outcome: 'not-ready'; blocking: { id: number; entity: string; state: AssessmentState }[] }
  | { outcome: 'published'; published: number; withheld: number; checksum: string }
  /** An assessment changed while the publish ran; nothing was published. */
  | { outcome: 'stale' };

/**
 * Publishes an open edition: every assessment must be approved or its entity
 * named in `withhold`. Approved ones become public, withheld ones stay
 * hidden, and the release (canonical JSON and its checksum) is frozen, all in
 * one transaction; the edition cannot be edited afterwards.
 */
export async function publishEdition(
  conn: Connection,
  edition: number,
  withhold: readonly string[],
  userId: number,
  reason: string,
): Promise<PublishOutcome> {
  try {
    return await inWriteTransaction(conn, (trx) => publishIn(trx, conn.dialect, edition, withhold, userId, reason));
  } catch (e) {
    if (e instanceof StaleVersionError) return { outcome: 'stale' };
    throw e;
  }
}

async function publishIn(
  trx: Kysely<Database>,
  dialect: Dialect,
  edition: number,
  withhold: readonly string[],
  userId: number,
  reason: string,
): Promise<PublishOutcome> {
  const e = await findEdition(trx, edition);
  if (!e) return { outcome: 'no-edition' } as const;
  if (e.state !== 'open') return { outcome: 'already-published' } as const;
  const rows = await trx
    .selectFrom('assessments')
    .select(['id', 'entity_id', 'state', 'version'])
    .where('edition', '=', edition)
    .execute();
  const withheld = new Set(withhold);
  const unknown = withhold.filter((id) => !rows.some((r) => r.entity_id === id));
  if (unknown.length) return { outcome: 'unknown-entities', unknown } as const;
  const blocking = rows.filter((r) => r.state !== 'approved' && !withheld.has(r.entity_id));
  if (blocking.length) {
    return {
      outcome: 'not-ready',
      blocking: blocking.map((b) => ({ id: b.id, entity: b.entity_id, state: b.state })),
    } as const;
  }
  const now = new Date().toISOString();
  const moves = rows.map((r) => {
    const to: AssessmentState = withheld.has(r.entity_id) ? 'withheld' : 'published';
    return {
      id: r.id,
      version: r.version,
      columns: { state: to },
      changes: [{ field: 'state', old: r.state, new: to }],
    };
  });
  await applyAssessmentChanges(trx, dialect, moves, { userId, now, reason });
  await trx
    .updateTable('editions')
    .set({ state: 'published', published_at: now })
    .where('edition', '=', edition)
    .execute();
  const { checksum } = await freezeRelease(trx, edition, { now, userId });
  const published = moves.filter((m) => m.columns.state === 'published').length;
  return { outcome: 'published', published, withheld: rows.length - published, checksum } as const;
}

/** Turns an edition's blind review on or off; false when there is no such edition. */
export async function setBlindReview(db: Kysely<Database>, edition: number, on: boolean): Promise<boolean> {
  const r = await db
    .updateTable('editions')
    .set({ blind_review: on ? 1 : 0 })
    .where('edition', '=', edition)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}
