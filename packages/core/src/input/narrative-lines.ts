import { MAX_ERRORS } from '../fh-files/read.js';
import type { CellLocation, InputError } from '../fh-files/table.js';
import { resolveEdition } from '../methodology/editions.js';
import { placeOfFhItem } from '../vocabulary/narrative-labels.js';
import { jsonSyntaxProblem } from './json-syntax.js';
import type { NarrativeRecord, QuestionRecord } from './records.js';

export interface NarrativeLinesRead {
  narratives: NarrativeRecord[];
  /** The first wording of each question in each edition (every country's line repeats it). */
  questions: QuestionRecord[];
  /** Every problem found (up to MAX_ERRORS); when there is one, nothing else is returned. */
  errors: InputError[];
}

/** Whether a JSON Lines text looks like the narrative file (its first object has `sub_item` and `detail`). */
export function isNarrativeLines(text: string): boolean {
  const first = text.slice(0, text.indexOf('\n') === -1 ? text.length : text.indexOf('\n'));
  return /"sub_item"\s*:/.test(first) && /"detail"\s*:/.test(first);
}

/**
 * The narrative file (JSON Lines, one text per line, as the R package
 * `freedomhouse` tabulates FH's country reports): `edition`, `country`,
 * `sub_item` (indicator code or section name), `sub_item_description` (the
 * question wording) and `detail` (the text). "C4" there is not an indicator
 * but the Add Q discretionary question.
 * Every line is checked; the texts come back only if all of them are sound.
 */
export function readNarrativeLines(text: string, file: string): NarrativeLinesRead {
  const errors: InputError[] = [];
  const narratives: NarrativeRecord[] = [];
  const questions = new Map<string, QuestionRecord>();
  const seen = new Map<string, number>();
  const lines = text.split('\n');
  for (let i = 0; i < lines.length && errors.length < MAX_ERRORS; i++) {
    const line = lines[i]!.trim();
    if (line === '') continue;
    const location: CellLocation = { file, sheet: null, columns: 'numbers', row: i + 1 };
    const fail = (message: string, code: InputError['code'] = 'bad-record') => errors.push({ location, message, code });
    let o: Record<string, unknown>;
    try {
      o = JSON.parse(line) as Record<string, unknown>;
    } catch (e) {
      errors.push(jsonSyntaxProblem(lines[i]!, e, () => location, i + 1));
      continue;
    }
    if (typeof o !== 'object' || o === null || Array.isArray(o)) {
      fail('each line must be a JSON object');
      continue;
    }
    const edition =
      typeof o.edition === 'number' || typeof o.edition === 'string' ? resolveEdition(o.edition) : undefined;
    if (!edition) {
      fail(`"edition": unknown edition ${JSON.stringify(o.edition)}`);
      continue;
    }
    if (typeof o.country !== 'string' || o.country.trim() === '') {
      fail('"country" must be a non-empty string');
      continue;
    }
    if (typeof o.sub_item !== 'string') {
      fail('"sub_item" must be a string');
      continue;
    }
    if (o.detail !== null && typeof o.detail !== 'string') {
      fail('"detail" must be a string or null');
      continue;
    }
    const subItem = o.sub_item.trim();
    const place = placeOfFhItem(subItem);
    if (!place) {
      fail(`"sub_item": unknown item "${subItem}"; expected an indicator code A1…G4, C4 (Add Q) or a section name`);
      continue;
    }
    const entity = o.country.trim();
    const key = `${entity.toLowerCase()}\u0000${edition.edition}\u0000${place.section}\u0000${place.code}`;
    const first = seen.get(key);
    if (first !== undefined) {
      fail(`duplicate text for ${entity} ${edition.label} ${subItem} (first on line ${first})`, 'duplicate-record');
      continue;
    }
    seen.set(key, i + 1);
    const body = typeof o.detail === 'string' ? o.detail.trim() : '';
    if (body !== '') {
      narratives.push({ location, entity, edition: edition.edition, section: place.section, code: place.code, body });
    }
    const wording = typeof o.sub_item_description === 'string' ? o.sub_item_description.trim() : '';
    if (wording !== '' && (place.section === 'indicator' || place.section === 'discretionary')) {
      const qKey = `${edition.edition}\u0000${place.code}`;
      const known = questions.get(qKey);
      // The wording is repeated on every country's line; the first one stands for the edition.
      if (!known) questions.set(qKey, { location, edition: edition.edition, code: place.code, wording });
    }
  }
  const none = { narratives: [], questions: [] };
  if (errors.length) return { ...none, errors };
  if (narratives.length === 0) {
    const location = { file, sheet: null, columns: 'numbers' as const, row: 1 };
    return { ...none, errors: [{ location, message: 'no texts in the file', code: 'no-records' }] };
  }
  return { narratives, questions: [...questions.values()], errors };
}
