import type { NarrativeSection } from '@freedom-ratings/core';
import type { Kysely } from 'kysely';
import type { Database, NewRevision } from '../schema.js';

/**
 * One changed field for the revision log, old → new, as text (null for none).
 * Field names are "score:A1", "narrative:indicator:B2", "narrative:overview",
 * or a column name such as "add_q" and "state".
 */
export interface FieldChange {
  field: string;
  old: string | null;
  new: string | null;
}

/** Who wrote, when and why: the same for every row one action writes. */
export interface WriteContext {
  /** Null for imports. */
  userId: number | null;
  now: string;
  reason: string;
}

/** The revision-log field name of a score. */
export const scoreField = (code: string) => `score:${code}`;

/** The revision-log field name of a text: "narrative:indicator:B2", or "narrative:overview" for a whole-report section. */
export function narrativeField(section: string, code: string): string {
  return code === '' ? `narrative:${section}` : `narrative:${section}:${code}`;
}

/** A stored value as the log writes it. */
export const fieldText = (v: string | number | null | undefined): string | null =>
  v === null || v === undefined ? null : String(v);

/** The log rows of changes that brought an assessment to `version`. */
export function revisionRows(
  assessmentId: number,
  version: number,
  changes: readonly FieldChange[],
  by: WriteContext,
): NewRevision[] {
  return changes.map((c) => ({
    assessment_id: assessmentId,
    version,
    user_id: by.userId,
    at: by.now,
    field: c.field,
    old_value: c.old,
    new_value: c.new,
    reason: by.reason,
  }));
}

/** One entry of an assessment's log, with the name of whoever made it. */
export interface RevisionEntry {
  id: number;
  version: number;
  at: string;
  user: { id: number; name: string } | null;
  field: string;
  oldValue: string | null;
  newValue: string | null;
  reason: string;
}

/** An assessment's revision log, oldest first. */
export async function revisionsOf(db: Kysely<Database>, assessmentId: number): Promise<RevisionEntry[]> {
  const rows = await db
    .selectFrom('revisions as r')
    .leftJoin('users as u', 'u.id', 'r.user_id')
    .select(['r.id', 'r.version', 'r.at', 'r.field', 'r.old_value', 'r.new_value', 'r.reason', 'u.id as uid', 'u.name'])
    .where('r.assessment_id', '=', assessmentId)
    .orderBy('r.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    version: r.version,
    at: r.at,
    user: r.uid === null || r.name === null ? null : { id: r.uid, name: r.name },
    field: r.field,
    oldValue: r.old_value,
    newValue: r.new_value,
    reason: r.reason,
  }));
}

/** What `fieldsAt` needs of a stored assessment: the logged columns, its scores and texts. */
export interface LoggedAssessment {
  row: { version: number; add_q: number | null; add_a: number | null; trend_arrow: string | null; state: string };
  scores: Readonly<Record<string, number>>;
  narratives: readonly { section: NarrativeSection; code: string; body: string }[];
}

/** The current value of every field the studio's log names, as the log writes them. */
function currentFields(a: LoggedAssessment): Map<string, string | null> {
  const fields = new Map<string, string | null>();
  for (const [code, value] of Object.entries(a.scores)) fields.set(scoreField(code), String(value));
  for (const n of a.narratives) fields.set(narrativeField(n.section, n.code), n.body);
  fields.set('add_q', fieldText(a.row.add_q));
  fields.set('add_a', fieldText(a.row.add_a));
  fields.set('trend_arrow', a.row.trend_arrow);
  fields.set('state', a.row.state);
  return fields;
}

/**
 * Every logged field as it was at `version`, rebuilt from the current state
 * by undoing, newest first, every change made after it. The log is
 * append-only, so this is exact.
 */
export function fieldsAt(
  a: LoggedAssessment,
  revisions: readonly { version: number; field: string; oldValue: string | null }[],
  version: number,
): Map<string, string | null> {
  const fields = currentFields(a);
  for (let i = revisions.length - 1; i >= 0; i--) {
    const r = revisions[i]!;
    if (r.version > version) fields.set(r.field, r.oldValue);
  }
  return fields;
}
