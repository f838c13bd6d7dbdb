import type { assessmentPatchBody, studioAssessmentSchema } from '@freedom-ratings/contract';
import {
  NARRATIVE_SECTION_NAMES,
  type NarrativeSection,
  type NarrativeText,
  type TrendArrow,
} from '@freedom-ratings/core';
import type { z } from 'zod';

export type StudioAssessment = z.output<typeof studioAssessmentSchema>;
export type AssessmentPatch = z.input<typeof assessmentPatchBody>;

/**
 * One editable thing of an assessment, named so that edits, the offline
 * queue, conflicts and the diff can all speak of it: `score:B2`, `addQ`,
 * `addA`, `trendArrow`, `text:indicator:B2`, `text:overview:`.
 */
export type FieldKey = string;
/** A score, a text, a trend arrow, or null for "none". */
export type FieldValue = number | string | null;
export type Fields = Readonly<Record<FieldKey, FieldValue>>;

export const scoreField = (code: string): FieldKey => `score:${code}`;
export const textField = (section: NarrativeSection, code = ''): FieldKey => `text:${section}:${code}`;

export type ParsedField =
  | { kind: 'score'; code: string }
  | { kind: 'addQ' | 'addA' | 'trendArrow' }
  | { kind: 'text'; section: NarrativeSection; code: string };

export function parseField(key: FieldKey): ParsedField | null {
  if (key === 'addQ' || key === 'addA' || key === 'trendArrow') return { kind: key };
  if (key.startsWith('score:')) return { kind: 'score', code: key.slice('score:'.length) };
  const text = /^text:([a-z-]+):(.*)$/.exec(key);
  if (text) return { kind: 'text', section: text[1] as NarrativeSection, code: text[2]! };
  return null;
}

/** Every field of a stored assessment, flattened. Texts absent are absent (an empty editor is `null`). */
export function fieldsOf(a: Pick<StudioAssessment, 'scores' | 'addQ' | 'addA' | 'trendArrow' | 'narratives'>): Fields {
  const fields: Record<FieldKey, FieldValue> = { addQ: a.addQ, addA: a.addA, trendArrow: a.trendArrow };
  for (const [code, value] of Object.entries(a.scores)) fields[scoreField(code)] = value;
  for (const n of a.narratives) fields[textField(n.section, n.code)] = n.body;
  return fields;
}

/** A field's value, `null` where it is not set. */
export const valueOf = (fields: Fields, key: FieldKey): FieldValue => fields[key] ?? null;

/** An empty text and no text are the same to a reader and to the server (null deletes it). */
export const sameValue = (a: FieldValue, b: FieldValue) => (a === '' ? null : a) === (b === '' ? null : b);

/** The fields with the edits laid over them. */
export function applyEdits(fields: Fields, edits: Fields): Fields {
  return { ...fields, ...edits };
}

/**
 * The PATCH body that saves these edits. Scores cannot be removed through the
 * API, so a cleared score is not sent (the form never clears one).
 */
export function patchOf(edits: Fields, reason: string): AssessmentPatch {
  const patch: AssessmentPatch = { reason };
  const scores: Record<string, number> = {};
  const narratives: NonNullable<AssessmentPatch['narratives']> = [];
  for (const [key, value] of Object.entries(edits)) {
    const field = parseField(key);
    if (!field) continue;
    if (field.kind === 'score') {
      if (typeof value === 'number') scores[field.code] = value;
    } else if (field.kind === 'text') {
      narratives.push({
        section: field.section,
        code: field.code,
        body: typeof value === 'string' && value !== '' ? value : null,
      });
    } else if (field.kind === 'trendArrow') {
      patch.trendArrow = (value as TrendArrow | null) ?? null;
    } else {
      patch[field.kind] = typeof value === 'number' ? value : null;
    }
  }
  if (Object.keys(scores).length > 0) patch.scores = scores as AssessmentPatch['scores'];
  if (narratives.length > 0) patch.narratives = narratives;
  return patch;
}

/** The studio assessment's texts, as core's review warnings read them, from flattened fields. */
export function narrativesOf(fields: Fields): NarrativeText[] {
  const out: NarrativeText[] = [];
  for (const [key, value] of Object.entries(fields)) {
    const field = parseField(key);
    if (field?.kind === 'text' && typeof value === 'string' && value !== '') {
      out.push({ section: field.section, code: field.code, body: value });
    }
  }
  return out;
}

/** A once-per-assessment section's name as reports print it ("Key Developments"). */
export const sectionLabel = (section: NarrativeSection) => NARRATIVE_SECTION_NAMES[section].fh ?? section;

/** The sections written once per assessment, in the order a report prints them: the scoring form's and a correction's. */
export const ASSESSMENT_TEXTS: readonly NarrativeSection[] = [
  'overview',
  'key-developments',
  'status-change',
  'ratings-change',
  'trend-arrow',
];

/** A person-readable name for a field: "B2", "Add Q", "Overview text", "B2 text". */
export function fieldLabel(key: FieldKey): string {
  const field = parseField(key);
  if (!field) return key;
  switch (field.kind) {
    case 'score':
      return field.code;
    case 'addQ':
      return 'Add Q';
    case 'addA':
      return 'Add A';
    case 'trendArrow':
      return 'Trend arrow';
    case 'text':
      return field.code ? `${field.code} text` : `${sectionLabel(field.section)} text`;
  }
}
