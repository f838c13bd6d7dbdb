import type { Kysely } from 'kysely';
import type { EditionState } from '@freedom-ratings/core';
import type { Assessment, Database } from '../schema.js';
import { narrativeField } from './stored-fields.js';
import { assessmentKey } from './merge.js';

export interface ExistingAssessment {
  row: Assessment;
  scores: Map<string, number>;
  /** Keyed by `narrativeField(section, code)`. */
  narratives: Map<string, string>;
}

/** What the database already holds for the editions an import touches. */
export interface ExistingState {
  entities: Set<string>;
  editions: Map<number, EditionState>;
  /** Keyed by `${edition}\0${code}`. */
  questions: Map<string, string>;
  assessments: Map<string, ExistingAssessment>;
}

const CHUNK = 500;

export async function loadExistingState(db: Kysely<Database>, editions: readonly number[]): Promise<ExistingState> {
  const state: ExistingState = {
    entities: new Set(),
    editions: new Map(),
    questions: new Map(),
    assessments: new Map(),
  };
  for (const e of await db.selectFrom('entities').select('id').execute()) state.entities.add(e.id);
  for (const e of await db.selectFrom('editions').select(['edition', 'state']).execute()) {
    state.editions.set(e.edition, e.state);
  }
  if (editions.length === 0) return state;
  for (const q of await db.selectFrom('questions').selectAll().where('edition', 'in', editions).execute()) {
    state.questions.set(`${q.edition}\u0000${q.code}`, q.wording);
  }
  const byId = new Map<number, ExistingAssessment>();
  for (const row of await db.selectFrom('assessments').selectAll().where('edition', 'in', editions).execute()) {
    const existing: ExistingAssessment = { row, scores: new Map(), narratives: new Map() };
    byId.set(row.id, existing);
    state.assessments.set(assessmentKey(row.entity_id, row.edition), existing);
  }
  const ids = [...byId.keys()];
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK);
    for (const s of await db.selectFrom('scores').selectAll().where('assessment_id', 'in', chunk).execute()) {
      byId.get(s.assessment_id)!.scores.set(s.code, s.value);
    }
    for (const n of await db.selectFrom('narratives').selectAll().where('assessment_id', 'in', chunk).execute()) {
      byId.get(n.assessment_id)!.narratives.set(narrativeField(n.section, n.code), n.body);
    }
  }
  return state;
}
