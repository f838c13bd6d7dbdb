import type { NarrativeSection } from '@freedom-ratings/core';
import { sql, type Kysely } from 'kysely';
import { bulkInsert } from '../bulk-insert.js';
import type { Dialect } from '../connect.js';
import type { AssessmentTable, Database, NewAssessment } from '../schema.js';
import { revisionRows, type FieldChange, type WriteContext } from './revisions.js';

/**
 * The one way assessments are written, by imports, studio saves, workflow
 * moves, publishing and opening an edition alike: every write checks the
 * version it was computed from, increments it, and appends what changed to
 * the revision log in the same transaction. Callers run these inside their
 * transaction; nothing here commits.
 */

/** Rows per multi-row statement: well under SQLite's bound-parameter limit. */
const ROWS_PER_STATEMENT = 500;

/** The assessment moved on after the writer read it; the transaction must be rolled back. */
export class StaleVersionError extends Error {
  constructor(readonly assessmentId: number) {
    super(`assessment ${assessmentId} changed since it was read`);
    this.name = 'StaleVersionError';
  }
}

/** A new assessment: its columns, scores and texts, and what the log says it was made from. */
export interface AssessmentCreate {
  columns: Omit<NewAssessment, 'id' | 'version' | 'created_at' | 'updated_at' | 'updated_by'>;
  scores: readonly { code: string; value: number }[];
  narratives: readonly { section: NarrativeSection; code: string; body: string }[];
  /** The `created` log entry's new value, e.g. "indicators from All_data.xlsx" or "copied from 2024". */
  origin: string;
}

/** Columns a change may set; identity, version and timestamps are the write path's own. */
export type ChangeableColumns = Partial<
  Omit<AssessmentTable, 'id' | 'entity_id' | 'edition' | 'version' | 'created_at' | 'updated_at' | 'updated_by'>
>;

/** A change to a stored assessment, computed from the version the writer read. */
export interface AssessmentChange {
  id: number;
  /** The version the change was computed from; if the row has moved on, the write throws `StaleVersionError`. */
  version: number;
  columns?: ChangeableColumns;
  /** Scores to set; a null value removes the code. */
  scores?: readonly { code: string; value: number | null }[];
  /** Texts to set; a null body removes the text. */
  narratives?: readonly { section: NarrativeSection; code: string; body: string | null }[];
  /** The log entries, one per changed field. */
  changes: readonly FieldChange[];
}

/**
 * Inserts new assessments at version 1 with their scores and texts, and a
 * `created` log entry each, a few statements per 500 assessments. Returns
 * the new ids in the order given.
 */
export async function createAssessments(
  db: Kysely<Database>,
  dialect: Dialect,
  creates: readonly AssessmentCreate[],
  by: WriteContext,
  onProgress: (rows: number) => void = () => undefined,
): Promise<number[]> {
  const ids: number[] = [];
  const revisions = [];
  for (let i = 0; i < creates.length; i += ROWS_PER_STATEMENT) {
    const chunk = creates.slice(i, i + ROWS_PER_STATEMENT);
    const inserted = await db
      .insertInto('assessments')
      .values(
        chunk.map((c) => ({
          ...c.columns,
          version: 1,
          created_at: by.now,
          updated_at: by.now,
          updated_by: by.userId,
        })),
      )
      .returning(['id', 'entity_id', 'edition'])
      .execute();
    onProgress(chunk.length);
    // Matched by key, not position: RETURNING does not promise the order of the VALUES.
    const idOf = new Map(inserted.map((r) => [`${r.entity_id}\u0000${r.edition}`, r.id]));
    const scores = [];
    const texts = [];
    for (const c of chunk) {
      const id = idOf.get(`${c.columns.entity_id}\u0000${c.columns.edition}`)!;
      ids.push(id);
      for (const s of c.scores) scores.push({ assessment_id: id, code: s.code, value: s.value });
      for (const n of c.narratives) texts.push({ assessment_id: id, section: n.section, code: n.code, body: n.body });
      revisions.push(...revisionRows(id, 1, [{ field: 'created', old: null, new: c.origin }], by));
    }
    await bulkInsert(db, dialect, 'scores', scores, onProgress);
    await bulkInsert(db, dialect, 'narratives', texts, onProgress);
  }
  await bulkInsert(db, dialect, 'revisions', revisions);
  return ids;
}

/**
 * Applies changes to stored assessments: each row's version goes up by one,
 * scores and texts are set or removed, and every change is logged with the
 * new version. Changes that set the same columns (a publish moving a whole
 * edition, texts-only updates) share one UPDATE. Throws `StaleVersionError`
 * if any row is no longer at the version its change was computed from; the
 * caller's transaction then writes nothing.
 */
export async function applyAssessmentChanges(
  db: Kysely<Database>,
  dialect: Dialect,
  changes: readonly AssessmentChange[],
  by: WriteContext,
): Promise<void> {
  for (const group of groupBySetColumns(changes)) {
    for (let i = 0; i < group.length; i += ROWS_PER_STATEMENT) {
      const chunk = group.slice(i, i + ROWS_PER_STATEMENT);
      // version + 1 rather than a fixed value: a row someone else wrote in the
      // meantime comes back with a version other than the one expected.
      const updated = await db
        .updateTable('assessments')
        .set({ ...chunk[0]!.columns, version: sql<number>`version + 1`, updated_at: by.now, updated_by: by.userId })
        .where(
          'id',
          'in',
          chunk.map((c) => c.id),
        )
        .returning(['id', 'version'])
        .execute();
      const versionOf = new Map(updated.map((r) => [r.id, r.version]));
      const stale = chunk.find((c) => versionOf.get(c.id) !== c.version + 1);
      if (stale) throw new StaleVersionError(stale.id);
    }
  }

  const scores = [];
  const texts = [];
  for (const c of changes) {
    if (c.scores?.length) {
      await db
        .deleteFrom('scores')
        .where('assessment_id', '=', c.id)
        .where(
          'code',
          'in',
          c.scores.map((s) => s.code),
        )
        .execute();
      for (const s of c.scores)
        if (s.value !== null) scores.push({ assessment_id: c.id, code: s.code, value: s.value });
    }
    if (c.narratives?.length) {
      const named = c.narratives;
      await db
        .deleteFrom('narratives')
        .where('assessment_id', '=', c.id)
        .where((eb) => eb.or(named.map((n) => eb.and([eb('section', '=', n.section), eb('code', '=', n.code)]))))
        .execute();
      for (const n of named) {
        if (n.body !== null) texts.push({ assessment_id: c.id, section: n.section, code: n.code, body: n.body });
      }
    }
  }
  await bulkInsert(db, dialect, 'scores', scores);
  await bulkInsert(db, dialect, 'narratives', texts);
  await bulkInsert(
    db,
    dialect,
    'revisions',
    changes.flatMap((c) => revisionRows(c.id, c.version + 1, c.changes, by)),
  );
}

/** Changes grouped by the columns they set and the values they set them to. */
function groupBySetColumns(changes: readonly AssessmentChange[]): AssessmentChange[][] {
  const groups = new Map<string, AssessmentChange[]>();
  for (const c of changes) {
    const columns = c.columns ?? {};
    const key = JSON.stringify(
      Object.keys(columns)
        .sort()
        .map((k) => [k, columns[k as keyof ChangeableColumns]]),
    );
    const group = groups.get(key) ?? [];
    group.push(c);
    groups.set(key, group);
  }
  return [...groups.values()];
}
