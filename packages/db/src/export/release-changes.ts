import { NARRATIVE_SECTION_NAMES } from '@freedom-ratings/core';
import type { ScoredAssessment } from '../repositories/assessments.js';

/** A published value: a score, a rating, a code such as a status, or a text. */
export type PublishedValue = number | string;

/** One published figure or text that differs between two releases of an edition. */
export interface ReleaseChange {
  entityId: string;
  entityName: string;
  /** `kind`, `region`, an indicator or subcategory code, `addQ`, `addA`, `PR`, `CL`, `total`, `prRating`, `clRating`, `freedomRating`, `status`, `trendArrow`, or `narrative.<section>[.<code>]`. */
  field: string;
  /** null where the earlier release had no such value: an addition, not a correction. */
  old: PublishedValue | null;
  /** null where the later release dropped the value. */
  new: PublishedValue | null;
}

/** What a change to a published edition does: corrections change or remove published values; additions fill what was empty. */
export interface ReleaseDifference {
  corrections: ReleaseChange[];
  additions: ReleaseChange[];
}

/**
 * Compares what the public sees of an edition in two releases, figure by
 * figure and text by text: the values as stated and as the engine derives
 * them (so a corrected indicator also shows the subcategory, PR, total and
 * rating it moved). Pure: the caller loads both sides.
 */
export function releaseChanges(
  before: readonly ScoredAssessment[],
  after: readonly ScoredAssessment[],
): ReleaseDifference {
  const old = new Map(before.map((a) => [a.entity.id, a]));
  const next = new Map(after.map((a) => [a.entity.id, a]));
  const ids = [...new Set([...old.keys(), ...next.keys()])];
  const name = (id: string) => (next.get(id) ?? old.get(id))!.entity.name;
  ids.sort((a, b) => (name(a) < name(b) ? -1 : name(a) > name(b) ? 1 : 0));
  const difference: ReleaseDifference = { corrections: [], additions: [] };
  for (const id of ids) {
    const was = publishedValues(old.get(id));
    const is = publishedValues(next.get(id));
    for (const field of new Set([...was.keys(), ...is.keys()])) {
      const change = {
        entityId: id,
        entityName: name(id),
        field,
        old: was.get(field) ?? null,
        new: is.get(field) ?? null,
      };
      if (change.old === change.new) continue;
      (change.old === null ? difference.additions : difference.corrections).push(change);
    }
  }
  return difference;
}

/** Everything of one assessment a reader sees, by field, in reading order. */
function publishedValues(a: ScoredAssessment | undefined): Map<string, PublishedValue> {
  const values = new Map<string, PublishedValue>();
  if (!a) return values;
  const set = (field: string, v: PublishedValue | null | undefined) => {
    if (v !== null && v !== undefined) values.set(field, v);
  };
  set('kind', a.row.kind);
  set('region', a.row.region);
  for (const [code, v] of Object.entries(a.input.indicators ?? {})) set(code, v as number | null);
  const f = a.assessed.figures;
  for (const [code, v] of Object.entries(f?.subcategories ?? a.input.subcategories ?? {}))
    set(code, v as number | null);
  set('addQ', a.input.addQ);
  set('addA', a.input.addA);
  if (f) {
    set('PR', f.pr);
    set('CL', f.cl);
    set('total', f.total);
    set('prRating', f.prRating);
    set('clRating', f.clRating);
    set('freedomRating', f.freedomRating);
    set('status', f.status);
  } else set('status', a.input.status);
  set('trendArrow', a.input.trendArrow);
  for (const n of a.narratives) {
    const key = NARRATIVE_SECTION_NAMES[n.section].json;
    set(n.code === '' ? `narrative.${key}` : `narrative.${key}.${n.code}`, n.body);
  }
  return values;
}

const FIELD_LABELS: Readonly<Record<string, string>> = {
  kind: 'Kind',
  region: 'Region',
  addQ: 'Add Q',
  addA: 'Add A',
  PR: 'Political Rights',
  CL: 'Civil Liberties',
  total: 'Total score',
  prRating: 'PR rating',
  clRating: 'CL rating',
  freedomRating: 'Freedom Rating',
  status: 'Status',
  trendArrow: 'Trend arrow',
};

/** How a reader names a changed field: "B2", "PR rating", "Overview text", "B2 text". */
export function changeLabel(field: string): string {
  const text = /^narrative\.([^.]+)(?:\.(.+))?$/.exec(field);
  if (text) {
    const code = text[2];
    if (code) return `${code} text`;
    const words = text[1]!.replace(/([A-Z])/g, ' $1').toLowerCase();
    return `${words[0]!.toUpperCase()}${words.slice(1)} text`;
  }
  return FIELD_LABELS[field] ?? field;
}

/** One change in a line of a message: "Kazakhstan, B2: 2 → 3". */
export function describeChange(c: ReleaseChange): string {
  const show = (v: PublishedValue | null) =>
    v === null
      ? '(none)'
      : typeof v === 'number'
        ? String(v)
        : v.length > 40
          ? `a text of ${v.length} characters`
          : JSON.stringify(v);
  return `${c.entityName}, ${changeLabel(c.field)}: ${show(c.old)} → ${show(c.new)}`;
}
