import {
  editionInfo,
  type AssessmentState,
  type Entity,
  type Granularity,
  type InputError,
  type NarrativeSection,
  type QuestionRecord,
} from '@freedom-ratings/core';
import type { ExistingState } from './existing-state.js';
import { assessmentKey, type MergeResult } from './merge.js';
import { IMPORTED_COLUMNS, importedColumns, narrativeField, scoresOf, type ImportedColumns } from './stored-fields.js';

export interface PlannedText {
  section: NarrativeSection;
  code: string;
  body: string;
}

export interface PlannedCreate {
  entityId: string;
  edition: number;
  columns: ImportedColumns;
  source: string;
  scores: { code: string; value: number }[];
  texts: PlannedText[];
}

export interface FieldChange {
  field: string;
  old: string | null;
  new: string | null;
}

export interface PlannedUpdate {
  id: number;
  version: number;
  /** The new source file when figures change; null leaves it as it is. */
  source: string | null;
  /** Columns to set; empty when only texts change. */
  columns: Partial<ImportedColumns>;
  /** Replacement scores, or null when scores are unchanged. */
  scores: { code: string; value: number }[] | null;
  texts: PlannedText[];
  changes: FieldChange[];
}

export interface ImportPlan {
  state: AssessmentState;
  newEntities: Entity[];
  newEditions: number[];
  newQuestions: QuestionRecord[];
  changedQuestions: QuestionRecord[];
  creates: PlannedCreate[];
  updates: PlannedUpdate[];
  unchanged: number;
  /** The database already held more detailed data for these; it was kept. */
  keptMoreDetailed: number;
  byGranularity: Record<Granularity, number>;
  narrativeCount: number;
  errors: InputError[];
  refusals: string[];
}

const RANK: Record<Granularity, number> = { indicators: 0, subcategories: 1, aggregates: 2, ratings: 3 };

const text = (v: string | number | null | undefined): string | null =>
  v === null || v === undefined ? null : String(v);

/**
 * Decides what the import writes: new assessments, changed fields of
 * existing ones, and nothing for what is already there. Published sources go
 * into published editions, `asDraft` into open ones; an import never mixes
 * the two within an edition.
 */
export function planImport(merged: MergeResult, existing: ExistingState, asDraft: boolean): ImportPlan {
  const plan: ImportPlan = {
    state: asDraft ? 'draft' : 'published',
    newEntities: [],
    newEditions: [],
    newQuestions: [],
    changedQuestions: [],
    creates: [],
    updates: [],
    unchanged: 0,
    keptMoreDetailed: 0,
    byGranularity: { indicators: 0, subcategories: 0, aggregates: 0, ratings: 0 },
    narrativeCount: 0,
    errors: [],
    refusals: [],
  };
  const entities = new Map<string, Entity>();
  const editions = new Set<number>();
  const handled = new Set<string>();

  for (const m of merged.assessments) {
    const key = assessmentKey(m.entity.id, m.edition);
    handled.add(key);
    entities.set(m.entity.id, m.entity);
    editions.add(m.edition);
    plan.byGranularity[m.granularity]++;
    const texts = (merged.narratives.get(key)?.texts ?? []).map(({ section, code, body }) => ({ section, code, body }));
    plan.narrativeCount += texts.length;
    const columns = importedColumns(m.granularity, m.input, m.kind, m.region, m.sourceNote);
    const scores = scoresOf(m.granularity, m.input);
    const found = existing.assessments.get(key);
    if (!found) {
      plan.creates.push({ entityId: m.entity.id, edition: m.edition, columns, source: m.source, scores, texts });
      continue;
    }
    const update: PlannedUpdate = {
      id: found.row.id,
      version: found.row.version + 1,
      source: null,
      columns: {},
      scores: null,
      texts: [],
      changes: [],
    };
    if (RANK[found.row.granularity] < RANK[m.granularity]) {
      plan.keptMoreDetailed++;
    } else {
      for (const column of IMPORTED_COLUMNS) {
        // A file without a note (our JSON) does not erase the note another file left.
        if (column === 'source_note' && columns.source_note === null) continue;
        if (found.row[column] !== columns[column]) {
          (update.columns as Record<string, unknown>)[column] = columns[column];
          update.changes.push({ field: column, old: text(found.row[column]), new: text(columns[column]) });
        }
      }
      const wanted = new Map(scores.map((s) => [s.code, s.value]));
      const codes = new Set([...wanted.keys(), ...found.scores.keys()]);
      for (const code of codes) {
        if (wanted.get(code) !== found.scores.get(code)) {
          update.changes.push({
            field: `score:${code}`,
            old: text(found.scores.get(code)),
            new: text(wanted.get(code)),
          });
        }
      }
      if (update.changes.some((c) => c.field.startsWith('score:'))) update.scores = scores;
      // The source names the file the figures came from; new texts alone do not change it.
      if (update.changes.length > 0) update.source = m.source;
    }
    addTextChanges(update, texts, found.narratives);
    if (update.changes.length === 0) plan.unchanged++;
    else plan.updates.push(update);
  }

  // Texts for assessments this import does not score must attach to ones already stored.
  for (const [key, group] of merged.narratives) {
    if (handled.has(key)) continue;
    const found = existing.assessments.get(key);
    if (!found) {
      const first = group.texts[0]!;
      plan.errors.push({
        location: first.location,
        message: `texts for ${group.entity.name} ${editionInfo(group.edition)?.label ?? group.edition} but no scores or ratings for it in this import or the database; import the scores first or in the same run`,
      });
      continue;
    }
    editions.add(group.edition);
    plan.narrativeCount += group.texts.length;
    const update: PlannedUpdate = {
      id: found.row.id,
      version: found.row.version + 1,
      source: null,
      columns: {},
      scores: null,
      texts: [],
      changes: [],
    };
    addTextChanges(update, group.texts, found.narratives);
    if (update.changes.length === 0) plan.unchanged++;
    else plan.updates.push(update);
  }

  for (const [id, entity] of entities) if (!existing.entities.has(id)) plan.newEntities.push(entity);
  for (const edition of [...editions].sort((a, b) => a - b)) {
    const state = existing.editions.get(edition);
    const label = editionInfo(edition)?.label ?? String(edition);
    if (state === undefined) plan.newEditions.push(edition);
    else if (asDraft && state === 'published') {
      plan.refusals.push(`edition ${label} is published; --as-draft only imports into open editions or new ones`);
    } else if (!asDraft && state === 'open') {
      plan.refusals.push(
        `edition ${label} is open in the studio; import published data into it with --as-draft, or publish it first`,
      );
    }
  }
  for (const q of merged.questions) {
    const known = existing.questions.get(`${q.edition}\u0000${q.code}`);
    if (known === undefined) plan.newQuestions.push(q);
    else if (known !== q.wording) plan.changedQuestions.push(q);
  }
  return plan;
}

function addTextChanges(update: PlannedUpdate, texts: readonly PlannedText[], stored: Map<string, string>): void {
  for (const t of texts) {
    const field = narrativeField(t.section, t.code);
    const old = stored.get(field);
    if (old === t.body) continue;
    update.texts.push(t);
    update.changes.push({ field, old: old ?? null, new: t.body });
  }
}
