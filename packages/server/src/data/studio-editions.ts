import { editionInfo, methodologyFor } from '@freedom-ratings/core';
import { freezeRelease, type Database, type Edition } from '@freedom-ratings/db';
import type { Kysely } from 'kysely';
import { ApiError, notFound } from '../errors/api-error.js';
import { editionSummary } from './edition-summary.js';

export async function studioEditionView(db: Kysely<Database>, e: Edition) {
  const counts = await db
    .selectFrom('assessments')
    .select(['state', (eb) => eb.fn.countAll<number>().as('n')])
    .where('edition', '=', e.edition)
    .groupBy('state')
    .execute();
  return {
    ...editionSummary(e),
    state: e.state,
    publishedAt: e.published_at,
    releaseChecksum: e.release_checksum,
    assessments: Object.fromEntries(counts.map((c) => [c.state, Number(c.n)])),
  };
}

export async function anyEdition(db: Kysely<Database>, edition: number): Promise<Edition> {
  const e = await db.selectFrom('editions').selectAll().where('edition', '=', edition).executeTakeFirst();
  if (!e) throw notFound(`No edition ${edition}.`);
  return e;
}

/**
 * Opens a new edition: each assessment of the latest earlier edition is
 * copied, scores and texts, into a draft of the new one (the trend arrow is
 * not: it speaks of one year). Each copy gets a revision-log entry saying
 * where it came from.
 */
export async function openEdition(db: Kysely<Database>, edition: number, userId: number, reason: string) {
  const info = editionInfo(edition);
  const methodology = methodologyFor(edition);
  if (!info || !methodology) throw new ApiError('unknown-edition', `Edition ${edition} has no built-in methodology.`);
  return db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom('editions')
      .select('edition')
      .where('edition', '=', edition)
      .executeTakeFirst();
    if (existing) throw new ApiError('edition-exists', `Edition ${edition} exists already.`);
    const now = new Date().toISOString();
    await trx
      .insertInto('editions')
      .values({
        edition,
        label: info.label,
        period_start: info.periodStart,
        period_end: info.periodEnd,
        year_under_review: info.yearUnderReview,
        methodology: methodology.id,
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
    let copied = 0;
    if (from !== null) {
      const sources = await trx.selectFrom('assessments').selectAll().where('edition', '=', from).execute();
      for (const s of sources) {
        const { id: sourceId, ...row } = s;
        const created = await trx
          .insertInto('assessments')
          .values({
            ...row,
            edition,
            state: 'draft',
            version: 1,
            trend_arrow: null,
            source: null,
            source_note: null,
            created_at: now,
            updated_at: now,
            updated_by: userId,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        const scores = await trx
          .selectFrom('scores')
          .select(['code', 'value'])
          .where('assessment_id', '=', sourceId)
          .execute();
        if (scores.length) {
          await trx
            .insertInto('scores')
            .values(scores.map((x) => ({ ...x, assessment_id: created.id })))
            .execute();
        }
        const texts = await trx
          .selectFrom('narratives')
          .select(['section', 'code', 'body'])
          .where('assessment_id', '=', sourceId)
          .execute();
        if (texts.length) {
          await trx
            .insertInto('narratives')
            .values(texts.map((x) => ({ ...x, assessment_id: created.id })))
            .execute();
        }
        await trx
          .insertInto('revisions')
          .values({
            assessment_id: created.id,
            version: 1,
            user_id: userId,
            at: now,
            field: 'created',
            old_value: null,
            new_value: `copied from ${from}`,
            reason,
          })
          .execute();
        copied++;
      }
    }
    return { from, copied };
  });
}

export interface PublishOutcome {
  published: number;
  withheld: number;
  checksum: string;
}

/**
 * Publishes an open edition: every assessment must be approved or named in
 * `withhold`. Approved ones become public, withheld ones stay hidden, and
 * the release (canonical JSON and its checksum) is frozen, all in one
 * transaction; the edition cannot be edited afterwards.
 */
export async function publishEdition(
  db: Kysely<Database>,
  edition: number,
  withhold: readonly string[],
  userId: number,
  reason: string,
): Promise<PublishOutcome> {
  return db.transaction().execute(async (trx) => {
    const e = await trx.selectFrom('editions').selectAll().where('edition', '=', edition).executeTakeFirst();
    if (!e) throw notFound(`No edition ${edition}.`);
    if (e.state !== 'open') throw new ApiError('edition-published', `Edition ${edition} is already published.`);
    const rows = await trx
      .selectFrom('assessments')
      .select(['id', 'entity_id', 'state', 'version'])
      .where('edition', '=', edition)
      .execute();
    const withheldSet = new Set(withhold);
    const unknown = withhold.filter((id) => !rows.some((r) => r.entity_id === id));
    if (unknown.length)
      throw new ApiError('unknown-entity', `Edition ${edition} has no assessment of ${unknown.join(', ')}.`, {
        unknown,
      });
    const blocking = rows.filter((r) => r.state !== 'approved' && !withheldSet.has(r.entity_id));
    if (blocking.length) {
      throw new ApiError('not-ready', `${blocking.length} assessment(s) are neither approved nor withheld.`, {
        blocking: blocking.map((b) => ({ id: b.id, entity: b.entity_id, state: b.state })),
      });
    }
    const now = new Date().toISOString();
    let published = 0;
    for (const r of rows) {
      const to = withheldSet.has(r.entity_id) ? 'withheld' : 'published';
      if (to === 'published') published++;
      await trx
        .updateTable('assessments')
        .set({ state: to, version: r.version + 1, updated_at: now, updated_by: userId })
        .where('id', '=', r.id)
        .execute();
      await trx
        .insertInto('revisions')
        .values({
          assessment_id: r.id,
          version: r.version + 1,
          user_id: userId,
          at: now,
          field: 'state',
          old_value: r.state,
          new_value: to,
          reason,
        })
        .execute();
    }
    await trx
      .updateTable('editions')
      .set({ state: 'published', published_at: now })
      .where('edition', '=', edition)
      .execute();
    const { checksum } = await freezeRelease(trx, edition, { now, userId });
    return { published, withheld: rows.length - published, checksum };
  });
}
