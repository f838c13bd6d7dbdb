import { fieldLabel, sameValue, valueOf, type FieldKey, type FieldValue, type Fields } from './fields.js';
import type { KeptEdits } from './kept-edits.js';

/** One field where my unsaved value and the version someone else saved differ. */
export interface ConflictRow {
  field: FieldKey;
  label: string;
  /** The value both of us started from. */
  base: FieldValue;
  mine: FieldValue;
  theirs: FieldValue;
  /** They changed it too: there is no safe default, a person must choose. */
  changedByThem: boolean;
}

export type Choice = 'mine' | 'theirs';

/**
 * The fields to decide after a refused save: every field I edited whose
 * saved value is not mine. A field only I changed defaults to mine, one
 * we both changed has no default.
 */
export function conflictRows(kept: KeptEdits, theirs: Fields): ConflictRow[] {
  const rows: ConflictRow[] = [];
  for (const [field, mine] of Object.entries(kept.edits)) {
    const their = valueOf(theirs, field);
    if (sameValue(mine, their)) continue;
    const base = valueOf(kept.base, field);
    rows.push({ field, label: fieldLabel(field), base, mine, theirs: their, changedByThem: !sameValue(their, base) });
  }
  return rows.sort((a, b) => a.field.localeCompare(b.field));
}

/** The default choice of each row: mine where only I changed it, none where we both did. */
export function defaultChoices(rows: readonly ConflictRow[]): Record<FieldKey, Choice | undefined> {
  return Object.fromEntries(rows.map((r) => [r.field, r.changedByThem ? undefined : 'mine']));
}

/**
 * My edits rebased on their version: the fields where I chose mine, with
 * their saved values as the new base (so a second conflict is detected
 * against what I have now seen). Throws if a row is left undecided.
 */
export function resolveConflict(
  rows: readonly ConflictRow[],
  choices: Readonly<Record<FieldKey, Choice | undefined>>,
  theirs: { version: number; fields: Fields; assessmentId: number },
): KeptEdits {
  const base: Record<FieldKey, FieldValue> = {};
  const edits: Record<FieldKey, FieldValue> = {};
  for (const row of rows) {
    const choice = choices[row.field];
    if (!choice) throw new Error(`Choose a version of ${row.label}.`);
    if (choice === 'mine') {
      base[row.field] = row.theirs;
      edits[row.field] = row.mine;
    }
  }
  return { assessmentId: theirs.assessmentId, baseVersion: theirs.version, base, edits };
}
