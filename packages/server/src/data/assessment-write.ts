import type { AssessmentState, NarrativeSection } from '@freedom-ratings/core';
import type { Database } from '@freedom-ratings/db';
import { sql, type Kysely, type Transaction } from 'kysely';

export interface AssessmentPatch {
  reason: string;
  scores?: Partial<Record<string, number>>;
  addQ?: number | null;
  addA?: number | null;
  trendArrow?: 'up' | 'down' | null;
  narratives?: { section: NarrativeSection; code: string; body: string | null }[];
}

export type WriteResult = { outcome: 'written'; version: number; changes: number } | { outcome: 'stale' };

interface FieldChange {
  field: string;
  oldValue: string | null;
  newValue: string | null;
}

const text = (v: number | string | null | undefined) => (v === null || v === undefined ? null : String(v));

/**
 * Applies a patch if, and only if, the assessment is still at
 * `expectedVersion`: the version check takes the row lock, so of several
 * writers holding the same version exactly one wins and the others get
 * `stale`. The changed fields go to the revision log in the same
 * transaction, old → new, with the reason; a patch that changes nothing
 * writes nothing.
 */
export async function writeAssessment(
  db: Kysely<Database>,
  id: number,
  expectedVersion: number,
  userId: number,
  patch: AssessmentPatch,
): Promise<WriteResult> {
  return db.transaction().execute(async (trx) => {
    // Take the row lock and check the version in one statement first: the old
    // values read below are then the ones this write replaces, and a writer
    // whose change happens to equal the winner's still sees it is stale.
    const locked = await trx
      .updateTable('assessments')
      .set({ version: sql<number>`version` })
      .where('id', '=', id)
      .where('version', '=', expectedVersion)
      .returning('id')
      .executeTakeFirst();
    if (!locked) return { outcome: 'stale' } as const;
    const row = await trx.selectFrom('assessments').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

    const changes: FieldChange[] = [];
    const simple: { field: 'add_q' | 'add_a' | 'trend_arrow'; value: number | string | null | undefined }[] = [
      { field: 'add_q', value: patch.addQ },
      { field: 'add_a', value: patch.addA },
      { field: 'trend_arrow', value: patch.trendArrow },
    ];
    const set: Record<string, number | string | null> = {};
    for (const { field, value } of simple) {
      if (value === undefined || text(row[field]) === text(value)) continue;
      changes.push({ field, oldValue: text(row[field]), newValue: text(value) });
      set[field] = value;
    }

    const scoreEntries = Object.entries(patch.scores ?? {}).filter(([, v]) => v !== undefined) as [string, number][];
    const oldScores = new Map<string, number>();
    if (scoreEntries.length) {
      const rows = await trx
        .selectFrom('scores')
        .select(['code', 'value'])
        .where('assessment_id', '=', id)
        .where(
          'code',
          'in',
          scoreEntries.map(([c]) => c),
        )
        .execute();
      for (const r of rows) oldScores.set(r.code, r.value);
    }
    const newScores = scoreEntries.filter(([code, value]) => oldScores.get(code) !== value);
    for (const [code, value] of newScores) {
      changes.push({ field: `score:${code}`, oldValue: text(oldScores.get(code)), newValue: String(value) });
    }

    const narrativeEdits = patch.narratives ?? [];
    const oldTexts = new Map<string, string>();
    if (narrativeEdits.length) {
      const rows = await trx
        .selectFrom('narratives')
        .select(['section', 'code', 'body'])
        .where('assessment_id', '=', id)
        .execute();
      for (const r of rows) oldTexts.set(`${r.section}:${r.code}`, r.body);
    }
    const textChanges = narrativeEdits.filter((n) => (oldTexts.get(`${n.section}:${n.code}`) ?? null) !== n.body);
    for (const n of textChanges) {
      const key = `${n.section}:${n.code}`;
      changes.push({ field: `narrative:${key}`, oldValue: oldTexts.get(key) ?? null, newValue: n.body });
    }

    if (changes.length === 0) return { outcome: 'written', version: row.version, changes: 0 } as const;

    const now = new Date().toISOString();
    const updated = await trx
      .updateTable('assessments')
      .set({ ...set, version: expectedVersion + 1, updated_at: now, updated_by: userId })
      .where('id', '=', id)
      .returning('version')
      .executeTakeFirstOrThrow();

    for (const [code, value] of newScores) {
      await trx
        .insertInto('scores')
        .values({ assessment_id: id, code, value })
        .onConflict((oc) => oc.columns(['assessment_id', 'code']).doUpdateSet({ value }))
        .execute();
    }
    for (const n of textChanges) await writeNarrative(trx, id, n);
    await trx
      .insertInto('revisions')
      .values(
        changes.map((c) => ({
          assessment_id: id,
          version: updated.version,
          user_id: userId,
          at: now,
          field: c.field,
          old_value: c.oldValue,
          new_value: c.newValue,
          reason: patch.reason,
        })),
      )
      .execute();
    return { outcome: 'written', version: updated.version, changes: changes.length } as const;
  });
}

async function writeNarrative(
  trx: Transaction<Database>,
  id: number,
  n: { section: NarrativeSection; code: string; body: string | null },
): Promise<void> {
  if (n.body === null) {
    await trx
      .deleteFrom('narratives')
      .where('assessment_id', '=', id)
      .where('section', '=', n.section)
      .where('code', '=', n.code)
      .execute();
    return;
  }
  const body = n.body;
  await trx
    .insertInto('narratives')
    .values({ assessment_id: id, section: n.section, code: n.code, body })
    .onConflict((oc) => oc.columns(['assessment_id', 'section', 'code']).doUpdateSet({ body }))
    .execute();
}

/**
 * Moves an assessment to another workflow state under the same version
 * check as a write, and logs the move (field `state`) with its reason.
 */
export async function changeState(
  db: Kysely<Database>,
  id: number,
  expectedVersion: number,
  userId: number,
  to: AssessmentState,
  reason: string,
): Promise<WriteResult> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('assessments')
      .select(['state', 'version'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row || row.version !== expectedVersion) return { outcome: 'stale' } as const;
    const now = new Date().toISOString();
    const updated = await trx
      .updateTable('assessments')
      .set({ state: to, version: sql<number>`version + 1`, updated_at: now, updated_by: userId })
      .where('id', '=', id)
      .where('version', '=', expectedVersion)
      .returning('version')
      .executeTakeFirst();
    if (!updated) return { outcome: 'stale' } as const;
    await trx
      .insertInto('revisions')
      .values({
        assessment_id: id,
        version: updated.version,
        user_id: userId,
        at: now,
        field: 'state',
        old_value: row.state,
        new_value: to,
        reason,
      })
      .execute();
    return { outcome: 'written', version: updated.version, changes: 1 } as const;
  });
}
