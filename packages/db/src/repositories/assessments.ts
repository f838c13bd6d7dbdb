import {
  assess,
  assessIndex,
  hasPrClForm,
  type Assessed,
  type IndexScored,
  type AssessmentInput,
  type AssessmentState,
  type EditionState,
  type Granularity,
  type Methodology,
  type NarrativeSection,
} from '@freedom-ratings/core';
import type { Kysely } from 'kysely';
import { assessmentInput } from '../assessment-input.js';
import type { Assessment, Database, Edition, Entity } from '../schema.js';
import { byCodePoint, namedEntity } from './entities.js';
import { loadEntityRegistry } from './entity-registry.js';
import { methodologiesOfEditions } from './methodologies.js';

export interface NarrativeEntry {
  section: NarrativeSection;
  code: string;
  body: string;
}

/** One assessment as stored: its row, entity, edition, scores by code and texts. */
export interface StoredAssessment {
  row: Assessment;
  entity: Entity;
  edition: Edition;
  /** By code, in code order. */
  scores: Record<string, number>;
  /** By section, then code; empty unless asked for. */
  narratives: NarrativeEntry[];
  /** The methodology its edition names (undefined when it cannot be found: the engine then says so). */
  methodology: Methodology | undefined;
}

/** A stored assessment with the engine's input and everything the engine derives from it. */
export interface ScoredAssessment extends StoredAssessment {
  input: AssessmentInput;
  /** FIW's form (PR and CL); for another index `figures` is null and its problem says so, and `index` holds the figures. */
  assessed: Assessed;
  /** The general engine's figures (`assessIndex`) when the edition's methodology is not FIW's PR and CL; null for FIW. */
  index: IndexScored | null;
}

export interface AssessmentSelection {
  /**
   * Only what the public may see: assessments "published" in editions
   * "published". Every public route and every export loads through this
   * filter, never around it.
   */
  publishedOnly: boolean;
  edition?: number;
  editions?: readonly number[];
  /** Entity id. */
  entity?: string;
  ids?: readonly number[];
  /** Texts are most of the bytes; they are loaded only when asked for. */
  withNarratives?: boolean;
}

/**
 * The one loader of assessments, for the public API, the studio, the exports
 * and the importer: editions, rows, entities, scores and (on request) texts,
 * one query each whatever their number. Oldest edition first, then entity
 * name.
 */
export async function loadAssessments(
  db: Kysely<Database>,
  selection: AssessmentSelection,
): Promise<StoredAssessment[]> {
  if (selection.ids?.length === 0 || selection.editions?.length === 0) return [];
  // Editions and entities are small tables read on their own: joining their
  // columns onto every assessment row cost more than the extra round trips.
  let editionQuery = db.selectFrom('editions').selectAll();
  if (selection.publishedOnly) editionQuery = editionQuery.where('state', '=', 'published');
  if (selection.edition !== undefined) editionQuery = editionQuery.where('edition', '=', selection.edition);
  if (selection.editions) editionQuery = editionQuery.where('edition', 'in', selection.editions);
  const editions = new Map((await editionQuery.execute()).map((e) => [e.edition, e]));
  if (editions.size === 0) return [];
  const chosen = () => {
    let query = db.selectFrom('assessments').where('edition', 'in', [...editions.keys()]);
    if (selection.publishedOnly) query = query.where('state', '=', 'published');
    if (selection.entity !== undefined) query = query.where('entity_id', '=', selection.entity);
    if (selection.ids) query = query.where('id', 'in', selection.ids);
    return query;
  };
  const rows = await chosen().selectAll().execute();
  if (rows.length === 0) return [];
  const methodologies = await methodologiesOfEditions(db, editions.values());
  const entityIds = [...new Set(rows.map((r) => r.entity_id))];
  const entities = new Map(
    (await db.selectFrom('entities').selectAll().where('id', 'in', entityIds).execute()).map((e) => [
      e.id,
      namedEntity(e),
    ]),
  );
  const byId = new Map<number, StoredAssessment>();
  for (const row of rows) {
    byId.set(row.id, {
      row,
      entity: entities.get(row.entity_id)!,
      edition: editions.get(row.edition)!,
      scores: {},
      narratives: [],
      methodology: methodologies.get(row.edition),
    });
  }

  const ids = chosen().select('id');
  const scores = await db
    .selectFrom('scores')
    .select(['assessment_id', 'code', 'value'])
    .where('assessment_id', 'in', ids)
    .execute();
  scores.sort((a, b) => a.assessment_id - b.assessment_id || byCodePoint(a.code, b.code));
  for (const s of scores) byId.get(s.assessment_id)!.scores[s.code] = s.value;
  if (selection.withNarratives) {
    const texts = await db
      .selectFrom('narratives')
      .select(['assessment_id', 'section', 'code', 'body'])
      .where('assessment_id', 'in', ids)
      .execute();
    texts.sort(
      (a, b) => a.assessment_id - b.assessment_id || byCodePoint(a.section, b.section) || byCodePoint(a.code, b.code),
    );
    for (const t of texts) {
      byId.get(t.assessment_id)!.narratives.push({ section: t.section, code: t.code, body: t.body });
    }
  }
  return [...byId.values()].sort((a, b) => a.row.edition - b.row.edition || byCodePoint(a.entity.name, b.entity.name));
}

/** The engine's input for a stored assessment. */
export function inputOf(stored: StoredAssessment): AssessmentInput {
  const scores = Object.entries(stored.scores).map(([code, value]) => ({ code, value }));
  return assessmentInput(stored.entity.name, stored.row, scores, stored.methodology);
}

/** A stored assessment with the engine's input and what the engine derives from it. */
export function scoreAssessment(stored: StoredAssessment): ScoredAssessment {
  const input = inputOf(stored);
  const m = stored.methodology;
  const index = m && !hasPrClForm(m) ? assessIndex(input, m) : null;
  return { ...stored, input, assessed: assess(input, m), index };
}

/** What deciding who may act on an assessment needs: its state and version, its edition's state, the user's assignment. */
export interface AssessmentAccess {
  id: number;
  state: AssessmentState;
  version: number;
  editionState: EditionState;
  /** The edition's blind review: who may learn whose name. */
  blindReview: boolean;
  assigned: boolean;
}

export async function assessmentAccess(
  db: Kysely<Database>,
  id: number,
  userId: number,
): Promise<AssessmentAccess | undefined> {
  const row = await db
    .selectFrom('assessments as a')
    .innerJoin('editions as ed', 'ed.edition', 'a.edition')
    .leftJoin('assignments as s', (join) => join.onRef('s.assessment_id', '=', 'a.id').on('s.user_id', '=', userId))
    .select([
      'a.id',
      'a.state',
      'a.version',
      'ed.state as edition_state',
      'ed.blind_review',
      's.user_id as assigned_user',
    ])
    .where('a.id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    id: row.id,
    state: row.state,
    version: row.version,
    editionState: row.edition_state,
    blindReview: row.blind_review === 1,
    assigned: row.assigned_user !== null,
  };
}

export async function assessmentExists(db: Kysely<Database>, id: number): Promise<boolean> {
  const row = await db.selectFrom('assessments').select('id').where('id', '=', id).executeTakeFirst();
  return row !== undefined;
}

/** The id of the latest assessment of the entity's series before `edition`, whatever its state: what the studio compares with. */
export async function previousAssessmentId(
  db: Kysely<Database>,
  entityId: string,
  edition: number,
): Promise<number | undefined> {
  // The entity's series: before a succession it continues, its predecessor's assessments count (docs/entities.md).
  const registry = await loadEntityRegistry(db);
  const rows = await db
    .selectFrom('assessments')
    .select(['id', 'entity_id', 'edition'])
    .where('entity_id', 'in', registry.seriesOf(entityId))
    .where('edition', '<', edition)
    .orderBy('edition', 'desc')
    .execute();
  return rows.find((r) => (registry.seriesAt(entityId, r.edition)?.id ?? entityId) === r.entity_id)?.id;
}

/** One line of a studio list: an assessment's identity, workflow state and version. */
export interface AssessmentListing {
  id: number;
  edition: number;
  entity: Entity;
  state: AssessmentState;
  version: number;
  updatedAt: string;
  region: string | null;
  granularity: Granularity;
}

/** An edition's assessments, or a user's assigned ones, newest edition first and then by entity name. */
export async function listAssessments(
  db: Kysely<Database>,
  selection: { edition: number } | { assignedTo: number },
): Promise<AssessmentListing[]> {
  let query = db
    .selectFrom('assessments as a')
    .innerJoin('entities as e', 'e.id', 'a.entity_id')
    .select([
      'a.id',
      'a.edition',
      'a.state',
      'a.version',
      'a.updated_at',
      'a.kind',
      'a.region',
      'a.granularity',
      'e.id as eid',
      'e.name',
      'e.code',
      'e.iso3',
    ]);
  if ('edition' in selection) query = query.where('a.edition', '=', selection.edition);
  else {
    const assigned = selection.assignedTo;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('assignments as s')
          .select('s.assessment_id')
          .whereRef('s.assessment_id', '=', 'a.id')
          .where('s.user_id', '=', assigned),
      ),
    );
  }
  const rows = await query.execute();
  return rows
    .map((r) => ({
      id: r.id,
      edition: r.edition,
      // The kind in this edition: Kosovo was a territory until FIW 2009.
      entity: namedEntity({ id: r.eid, name: r.name, kind: r.kind, code: r.code, iso3: r.iso3 }),
      state: r.state,
      version: r.version,
      updatedAt: r.updated_at,
      region: r.region,
      granularity: r.granularity,
    }))
    .sort((a, b) => b.edition - a.edition || byCodePoint(a.entity.name, b.entity.name));
}
