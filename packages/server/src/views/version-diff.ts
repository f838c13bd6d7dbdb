import { fieldsAt, type RevisionEntry, type StoredAssessment } from '@freedom-ratings/db';
import { ApiError } from '../errors/api-error.js';

/** The fields that differ between two versions of an assessment, rebuilt from its revision log. */
export function diffVersions(data: StoredAssessment, revisions: readonly RevisionEntry[], from: number, to: number) {
  const current = data.row.version;
  if (from > current || to > current) {
    throw new ApiError('unknown-version', `The assessment is at version ${current}.`, { current });
  }
  const a = fieldsAt(data, revisions, from);
  const b = fieldsAt(data, revisions, to);
  const names = [...new Set([...a.keys(), ...b.keys()])].sort();
  const changes = names
    .filter((field) => (a.get(field) ?? null) !== (b.get(field) ?? null))
    .map((field) => ({ field, from: a.get(field) ?? null, to: b.get(field) ?? null }));
  return { from, to, changes };
}
