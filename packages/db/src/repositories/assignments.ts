import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

export interface Assignee {
  id: number;
  name: string;
}

/** Who is assigned to each of these assessments (or every assessment of an edition), by name. */
export async function assigneesOf(
  db: Kysely<Database>,
  of: { ids: readonly number[] } | { edition: number },
): Promise<Map<number, Assignee[]>> {
  let query = db
    .selectFrom('assignments as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select(['s.assessment_id', 'u.id', 'u.name'])
    .orderBy('u.name');
  if ('ids' in of) {
    if (of.ids.length === 0) return new Map();
    query = query.where('s.assessment_id', 'in', of.ids);
  } else {
    const edition = of.edition;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('assessments as a')
          .select('a.id')
          .whereRef('a.id', '=', 's.assessment_id')
          .where('a.edition', '=', edition),
      ),
    );
  }
  const byAssessment = new Map<number, Assignee[]>();
  for (const r of await query.execute()) {
    const list = byAssessment.get(r.assessment_id) ?? [];
    list.push({ id: r.id, name: r.name });
    byAssessment.set(r.assessment_id, list);
  }
  return byAssessment;
}

/** Replaces who is assigned to an assessment, in one transaction. */
export async function setAssignees(
  db: Kysely<Database>,
  assessmentId: number,
  userIds: readonly number[],
  assignedBy: number,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('assignments').where('assessment_id', '=', assessmentId).execute();
    if (userIds.length === 0) return;
    const now = new Date().toISOString();
    await trx
      .insertInto('assignments')
      .values(
        userIds.map((id) => ({ assessment_id: assessmentId, user_id: id, assigned_by: assignedBy, created_at: now })),
      )
      .execute();
  });
}
