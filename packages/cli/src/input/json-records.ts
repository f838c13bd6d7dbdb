import {
  resolveEdition,
  type AssessmentInput,
  type CellLocation,
  type EntityKind,
  type FhColumn,
  type FhRecord,
  type InputError,
  type Status,
} from '@freedom-ratings/core';
import { findJsonSyntaxError } from './json-syntax.js';

/**
 * Our JSON: an array of assessments, or JSON Lines with one per line. Each
 * record is located by the line its object starts on, so messages point into
 * the file just as they do for CSV.
 */
const KNOWN_KEYS = new Set([
  'entity', 'edition', 'kind', 'region', 'indicators', 'subcategories', 'aggregates', 'addQ', 'addA',
  'ratings', 'status', 'trendArrow', 'electoralDemocracyOverride', 'narrative',
]); // prettier-ignore

export function readJsonRecords(text: string, file: string): { records: FhRecord[]; errors: InputError[] } {
  const body = text.replace(/^\uFEFF/, '');
  const errors: InputError[] = [];
  const at = (line: number): CellLocation => ({ file, sheet: null, row: line, columns: 'numbers' });
  let items: { value: unknown; line: number }[];
  if (body.trimStart().startsWith('[')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch (e) {
      return { records: [], errors: [jsonError(body, e, at, 1)] };
    }
    const lines = elementLines(body);
    items = (parsed as unknown[]).map((value, i) => ({ value, line: lines[i] ?? 1 }));
  } else {
    items = [];
    body.split(/\r?\n/).forEach((lineText, i) => {
      if (lineText.trim() === '') return;
      try {
        items.push({ value: JSON.parse(lineText), line: i + 1 });
      } catch (e) {
        errors.push(jsonError(lineText, e, at, i + 1));
      }
    });
  }
  const records: FhRecord[] = [];
  for (const { value, line } of items) {
    const record = toRecord(value, at(line), errors);
    if (record) records.push(record);
  }
  if (items.length === 0 && errors.length === 0)
    errors.push({ location: at(1), message: 'no assessments in the file' });
  return { records: errors.length ? [] : records, errors };
}

function toRecord(value: unknown, location: CellLocation, errors: InputError[]): FhRecord | undefined {
  const fail = (message: string) => {
    errors.push({ location, message });
    return undefined;
  };
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return fail('each assessment must be a JSON object');
  const o = value as Record<string, unknown>;
  const unknown = Object.keys(o).filter((k) => !KNOWN_KEYS.has(k));
  if (unknown.length)
    return fail(`unknown field${unknown.length > 1 ? 's' : ''} ${unknown.map((k) => `"${k}"`).join(', ')}`);
  if (typeof o.entity !== 'string' || o.entity.trim() === '') return fail('"entity" must be a non-empty string');
  const edition =
    typeof o.edition === 'number' || typeof o.edition === 'string' ? resolveEdition(o.edition) : undefined;
  if (!edition) return fail(`unknown edition ${JSON.stringify(o.edition)}`);
  const kindText = o.kind ?? 'country';
  const kind: EntityKind | undefined =
    kindText === 'country' || kindText === 'c'
      ? 'country'
      : kindText === 'territory' || kindText === 't'
        ? 'territory'
        : undefined;
  if (!kind) return fail(`"kind" must be "country" or "territory", got ${JSON.stringify(o.kind)}`);
  for (const key of ['indicators', 'subcategories', 'aggregates', 'ratings'] as const) {
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

/** A syntax error located by line (offset by `firstLine` for one line of JSON Lines) and column. */
function jsonError(text: string, e: unknown, at: (line: number) => CellLocation, firstLine: number): InputError {
  const where = findJsonSyntaxError(text);
  if (!where) return { location: at(firstLine), message: `invalid JSON: ${(e as Error).message}` };
  return {
    location: at(firstLine + where.line - 1),
    message: `invalid JSON at column ${where.column}: ${where.message}`,
  };
}
