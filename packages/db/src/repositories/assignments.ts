import type { Role } from '@freedom-ratings/core';
import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

export interface Assignee {
  id: number;
  name: string;
  role: Role;
  /** YYYY-MM-DD, or null for none. */
  deadline: string | null;
}

/** Whom to assign, and by when. */
export interface AssignmentOrder {
  userId: number;
  deadline: string | null;
}

/** Who is assigned to each of these assessments (or every assessment of an edition), by name. */
export async function assigneesOf(
  db: Kysely<Database>,
  of: { ids: readonly number[] } | { edition: number },
): Promise<Map<number, Assignee[]>> {
  let query = db
    .selectFrom('assignments as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select(['s.assessment_id', 's.deadline', 'u.id', 'u.name', 'u.role'])
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
    list.push({ id: r.id, name: r.name, role: r.role, deadline: r.deadline });
    byAssessment.set(r.assessment_id, list);
  }
  return byAssessment;
}

/** Replaces who is assigned to an assessment, and their deadlines, in one transaction. */
export async function setAssignees(
  db: Kysely<Database>,
  assessmentId: number,
  orders: readonly AssignmentOrder[],
  assignedBy: number,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('assignments').where('assessment_id', '=', assessmentId).execute();
    if (orders.length === 0) return;
    const now = new Date().toISOString();
    await trx
      .insertInto('assignments')
      .values(
        orders.map((o) => ({
          assessment_id: assessmentId,
          user_id: o.userId,
          assigned_by: assignedBy,
          created_at: now,
          deadline: o.deadline,
        })),
      )
      .execute();
  });
}
