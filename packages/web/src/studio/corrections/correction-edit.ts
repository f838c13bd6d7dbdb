import type { Correction } from '../../api/studio-client.js';
import { scoreField, textField, type FieldValue, type Fields } from '../assessment/fields.js';

/**
 * A stored correction's edit as the form's fields (`score:B2`, `trendArrow`,
 * `text:overview:`), so a returned one opens for resubmission with the
 * values it proposed.
 */
export function fieldsOfEdit(edit: Correction['edit']): Fields {
  const fields: Record<string, FieldValue> = {};
  for (const [code, value] of Object.entries(edit.scores ?? {}))
    if (typeof value === 'number') fields[scoreField(code)] = value;
  if (edit.addQ !== undefined) fields.addQ = edit.addQ;
  if (edit.addA !== undefined) fields.addA = edit.addA;
  if (edit.trendArrow !== undefined) fields.trendArrow = edit.trendArrow;
  for (const n of edit.narratives ?? []) fields[textField(n.section, n.code)] = n.body ?? null;
  return fields;
}
