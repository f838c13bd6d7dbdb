import {
  assess,
  editionInfo,
  entityById,
  granularityOf,
  type AssessmentInput,
  type EntityKind,
} from '@freedom-ratings/core';
import type { MergedAssessment, MergeResult } from '../import/merge.js';

/** The attribution every copy of Freedom House's figures carries. */
export const PUBLISHED_FIGURES_ATTRIBUTION = 'Source: Freedom House, Freedom in the World';

/** Names this file's layout; a loader refuses any other. */
export const PUBLISHED_FIGURES_FORMAT = 'fiw-published-figures/1';

/** One of FH's spreadsheets the figures were read from, identified by its bytes. */
export interface PublishedFiguresSource {
  file: string;
  sha256: string;
  bytes: number;
  /** What the import recognised the file as ("indicator scores", "ratings and statuses", …). */
  description: string;
  /** Rows the import read from it. */
  records: number;
}

/**
 * The figures of one entity-edition as stored: the most detailed level FH
 * published (indicator scores, subcategory totals, PR/CL aggregates or 1–7
 * ratings), the discretionary scores and a stated status where there is one.
 * Nothing derived: totals, ratings of scored assessments and status by rule
 * are recomputed by the engine on every read.
 */
export interface PublishedFiguresAssessment {
  /** Registry id (slug) of the country or territory. */
  entity: string;
  edition: number;
  kind: EntityKind;
  region: string | null;
  /** Index into `sources`: the file the kept figures came from. */
  source: number;
  /** How an irregular cell was read (South Africa's split 1973 ratings), in our words. */
  note?: string;
  input: Omit<AssessmentInput, 'entity' | 'edition' | 'kind'>;
}

/** The whole bundled file, before compression. */
export interface PublishedFiguresDocument {
  format: typeof PUBLISHED_FIGURES_FORMAT;
  attribution: typeof PUBLISHED_FIGURES_ATTRIBUTION;
  description: string;
  /** The command that made this file from `sources`. */
  generatedBy: string;
  sources: PublishedFiguresSource[];
  editions: { first: number; last: number; count: number };
  assessments: PublishedFiguresAssessment[];
}

/** The seed file is damaged or of another layout; nothing was loaded. */
export class PublishedFiguresFileError extends Error {
  constructor(file: string, message: string) {
    super(`${file}: ${message}`);
    this.name = 'PublishedFiguresFileError';
  }
}

const GENERATED_BY = 'npx tsx packages/db/scripts/generate-published-figures.ts';

/**
 * The document for a merge of FH's spreadsheets: exactly the inputs an
 * import of those files stores, in the merge's order, so that loading it
 * writes what that import writes.
 */
export function publishedFiguresDocument(
  merged: MergeResult,
  sources: readonly PublishedFiguresSource[],
): PublishedFiguresDocument {
  const index = new Map(sources.map((s, i) => [s.file, i]));
  const assessments = merged.assessments.map((m): PublishedFiguresAssessment => {
    const source = index.get(m.source);
    if (source === undefined) throw new Error(`no source entry for ${m.source}`);
    return {
      entity: m.entity.id,
      edition: m.edition,
      kind: m.kind,
      region: m.region,
      source,
      ...(m.sourceNote ? { note: m.sourceNote } : {}),
      input: storedInput(m),
    };
  });
  const editions = [...new Set(assessments.map((a) => a.edition))].sort((a, b) => a - b);
  return {
    format: PUBLISHED_FIGURES_FORMAT,
    attribution: PUBLISHED_FIGURES_ATTRIBUTION,
    description:
      "Freedom House's published scores, ratings and statuses (numbers only, no narrative text), " +
      'merged from the files in `sources` by the rules of `fiw import`: the most detailed level per entity-edition. ' +
      'Derived figures are not stored; the engine recomputes them.',
    generatedBy: GENERATED_BY,
    sources: [...sources],
    editions: { first: editions[0] ?? 0, last: editions.at(-1) ?? 0, count: editions.length },
    assessments,
  };
}

/** The part of a merged input an import stores: the kept level and what goes with it, nulls left out. */
function storedInput(m: MergedAssessment): PublishedFiguresAssessment['input'] {
  const { input, granularity } = m;
  const scored = granularity === 'indicators' || granularity === 'subcategories';
  const out: PublishedFiguresAssessment['input'] = {};
  if (granularity === 'indicators') out.indicators = input.indicators;
  if (granularity === 'subcategories') out.subcategories = input.subcategories;
  if (granularity === 'aggregates') out.aggregates = input.aggregates;
  if (granularity === 'ratings') out.ratings = input.ratings;
  if (scored) out.addQ = input.addQ ?? 0;
  if (scored && input.addA !== null && input.addA !== undefined) out.addA = input.addA;
  if (input.status) out.status = input.status;
  if (input.trendArrow) out.trendArrow = input.trendArrow;
  if (input.electoralDemocracyOverride !== null && input.electoralDemocracyOverride !== undefined) {
    out.electoralDemocracyOverride = input.electoralDemocracyOverride;
  }
  return out;
}

/**
 * Turns a parsed document back into the merge it was made from. Checks
 * what a damaged or hand-edited file could get wrong — its layout, unknown
 * entities or editions, figures the engine rejects — and names the
 * assessment at fault.
 */
export function mergeOfDocument(
  value: unknown,
  file: string,
): { document: PublishedFiguresDocument; merged: MergeResult } {
  const fail = (message: string): never => {
    throw new PublishedFiguresFileError(file, message);
  };
  const doc = value as Partial<PublishedFiguresDocument> | null;
  if (!doc || typeof doc !== 'object' || doc.format !== PUBLISHED_FIGURES_FORMAT) {
    fail(`not a published-figures file (expected "format": "${PUBLISHED_FIGURES_FORMAT}")`);
  }
  if (!Array.isArray(doc!.sources) || !Array.isArray(doc!.assessments))
    fail('"sources" and "assessments" must be lists');
  const document = doc as PublishedFiguresDocument;
  const assessments = document.assessments.map((a, i): MergedAssessment => {
    const at = `assessment ${i + 1} (${String(a?.entity)} ${String(a?.edition)})`;
    const entity = entityById(String(a?.entity));
    if (!entity) return fail(`${at}: unknown entity`);
    if (!editionInfo(a.edition)) return fail(`${at}: unknown edition`);
    const source = document.sources[a.source];
    if (!source) return fail(`${at}: no source ${String(a.source)}`);
    const input: AssessmentInput = { ...a.input, entity: entity.name, edition: a.edition, kind: a.kind };
    const granularity = granularityOf(input);
    if (!granularity) return fail(`${at}: no scores or ratings`);
    const error = assess(input).problems.find((p) => p.severity === 'error');
    if (error) return fail(`${at}: ${error.message}`);
    return {
      entity,
      edition: a.edition,
      granularity,
      kind: a.kind,
      region: a.region,
      input,
      source: source.file,
      sourceNote: a.note ?? null,
    };
  });
  return {
    document,
    merged: {
      assessments,
      narratives: new Map(),
      questions: [],
      conflicts: [],
      notes: [],
      identicalDuplicates: 0,
      registered: [],
    },
  };
}
