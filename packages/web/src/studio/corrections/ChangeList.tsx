import type { FieldValue } from '../assessment/fields.js';

/** Texts are long: the list names them by their start, the way the errata log's readers skim. */
const TEXT_SHOWN = 60;

function shown(value: FieldValue): string {
  if (value === null) return '(none)';
  if (typeof value === 'number') return String(value);
  return value.length > TEXT_SHOWN ? `“${value.slice(0, TEXT_SHOWN)}…”` : `“${value}”`;
}

/** A correction's changes, one per line, "B2: 2 → 3", as the errata log will list them. */
export function ChangeList({
  changes,
  empty,
}: {
  changes: readonly { field: string; label: string; old: FieldValue; new: FieldValue }[];
  empty: string;
}) {
  if (changes.length === 0) return <p class="subtle">{empty}</p>;
  return (
    <ul class="change-list">
      {changes.map((c) => (
        <li key={c.field} data-change={c.field}>
          <span class="change-label">{c.label}:</span> {shown(c.old)} → {shown(c.new)}
        </li>
      ))}
    </ul>
  );
}
