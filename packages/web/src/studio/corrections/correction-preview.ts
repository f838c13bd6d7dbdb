import { INDICATOR_CODES, SUBCATEGORY_CODES, type DerivedFigures } from '@freedom-ratings/core';
import {
  applyEdits,
  fieldLabel,
  fieldsOf,
  parseField,
  sameValue,
  scoreField,
  valueOf,
  type FieldValue,
  type Fields,
  type StudioAssessment,
} from '../assessment/fields.js';
import { liveFigures } from '../assessment/live-figures.js';

/** One published value a correction would change, as the errata log will name it. */
export interface PreviewChange {
  field: string;
  label: string;
  old: FieldValue;
  new: FieldValue;
}

/** The derived figures the errata log lists, in its order, with its names. */
const DERIVED: readonly { key: keyof DerivedFigures; field: string; label: string }[] = [
  { key: 'pr', field: 'PR', label: 'Political Rights' },
  { key: 'cl', field: 'CL', label: 'Civil Liberties' },
  { key: 'total', field: 'total', label: 'Total score' },
  { key: 'prRating', field: 'prRating', label: 'PR rating' },
  { key: 'clRating', field: 'clRating', label: 'CL rating' },
  { key: 'freedomRating', field: 'freedomRating', label: 'Freedom Rating' },
  { key: 'status', field: 'status', label: 'Status' },
];

const asValue = (v: unknown): FieldValue => (typeof v === 'number' || typeof v === 'string' ? v : null);

/**
 * What a correction would change in a published assessment, old → new,
 * computed in the browser with core — the engine the server runs — so the
 * form shows it while one types: the values edited, then every figure they
 * move (subcategories, PR, CL, total, ratings, status). The server's
 * `changes` after proposing is the authority; this is the same list sooner.
 */
export function correctionPreview(a: StudioAssessment, edits: Fields): PreviewChange[] {
  const before = fieldsOf(a);
  const after = applyEdits(before, edits);
  const out: PreviewChange[] = [];
  const push = (field: string, label: string, old: FieldValue, next: FieldValue) => {
    if (!sameValue(old, next)) out.push({ field, label, old: old === '' ? null : old, new: next === '' ? null : next });
  };
  const was = liveFigures(a, before, null).figures;
  const is = liveFigures(a, after, null).figures;
  if (a.granularity === 'indicators') {
    for (const code of INDICATOR_CODES)
      push(code, code, valueOf(before, scoreField(code)), valueOf(after, scoreField(code)));
  }
  for (const code of SUBCATEGORY_CODES) {
    const stated = a.granularity === 'subcategories';
    push(
      code,
      code,
      stated ? valueOf(before, scoreField(code)) : asValue(was?.subcategories?.[code]),
      stated ? valueOf(after, scoreField(code)) : asValue(is?.subcategories?.[code]),
    );
  }
  for (const key of ['addQ', 'addA'] as const) push(key, fieldLabel(key), valueOf(before, key), valueOf(after, key));
  for (const d of DERIVED) push(d.field, d.label, asValue(was?.[d.key]), asValue(is?.[d.key]));
  push('trendArrow', fieldLabel('trendArrow'), valueOf(before, 'trendArrow'), valueOf(after, 'trendArrow'));
  for (const key of Object.keys(edits)) {
    if (parseField(key)?.kind === 'text') push(key, fieldLabel(key), valueOf(before, key), valueOf(after, key));
  }
  return out;
}
