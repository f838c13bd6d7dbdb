import type { FhColumn } from '../fh-files/columns.js';
import type { FhRecord } from '../fh-files/read.js';
import type { CellLocation, InputError } from '../fh-files/table.js';
import { editionInfoForOpening, resolveEdition, type EditionInfo } from '../methodology/editions.js';
import { sectionOfJsonKey } from '../vocabulary/narrative-labels.js';
import type { AssessmentInput } from '../assessment-input.js';
import type { EntityKind, Status } from '../types.js';
import { jsonSyntaxProblem } from './json-syntax.js';
import type { NarrativeRecord } from './records.js';

/**
 * Our JSON: an array of assessments, or JSON Lines with one per line, each
 * with its texts under `narrative` (keys as in `NARRATIVE_SECTION_NAMES`).
 * Each record is located by the line its object starts on, so messages point
 * into the file just as they do for CSV.
 */
export interface OurJsonRead {
  records: FhRecord[];
  narratives: NarrativeRecord[];
  /** Every problem found; when there is one, `records` and `narratives` are empty. */
  errors: InputError[];
}

const KNOWN_KEYS = new Set([
  'entity', 'edition', 'kind', 'region', 'indicators', 'subcategories', 'aggregates', 'addQ', 'addA',
  'discretionary', 'ratings', 'status', 'trendArrow', 'electoralDemocracyOverride', 'narrative',
]); // prettier-ignore

export function readOurJson(text: string, file: string): OurJsonRead {
  const body = text.replace(/^\uFEFF/, '');
  const errors: InputError[] = [];
  const at = (line: number): CellLocation => ({ file, sheet: null, row: line, columns: 'numbers' });
  let items: { value: unknown; line: number }[];
  if (body.trimStart().startsWith('[')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch (e) {
      return { records: [], narratives: [], errors: [jsonSyntaxProblem(body, e, at, 1)] };
    }
    const lines = elementLines(body);
    items = (parsed as unknown[]).map((value, i) => ({ value, line: lines[i] ?? 1 }));
  } else if (isOneDocument(body)) {
    // One JSON object over several lines is not JSON Lines: an assessment on its own, or some other file.
    items = [{ value: JSON.parse(body), line: 1 }];
  } else {
    items = [];
    body.split(/\r?\n/).forEach((lineText, i) => {
      if (lineText.trim() === '') return;
      try {
        items.push({ value: JSON.parse(lineText), line: i + 1 });
      } catch (e) {
        errors.push(jsonSyntaxProblem(lineText, e, at, i + 1));
      }
    });
  }
  if (items.length > 0 && !items.some(({ value }) => isObjectWith(value, 'entity')))
    return {
      records: [],
      narratives: [],
      errors: [
        {
          location: { file, sheet: null, columns: 'numbers' },
          message:
            'JSON, but not one of the inputs read here: neither our JSON (assessments, each with "entity") nor FH\'s narrative JSON Lines',
          code: 'not-an-input',
        },
      ],
    };
  const records: FhRecord[] = [];
  const narratives: NarrativeRecord[] = [];
  const narrativeErrors: InputError[] = [];
  for (const { value, line } of items) {
    const record = toRecord(value, at(line), errors);
    if (!record) continue;
    records.push(record);
    readNarrative((value as { narrative?: unknown }).narrative, record, narratives, narrativeErrors);
  }
  if (items.length === 0 && errors.length === 0)
    errors.push({ location: at(1), message: 'no assessments in the file', code: 'no-records' });
  // Texts are checked once every record is sound: a broken record says nothing about its texts.
  if (errors.length === 0) errors.push(...narrativeErrors);
  return errors.length ? { records: [], narratives: [], errors } : { records, narratives, errors };
}

function isObjectWith(value: unknown, key: string): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && key in value;
}

/** A text that is one JSON value spread over more than one line (a pretty-printed object). */
function isOneDocument(body: string): boolean {
  if (!/\n\s*\S/.test(body.trim())) return false;
  try {
    JSON.parse(body);
    return true;
  } catch {
    return false;
  }
}

function toRecord(value: unknown, location: CellLocation, errors: InputError[]): FhRecord | undefined {
  const fail = (message: string, code: 'bad-record' | 'unknown-field' = 'bad-record') => {
    errors.push({ location, message, code });
    return undefined;
  };
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return fail('each assessment must be a JSON object');
  const o = value as Record<string, unknown>;
  const unknown = Object.keys(o).filter((k) => !KNOWN_KEYS.has(k));
  if (unknown.length)
    return fail(
      `unknown field${unknown.length > 1 ? 's' : ''} ${unknown.map((k) => `"${k}"`).join(', ')}`,
      'unknown-field',
    );
  if (typeof o.entity !== 'string' || o.entity.trim() === '') return fail('"entity" must be a non-empty string');
  const edition = editionOf(o.edition);
  if (!edition) return fail(`unknown edition ${JSON.stringify(o.edition)}`);
  const kindText = o.kind ?? 'country';
  const kind: EntityKind | undefined =
    kindText === 'country' || kindText === 'c'
      ? 'country'
      : kindText === 'territory' || kindText === 't'
        ? 'territory'
        : undefined;
  if (!kind) return fail(`"kind" must be "country" or "territory", got ${JSON.stringify(o.kind)}`);
  for (const key of ['indicators', 'subcategories', 'aggregates', 'discretionary', 'ratings'] as const) {
    if (o[key] !== undefined && o[key] !== null && (typeof o[key] !== 'object' || Array.isArray(o[key]))) {
      return fail(`"${key}" must be an object`);
    }
  }
  if (o.status !== undefined && o.status !== null && !['F', 'PF', 'NF'].includes(o.status as string)) {
    return fail(`"status" must be "F", "PF" or "NF", got ${JSON.stringify(o.status)}`);
  }
  const input: AssessmentInput = {
    entity: o.entity.trim(),
    edition: edition.edition,
    kind,
    indicators: (o.indicators as AssessmentInput['indicators']) ?? null,
    subcategories: (o.subcategories as AssessmentInput['subcategories']) ?? null,
    aggregates: (o.aggregates as AssessmentInput['aggregates']) ?? null,
    ratings: (o.ratings as AssessmentInput['ratings']) ?? null,
    addQ: (o.addQ as number | null | undefined) ?? 0,
    addA: (o.addA as number | null | undefined) ?? null,
    ...(o.discretionary ? { discretionary: o.discretionary as AssessmentInput['discretionary'] } : {}),
    status: (o.status as Status | null | undefined) ?? null,
    trendArrow: (o.trendArrow as AssessmentInput['trendArrow']) ?? null,
    electoralDemocracyOverride: (o.electoralDemocracyOverride as boolean | null | undefined) ?? null,
  };
  const stated: FhRecord['stated'] = {};
  const scored = input.indicators || input.subcategories || input.aggregates;
  if (input.status && scored) stated.Status = input.status;
  if (input.ratings && scored) {
    stated['PR rating'] = input.ratings.pr;
    stated['CL rating'] = input.ratings.cl;
  }
  if (input.indicators && input.subcategories) {
    for (const [k, v] of Object.entries(input.subcategories)) stated[k as FhColumn] = v as number;
  }
  return {
    location,
    entity: input.entity,
    kind,
    region: typeof o.region === 'string' ? o.region : null,
    edition: edition.edition,
    input: input.indicators ? { ...input, subcategories: null } : input,
    stated,
    cells: {},
  };
}

/**
 * An edition as our JSON names it: a built-in edition by key or label, or an
 * edition after them (2027 on) by its key, which a loaded methodology may
 * cover. Whether one does is the importer's question: it knows the database.
 */
function editionOf(value: unknown): EditionInfo | undefined {
  if (typeof value !== 'number' && typeof value !== 'string') return undefined;
  const known = resolveEdition(value);
  if (known) return known;
  const key = typeof value === 'number' ? value : /^\s*\d{4}\s*$/.test(value) ? Number(value) : NaN;
  return editionInfoForOpening(key);
}

/** The texts under one assessment's `narrative`: a text per section, or an object of texts by code. */
function readNarrative(
  narrative: unknown,
  record: FhRecord,
  narratives: NarrativeRecord[],
  errors: InputError[],
): void {
  if (narrative === undefined || narrative === null) return;
  const fail = (message: string) => errors.push({ location: record.location, message, code: 'bad-record' });
  if (typeof narrative !== 'object' || Array.isArray(narrative)) {
    fail('"narrative" must be an object');
    return;
  }
  for (const [key, value] of Object.entries(narrative as Record<string, unknown>)) {
    const section = sectionOfJsonKey(key);
    if (!section) {
      errors.push({
        location: record.location,
        message: `"narrative": unknown section "${key}"`,
        code: 'unknown-field',
      });
      continue;
    }
    const add = (code: string, body: unknown) => {
      if (typeof body !== 'string') fail(`"narrative.${key}${code ? `.${code}` : ''}" must be a string`);
      else if (body.trim() !== '') {
        const { location, entity, edition } = record;
        narratives.push({ location, entity, edition, section, code, body: body.trim() });
      }
    };
    if (typeof value === 'string') add('', value);
    else if (value && typeof value === 'object' && !Array.isArray(value)) {
      for (const [code, body] of Object.entries(value)) add(code, body);
    } else fail(`"narrative.${key}" must be a string or an object of texts by code`);
  }
}

/** Line on which each element of a top-level JSON array starts. */
function elementLines(text: string): number[] {
  const lines: number[] = [];
  let line = 1;
  let depth = 0;
  let inString = false;
  let expectElement = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\n') line++;
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (depth === 1 && expectElement && !/[\s,\]]/.test(c)) {
      lines.push(line);
      expectElement = false;
    }
    if (c === '"') inString = true;
    else if (c === '[' || c === '{') {
      depth++;
      if (depth === 1) expectElement = true;
    } else if (c === ']' || c === '}') depth--;
    else if (c === ',' && depth === 1) expectElement = true;
  }
  return lines;
}
