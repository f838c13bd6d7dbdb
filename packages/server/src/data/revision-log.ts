import type { Database } from '@freedom-ratings/db';
import type { Kysely } from 'kysely';
import { ApiError } from '../errors/api-error.js';
import type { AssessmentData } from './assessment-data.js';

export async function revisionsOf(db: Kysely<Database>, assessmentId: number) {
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

/** The current value of every field the revision log names, as the log writes them (text). */
export function currentFields(data: AssessmentData): Map<string, string | null> {
  const fields = new Map<string, string | null>();
  for (const [code, value] of Object.entries(data.scores)) fields.set(`score:${code}`, String(value));
  for (const n of data.narratives) fields.set(`narrative:${n.section}:${n.code}`, n.body);
  const r = data.row;
  fields.set('add_q', r.add_q === null ? null : String(r.add_q));
  fields.set('add_a', r.add_a === null ? null : String(r.add_a));
  fields.set('trend_arrow', r.trend_arrow);
  fields.set('state', r.state);
  return fields;
}

/**
 * The fields that differ between two versions. The state at version v is
 * rebuilt from the current state by undoing, newest first, every logged
 * change made after v; the log is append-only, so this is exact.
 */
export function diffVersions(
  data: AssessmentData,
  revisions: readonly { version: number; field: string; oldValue: string | null }[],
  from: number,
  to: number,
) {
  const current = data.row.version;
  if (from > current || to > current) {
    throw new ApiError('unknown-version', `The assessment is at version ${current}.`, { current });
  }
  const at = (version: number) => {
    const fields = currentFields(data);
    for (let i = revisions.length - 1; i >= 0; i--) {
      const r = revisions[i]!;
      if (r.version > version) fields.set(r.field, r.oldValue);
    }
    return fields;
  };
  const a = at(from);
  const b = at(to);
  const names = [...new Set([...a.keys(), ...b.keys()])].sort();
  const changes = names
    .filter((field) => (a.get(field) ?? null) !== (b.get(field) ?? null))
    .map((field) => ({ field, from: a.get(field) ?? null, to: b.get(field) ?? null }));
  return { from, to, changes };
}
