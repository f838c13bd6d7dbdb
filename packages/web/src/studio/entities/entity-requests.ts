import type { EntityKind, FhRegion } from '@freedom-ratings/core';
import type { EntityReclassification, EntityRename, NewEntity, NewSuccession } from '../../api/studio-client.js';

/**
 * The registry forms' text turned into the API's request bodies. Only what a
 * form can tell before asking (a blank required field, an edition that is not
 * a year, three letters for a code) is refused here; everything else — a code
 * or name already taken, an unknown entity — is the server's to say.
 */

/** A form's request, or the message for each field that cannot be sent as it is. */
export type FormRequest<T> = { ok: true; request: T } | { ok: false; errors: Record<string, string> };

const EDITION = /^\d{4}$/;

/** An edition field: empty is "not given", four digits a year, anything else a message. */
function edition(text: string): { year: number | undefined } | { error: string } {
  const t = text.trim();
  if (t === '') return { year: undefined };
  return EDITION.test(t) ? { year: Number(t) } : { error: `An edition is a year such as 2024, not “${t}”.` };
}

/** Lines of a "one per line" field, trimmed, without blanks or repeats. */
export function listLines(text: string): string[] {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
  return [...new Set(lines)];
}

function result<T>(errors: Record<string, string>, request: () => T): FormRequest<T> {
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, request: request() };
}

export interface NewEntityForm {
  name: string;
  kind: EntityKind;
  region: FhRegion;
  /** Whether `code` is the ISO 3166-1 alpha-3 code or a project code. */
  codeKind: 'iso3' | 'project';
  /** Empty: the server proposes a project code from the name. */
  code: string;
  first: string;
  /** One per line. */
  variants: string;
}

export function newEntityRequest(form: NewEntityForm): FormRequest<NewEntity> {
  const errors: Record<string, string> = {};
  const name = form.name.trim();
  if (name === '') errors.name = 'A name is needed.';
  const code = form.code.trim().toUpperCase();
  if (code !== '' && !/^[A-Z]{3}$/.test(code)) errors.code = `A code is three letters, such as XAR, not “${code}”.`;
  const first = edition(form.first);
  if ('error' in first) errors.first = first.error;
  const variants = listLines(form.variants);
  return result(errors, () => ({
    name,
    kind: form.kind,
    region: form.region,
    ...(code === '' ? {} : form.codeKind === 'iso3' ? { iso3: code } : { code }),
    ...('year' in first && first.year !== undefined ? { first: first.year } : {}),
    ...(variants.length ? { variants } : {}),
  }));
}

export function renameRequest(form: { name: string; fromEdition: string }): FormRequest<EntityRename> {
  const errors: Record<string, string> = {};
  const name = form.name.trim();
  if (name === '') errors.name = 'A new name is needed.';
  const from = edition(form.fromEdition);
  if ('error' in from) errors.fromEdition = from.error;
  return result(errors, () => ({
    name,
    ...('year' in from && from.year !== undefined ? { fromEdition: from.year } : {}),
  }));
}

/** `kind` and `region` empty mean "unchanged"; one of them must change, from a given edition. */
export function reclassifyRequest(form: {
  kind: EntityKind | '';
  region: FhRegion | '';
  fromEdition: string;
}): FormRequest<EntityReclassification> {
  const errors: Record<string, string> = {};
  if (form.kind === '' && form.region === '') errors.kind = 'Choose a new kind, a new region, or both.';
  const from = edition(form.fromEdition);
  if ('error' in from) errors.fromEdition = from.error;
  else if (from.year === undefined) errors.fromEdition = 'The first edition with the new kind or region is needed.';
  return result(errors, () => ({
    ...(form.kind === '' ? {} : { kind: form.kind }),
    ...(form.region === '' ? {} : { region: form.region }),
    fromEdition: (from as { year: number }).year,
  }));
}

export const SUCCESSION_CHOICES = ['split', 'merger', 'becomes-country'] as const;
export type SuccessionChoice = (typeof SUCCESSION_CHOICES)[number];

export interface SuccessionForm {
  kind: SuccessionChoice;
  /** One entity per line (slug, code or name). */
  from: string;
  to: string;
  edition: string;
  /** The successor whose history reaches back; empty for none. */
  continuing: string;
}

/**
 * What recording a change of the map asks the API for: a split or merger is a
 * succession; a territory that becomes a country is the same entity with a new
 * kind from that edition (it stays one series, as Kosovo does), so it is a
 * reclassification.
 */
export type SuccessionRequest =
  { op: 'succession'; body: NewSuccession } | { op: 'reclassify'; entity: string; body: EntityReclassification };

export function successionRequest(form: SuccessionForm): FormRequest<SuccessionRequest> {
  const errors: Record<string, string> = {};
  const from = listLines(form.from);
  const to = listLines(form.to);
  const year = edition(form.edition);
  if ('error' in year) errors.edition = year.error;
  else if (year.year === undefined) errors.edition = 'The first edition after the change is needed.';
  const at = (year as { year: number }).year;
  if (form.kind === 'becomes-country') {
    if (from.length !== 1) errors.from = 'Name the one territory that became a country.';
    return result(errors, () => ({
      op: 'reclassify' as const,
      entity: from[0]!,
      body: { kind: 'country' as const, fromEdition: at },
    }));
  }
  if (from.length === 0) errors.from = 'Name the entity (or entities) before the change.';
  if (to.length === 0) errors.to = 'Name the entity (or entities) after the change.';
  if (form.kind === 'split' && from.length > 1)
    errors.from = 'A split has one entity before it; use a merger for several.';
  if (form.kind === 'merger' && to.length > 1) errors.to = 'A merger has one entity after it; use a split for several.';
  const continuing = form.continuing.trim();
  if (continuing !== '' && !to.includes(continuing))
    errors.continuing = 'The successor that continues the series must be one of those after the change.';
  return result(errors, () => ({
    op: 'succession' as const,
    body: { kind: form.kind as 'split' | 'merger', from, to, edition: at, ...(continuing ? { continuing } : {}) },
  }));
}
