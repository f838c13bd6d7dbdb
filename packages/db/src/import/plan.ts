import {
  editionInfo,
  type Entity,
  type Granularity,
  type InputError,
  type AssessmentState,
  type NarrativeSection,
  type QuestionRecord,
} from '@freedom-ratings/core';
import { fieldText, narrativeField, scoreField, type FieldChange } from '../repositories/revisions.js';
import type { AssessmentChange, AssessmentCreate, ChangeableColumns } from '../repositories/versioned-write.js';
import type { ExistingAssessment, ExistingState } from './existing-state.js';
import { assessmentKey, type MergedAssessment, type MergeResult } from './merge.js';
import { IMPORTED_COLUMNS, importedColumns, scoresOf, type ImportedColumns } from './stored-fields.js';

export interface PlannedText {
  section: NarrativeSection;
  code: string;
  body: string;
}

export interface ImportPlan {
  state: AssessmentState;
  newEntities: Entity[];
  newEditions: number[];
  newQuestions: QuestionRecord[];
  changedQuestions: QuestionRecord[];
  creates: AssessmentCreate[];
  /** Changes to stored assessments, each computed from the version the import read. */
  updates: AssessmentChange[];
  unchanged: number;
  /** The database already held more detailed data for these; it was kept. */
  keptMoreDetailed: number;
  byGranularity: Record<Granularity, number>;
  narrativeCount: number;
  errors: InputError[];
  refusals: string[];
}

const RANK: Record<Granularity, number> = { indicators: 0, subcategories: 1, aggregates: 2, ratings: 3 };

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

  for (const m of merged.assessments) {
    entities.set(m.entity.id, m.entity);
    editions.add(m.edition);
    plan.byGranularity[m.granularity]++;
    const key = assessmentKey(m.entity.id, m.edition);
    const texts = (merged.narratives.get(key)?.texts ?? []).map(({ section, code, body }) => ({ section, code, body }));
    plan.narrativeCount += texts.length;
    const found = existing.assessments.get(key);
    if (!found) plan.creates.push(newAssessment(m, texts, plan.state));
    else if (RANK[found.row.granularity] < RANK[m.granularity]) {
      plan.keptMoreDetailed++;
      addChange(plan, withTexts(unchanged(found), texts, found));
    } else addChange(plan, withTexts(figureChanges(m, found), texts, found));
  }
  planTextsAlone(plan, merged, existing, editions);
  for (const [id, entity] of entities) if (!existing.entities.has(id)) plan.newEntities.push(entity);
  planEditions(plan, editions, existing, asDraft);
  for (const q of merged.questions) {
    const known = existing.questions.get(`${q.edition}\u0000${q.code}`);
    if (known === undefined) plan.newQuestions.push(q);
    else if (known !== q.wording) plan.changedQuestions.push(q);
  }
  return plan;
}

function newAssessment(m: MergedAssessment, texts: PlannedText[], state: AssessmentState): AssessmentCreate {
  return {
    columns: {
      ...importedColumns(m.granularity, m.input, m.kind, m.region, m.sourceNote),
      entity_id: m.entity.id,
      edition: m.edition,
      state,
      source: m.source,
    },
    scores: scoresOf(m.granularity, m.input, m.methodology),
    narratives: texts,
    origin: `${m.granularity} from ${m.source}`,
  };
}

/** An `AssessmentChange` while it is being worked out. */
interface MutableChange {
  id: number;
  version: number;
  columns: ChangeableColumns;
  scores: { code: string; value: number | null }[];
  narratives: PlannedText[];
  changes: FieldChange[];
}

const unchanged = (found: ExistingAssessment): MutableChange => ({
  id: found.row.id,
  version: found.row.version,
  columns: {},
  scores: [],
  narratives: [],
  changes: [],
});

/** The columns and scores in which the import's data differs from what is stored. */
function figureChanges(m: MergedAssessment, found: ExistingAssessment): MutableChange {
  const change = unchanged(found);
  const columns: ImportedColumns = importedColumns(m.granularity, m.input, m.kind, m.region, m.sourceNote);
  for (const column of IMPORTED_COLUMNS) {
    // A file without a note (our JSON) does not erase the note another file left.
    if (column === 'source_note' && columns.source_note === null) continue;
    // FH's spreadsheets have no trend arrows or electoral-democracy decisions: a file that cannot state one keeps the stored one.
    if (column === 'trend_arrow' && m.input.trendArrow === undefined) continue;
    if (column === 'electoral_democracy_override' && m.input.electoralDemocracyOverride === undefined) continue;
    if (found.row[column] !== columns[column]) {
      Object.assign(change.columns, { [column]: columns[column] });
      change.changes.push({ field: column, old: fieldText(found.row[column]), new: fieldText(columns[column]) });
    }
  }
  const wanted = new Map(scoresOf(m.granularity, m.input, m.methodology).map((s) => [s.code, s.value]));
  for (const code of new Set([...wanted.keys(), ...found.scores.keys()])) {
    if (wanted.get(code) === found.scores.get(code)) continue;
    change.scores.push({ code, value: wanted.get(code) ?? null });
    change.changes.push({
      field: scoreField(code),
      old: fieldText(found.scores.get(code)),
      new: fieldText(wanted.get(code)),
    });
  }
  // The source names the file the figures came from; new texts alone do not change it.
  if (change.changes.length > 0) change.columns.source = m.source;
  return change;
}

function withTexts(change: MutableChange, texts: readonly PlannedText[], found: ExistingAssessment): MutableChange {
  for (const t of texts) {
    const field = narrativeField(t.section, t.code);
    const old = found.narratives.get(field);
    if (old === t.body) continue;
    change.narratives.push(t);
    change.changes.push({ field, old: old ?? null, new: t.body });
  }
  return change;
}

function addChange(plan: ImportPlan, change: AssessmentChange): void {
  if (change.changes.length === 0) plan.unchanged++;
  else plan.updates.push(change);
}

/** Texts for assessments this import does not score must attach to ones already stored. */
function planTextsAlone(plan: ImportPlan, merged: MergeResult, existing: ExistingState, editions: Set<number>): void {
  const scored = new Set(merged.assessments.map((m) => assessmentKey(m.entity.id, m.edition)));
  for (const [key, group] of merged.narratives) {
    if (scored.has(key)) continue;
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
    addChange(plan, withTexts(unchanged(found), group.texts, found));
  }
}

/** New editions to create, and refusals where the import would mix published and draft data in one. */
function planEditions(plan: ImportPlan, editions: Set<number>, existing: ExistingState, asDraft: boolean): void {
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
}
