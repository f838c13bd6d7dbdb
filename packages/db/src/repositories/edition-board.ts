import type { AssessmentState, Granularity } from '@freedom-ratings/core';
import type { Kysely } from 'kysely';
import type { Database, Entity } from '../schema.js';
import type { Assignee, AssignmentOrder } from './assignments.js';

export type BoardAssignee = Assignee;

/** One line of an edition's progress board, as stored: counts, not contents. */
export interface BoardEntry {
  id: number;
  entity: Entity;
  region: string | null;
  granularity: Granularity;
  state: AssessmentState;
  version: number;
  updatedAt: string;
  assignees: BoardAssignee[];
  /** Codes with a score. */
  scored: number;
  /** Per-question texts (indicator or subcategory) that are not empty. */
  texts: number;
}

/**
 * Every assessment of an edition with who is assigned and how far it is, in
 * four queries (the board of an edition's 208 assessments takes one round of them).
 */
export async function editionBoard(db: Kysely<Database>, edition: number): Promise<BoardEntry[]> {
  const rows = await db
    .selectFrom('assessments as a')
    .innerJoin('entities as e', 'e.id', 'a.entity_id')
    .select([
      'a.id',
      'a.region',
      'a.granularity',
      'a.state',
      'a.version',
      'a.updated_at',
      'a.kind',
      'e.id as eid',
      'e.name',
      'e.code',
      'e.iso3',
    ])
    .where('a.edition', '=', edition)
    .orderBy('e.name')
    .execute();
  if (rows.length === 0) return [];
  const ofEdition = db.selectFrom('assessments').select('id').where('edition', '=', edition);
  const [progress, assignees] = await Promise.all([
    assessmentProgress(
      db,
      rows.map((r) => r.id),
    ),
    db
      .selectFrom('assignments as s')
      .innerJoin('users as u', 'u.id', 's.user_id')
      .select(['s.assessment_id', 's.deadline', 'u.id', 'u.name', 'u.role'])
      .where('s.assessment_id', 'in', ofEdition)
      .orderBy('u.name')
      .execute(),
  ]);
  const assigned = new Map<number, BoardAssignee[]>();
  for (const s of assignees) {
    const list = assigned.get(s.assessment_id) ?? [];
    list.push({ id: s.id, name: s.name, role: s.role, deadline: s.deadline });
    assigned.set(s.assessment_id, list);
  }
  return rows.map((r) => ({
    id: r.id,
    // The kind in this edition: Kosovo was a territory until FIW 2009.
    entity: { id: r.eid, name: r.name, kind: r.kind, code: r.code, iso3: r.iso3 },
    region: r.region,
    granularity: r.granularity,
    state: r.state,
    version: r.version,
    updatedAt: r.updated_at,
    assignees: assigned.get(r.id) ?? [],
    ...progressAt(progress, r.id, r.granularity),
  }));
}

/** Scores given and per-question texts written, by assessment and section, in two grouped queries. */
export async function assessmentProgress(db: Kysely<Database>, of: readonly number[]): Promise<Map<string, number>> {
  if (of.length === 0) return new Map();
  const [scores, texts] = await Promise.all([
    db
      .selectFrom('scores')
      .select(['assessment_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('assessment_id', 'in', of)
      .groupBy('assessment_id')
      .execute(),
    db
      .selectFrom('narratives')
      .select(['assessment_id', 'section', (eb) => eb.fn.countAll<number>().as('n')])
      .where('assessment_id', 'in', of)
      .where('section', 'in', ['indicator', 'subcategory'])
      .where('body', '<>', '')
      .groupBy(['assessment_id', 'section'])
      .execute(),
  ]);
  const counts = new Map<string, number>();
  for (const s of scores) counts.set(`${s.assessment_id}:scores`, Number(s.n));
  for (const t of texts) counts.set(`${t.assessment_id}:${t.section}`, Number(t.n));
  return counts;
}

/** One assessment's progress from `assessmentProgress`: texts are counted at the level it is scored at. */
export function progressAt(counts: Map<string, number>, id: number, granularity: Granularity) {
  return {
    scored: counts.get(`${id}:scores`) ?? 0,
    texts: counts.get(`${id}:${granularity === 'subcategories' ? 'subcategory' : 'indicator'}`) ?? 0,
  };
}

/** The regions an edition's assessments are in, by name. */
export async function editionRegions(db: Kysely<Database>, edition: number): Promise<string[]> {
  const rows = await db
    .selectFrom('assessments')
    .select('region')
    .distinct()
    .where('edition', '=', edition)
    .where('region', 'is not', null)
    .execute();
  return rows.map((r) => r.region!).sort((a, b) => a.localeCompare(b));
}

/**
 * Assigns every assessment of an edition still being worked on (draft,
 * submitted, returned) — in one region, or all — to these users with their
 * deadlines, replacing who was assigned, in one transaction. Returns how many
 * were assigned.
 */
export async function assignInBulk(
  db: Kysely<Database>,
  edition: number,
  region: string | null,
  orders: readonly AssignmentOrder[],
  assignedBy: number,
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    let query = trx
      .selectFrom('assessments')
      .select('id')
      .where('edition', '=', edition)
      .where('state', 'in', ['draft', 'submitted', 'returned']);
    if (region !== null) query = query.where('region', '=', region);
    const ids = (await query.execute()).map((r) => r.id);
    if (ids.length === 0) return 0;
    await trx.deleteFrom('assignments').where('assessment_id', 'in', ids).execute();
    const now = new Date().toISOString();
    const values = ids.flatMap((assessment_id) =>
      orders.map((o) => ({
        assessment_id,
        user_id: o.userId,
        assigned_by: assignedBy,
        created_at: now,
        deadline: o.deadline,
      })),
    );
    // Chunked: a whole edition times two people stays under the bind-parameter limits.
    for (let i = 0; i < values.length; i += 500) {
      await trx
        .insertInto('assignments')
        .values(values.slice(i, i + 500))
        .execute();
    }
    return ids.length;
  });
}
