import type { EditionState } from '@freedom-ratings/core';
import type { Kysely } from 'kysely';
import { loadAssessments } from '../repositories/assessments.js';
import { narrativeField } from '../repositories/revisions.js';
import type { Assessment, Database } from '../schema.js';
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
  // Drafts too: an import compares with whatever is stored, in any workflow state.
  for (const a of await loadAssessments(db, { publishedOnly: false, editions, withNarratives: true })) {
    state.assessments.set(assessmentKey(a.row.entity_id, a.row.edition), {
      row: a.row,
      scores: new Map(Object.entries(a.scores)),
      narratives: new Map(a.narratives.map((n) => [narrativeField(n.section, n.code), n.body])),
    });
  }
  return state;
}
