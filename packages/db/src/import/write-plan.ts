import { editionInfo, methodologyFor } from '@freedom-ratings/core';
import type { Insertable, Kysely } from 'kysely';
import type { Dialect } from '../connect.js';
import type { Database, NewRevision } from '../schema.js';
import { bulkInsert } from './bulk-insert.js';
import type { ImportPlan } from './plan.js';

const ASSESSMENTS_PER_INSERT = 500;

/** An assessment changed while the import ran; the whole import is rolled back and can simply be run again. */
export class ConcurrentChangeError extends Error {
  constructor(readonly assessmentId: number) {
    super(`assessment ${assessmentId} was changed by someone else during the import; run the import again`);
    this.name = 'ConcurrentChangeError';
  }
}

export type ProgressListener = (done: number, total: number) => void;

/** Writes a plan inside the caller's transaction. Nothing here commits: the caller does, once, at the end. */
export async function writePlan(
  t: Kysely<Database>,
  dialect: Dialect,
  plan: ImportPlan,
  context: { now: string; reason: string; files: string[]; summary: unknown },
  onProgress: ProgressListener = () => undefined,
): Promise<void> {
  const { now, reason } = context;
  const createdScores = plan.creates.reduce((n, c) => n + c.scores.length + c.texts.length, 0);
  const total = plan.creates.length + createdScores + plan.updates.length;
  let done = 0;
  const advance = (n: number) => {
    done += n;
    onProgress(Math.min(done, total), total);
  };

  await bulkInsert(
    t,
    dialect,
    'entities',
    plan.newEntities.map((e) => ({ id: e.id, name: e.name, kind: e.kind, iso3: e.iso3, code: e.code })),
    () => undefined,
  );
  await bulkInsert(
    t,
    dialect,
    'editions',
    plan.newEditions.map((edition) => {
      const info = editionInfo(edition)!;
      return {
        edition,
        label: info.label,
        period_start: info.periodStart,
        period_end: info.periodEnd,
        year_under_review: info.yearUnderReview,
        methodology: methodologyFor(edition)?.id ?? `fiw-${edition}`,
        state: plan.state === 'published' ? ('published' as const) : ('open' as const),
        release_checksum: null,
        published_at: plan.state === 'published' ? now : null,
        created_at: now,
      };
    }),
    () => undefined,
  );
  await bulkInsert(
    t,
    dialect,
    'questions',
    plan.newQuestions.map((q) => ({ edition: q.edition, code: q.code, wording: q.wording })),
    () => undefined,
  );
  for (const q of plan.changedQuestions) {
    await t
      .updateTable('questions')
      .set({ wording: q.wording })
      .where('edition', '=', q.edition)
      .where('code', '=', q.code)
      .execute();
  }

  const revisions: NewRevision[] = [];
  for (let i = 0; i < plan.creates.length; i += ASSESSMENTS_PER_INSERT) {
    const chunk = plan.creates.slice(i, i + ASSESSMENTS_PER_INSERT);
    const inserted = await t
      .insertInto('assessments')
      .values(
        chunk.map((c) => ({
          ...c.columns,
          entity_id: c.entityId,
          edition: c.edition,
          state: plan.state,
          version: 1,
          source: c.source,
          created_at: now,
          updated_at: now,
          updated_by: null,
        })),
      )
      .returning(['id', 'entity_id', 'edition'])
      .execute();
    advance(chunk.length);
    const ids = new Map(inserted.map((r) => [`${r.entity_id}\u0000${r.edition}`, r.id]));
    const scores: Insertable<Database['scores']>[] = [];
    const texts: Insertable<Database['narratives']>[] = [];
    for (const c of chunk) {
      const id = ids.get(`${c.entityId}\u0000${c.edition}`)!;
      for (const s of c.scores) scores.push({ assessment_id: id, code: s.code, value: s.value });
      for (const n of c.texts) texts.push({ assessment_id: id, section: n.section, code: n.code, body: n.body });
      revisions.push({
        assessment_id: id,
        version: 1,
        user_id: null,
        at: now,
        field: 'created',
        old_value: null,
        new_value: `${c.columns.granularity} from ${c.source}`,
        reason,
      });
    }
    await bulkInsert(t, dialect, 'scores', scores, advance);
    await bulkInsert(t, dialect, 'narratives', texts, advance);
  }

  for (const u of plan.updates) {
    // The same optimistic check as a studio save: if someone saved this assessment
    // after the import read it, the import's changes were computed from stale data.
    const updated = await t
      .updateTable('assessments')
      .set({
        ...u.columns,
        ...(u.source ? { source: u.source } : {}),
        version: u.version,
        updated_at: now,
        updated_by: null,
      })
      .where('id', '=', u.id)
      .where('version', '=', u.version - 1)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw new ConcurrentChangeError(u.id);
    if (u.scores) {
      await t.deleteFrom('scores').where('assessment_id', '=', u.id).execute();
      await bulkInsert(
        t,
        dialect,
        'scores',
        u.scores.map((s) => ({ assessment_id: u.id, code: s.code, value: s.value })),
        () => undefined,
      );
    }
    for (const n of u.texts) {
      await t
        .deleteFrom('narratives')
        .where('assessment_id', '=', u.id)
        .where('section', '=', n.section)
        .where('code', '=', n.code)
        .execute();
    }
    await bulkInsert(
      t,
      dialect,
      'narratives',
      u.texts.map((n) => ({ assessment_id: u.id, section: n.section, code: n.code, body: n.body })),
      () => undefined,
    );
    for (const c of u.changes) {
      revisions.push({
        assessment_id: u.id,
        version: u.version,
        user_id: null,
        at: now,
        field: c.field,
        old_value: c.old,
        new_value: c.new,
        reason,
      });
    }
    advance(1);
  }
  await bulkInsert(t, dialect, 'revisions', revisions);
  await t
    .insertInto('import_runs')
    .values({ at: now, files: JSON.stringify(context.files), summary: JSON.stringify(context.summary) })
    .execute();
}
