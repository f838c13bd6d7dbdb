import type { AssessmentState, NarrativeSection } from '@freedom-ratings/core';
import { sql, type Kysely } from 'kysely';
import type { Connection, Dialect } from '../connect.js';
import type { Database } from '../schema.js';
import { inWriteTransaction } from '../write-transaction.js';
import { fieldText, narrativeField, scoreField, type FieldChange } from './revisions.js';
import { applyAssessmentChanges, StaleVersionError, type ChangeableColumns } from './versioned-write.js';

/** A studio edit: only the fields present change; a null text removes it. */
export interface AssessmentEdit {
  reason: string;
  scores?: Readonly<Partial<Record<string, number>>>;
  addQ?: number | null;
  addA?: number | null;
  trendArrow?: 'up' | 'down' | null;
  narratives?: readonly { section: NarrativeSection; code: string; body: string | null }[];
}

export type SaveOutcome = { outcome: 'written'; version: number; changes: number } | { outcome: 'stale' };

/**
 * Saves a studio edit if, and only if, the assessment is still at
 * `expectedVersion`: the version check takes the row lock first, so of
 * several writers holding the same version exactly one wins and the others
 * get `stale`, and the old values read after it are the ones this write
 * replaces. An edit that changes nothing writes nothing.
 */
export async function saveAssessmentEdit(
  conn: Connection,
  id: number,
  expectedVersion: number,
  userId: number,
  edit: AssessmentEdit,
): Promise<SaveOutcome> {
  return inWriteTransaction(conn, (trx) => writeAssessmentEdit(trx, conn.dialect, id, expectedVersion, userId, edit));
}

/**
 * `saveAssessmentEdit` inside the caller's transaction: publishing a
 * correction writes the edit, the release and its errata in one.
 */
export async function writeAssessmentEdit(
  trx: Kysely<Database>,
  dialect: Dialect,
  id: number,
  expectedVersion: number,
  userId: number,
  edit: AssessmentEdit,
): Promise<SaveOutcome> {
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
  const columns: ChangeableColumns = {};
  const simple = [
    ['add_q', edit.addQ],
    ['add_a', edit.addA],
    ['trend_arrow', edit.trendArrow],
  ] as const;
  for (const [field, value] of simple) {
    if (value === undefined || fieldText(row[field]) === fieldText(value)) continue;
    changes.push({ field, old: fieldText(row[field]), new: fieldText(value) });
    Object.assign(columns, { [field]: value });
  }

  const scoreEdits = Object.entries(edit.scores ?? {}).filter(([, v]) => v !== undefined) as [string, number][];
  const oldScores = new Map<string, number>();
  if (scoreEdits.length) {
    const stored = await trx
      .selectFrom('scores')
      .select(['code', 'value'])
      .where('assessment_id', '=', id)
      .where(
        'code',
        'in',
        scoreEdits.map(([c]) => c),
      )
      .execute();
    for (const s of stored) oldScores.set(s.code, s.value);
  }
  const scores = scoreEdits
    .filter(([code, value]) => oldScores.get(code) !== value)
    .map(([code, value]) => ({ code, value }));
  for (const s of scores)
    changes.push({ field: scoreField(s.code), old: fieldText(oldScores.get(s.code)), new: String(s.value) });

  const textEdits = edit.narratives ?? [];
  const oldTexts = new Map<string, string>();
  if (textEdits.length) {
    const stored = await trx
      .selectFrom('narratives')
      .select(['section', 'code', 'body'])
      .where('assessment_id', '=', id)
      .execute();
    for (const t of stored) oldTexts.set(narrativeField(t.section, t.code), t.body);
  }
  const narratives = textEdits.filter((n) => (oldTexts.get(narrativeField(n.section, n.code)) ?? null) !== n.body);
  for (const n of narratives) {
    const field = narrativeField(n.section, n.code);
    changes.push({ field, old: oldTexts.get(field) ?? null, new: n.body });
  }

  if (changes.length === 0) return { outcome: 'written', version: row.version, changes: 0 } as const;
  await applyAssessmentChanges(trx, dialect, [{ id, version: expectedVersion, columns, scores, narratives, changes }], {
    userId,
    now: new Date().toISOString(),
    reason: edit.reason,
  });
  return { outcome: 'written', version: expectedVersion + 1, changes: changes.length } as const;
}

/** Moves an assessment to another workflow state under the same version check as an edit, and logs the move. */
export async function moveAssessment(
  conn: Connection,
  id: number,
  expectedVersion: number,
  userId: number,
  to: AssessmentState,
  reason: string,
): Promise<SaveOutcome> {
  try {
    return await inWriteTransaction(conn, async (trx) => {
      const row = await trx
        .selectFrom('assessments')
        .select(['state', 'version'])
        .where('id', '=', id)
        .executeTakeFirst();
      if (!row || row.version !== expectedVersion) return { outcome: 'stale' } as const;
      await applyAssessmentChanges(
        trx,
        conn.dialect,
        [
          {
            id,
            version: expectedVersion,
            columns: { state: to },
            changes: [{ field: 'state', old: row.state, new: to }],
          },
        ],
        { userId, now: new Date().toISOString(), reason },
      );
      return { outcome: 'written', version: expectedVersion + 1, changes: 1 } as const;
    });
  } catch (e) {
    if (e instanceof StaleVersionError) return { outcome: 'stale' };
    throw e;
  }
}
