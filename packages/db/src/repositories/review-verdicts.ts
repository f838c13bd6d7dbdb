import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

export interface VerdictEntry {
  code: string;
  user: { id: number; name: string };
  verdict: 'agree' | 'disagree';
  version: number;
  at: string;
}

/** Reviewers' per-question verdicts on an assessment, by code then reviewer. */
export async function verdictsOn(db: Kysely<Database>, assessmentId: number): Promise<VerdictEntry[]> {
  const rows = await db
    .selectFrom('review_verdicts as v')
    .innerJoin('users as u', 'u.id', 'v.user_id')
    .select(['v.code', 'v.verdict', 'v.version', 'v.at', 'u.id', 'u.name'])
    .where('v.assessment_id', '=', assessmentId)
    .orderBy('v.code')
    .orderBy('u.name')
    .execute();
  return rows.map((r) => ({
    code: r.code,
    user: { id: r.id, name: r.name },
    verdict: r.verdict,
    version: r.version,
    at: r.at,
  }));
}

/** Records (or, with null, withdraws) one reviewer's verdict on one question, at the version they read. */
export async function setVerdict(
  db: Kysely<Database>,
  v: { assessmentId: number; code: string; userId: number; verdict: 'agree' | 'disagree' | null; version: number },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .deleteFrom('review_verdicts')
      .where('assessment_id', '=', v.assessmentId)
      .where('code', '=', v.code)
      .where('user_id', '=', v.userId)
      .execute();
    if (v.verdict === null) return;
    await trx
      .insertInto('review_verdicts')
      .values({
        assessment_id: v.assessmentId,
        code: v.code,
        user_id: v.userId,
        verdict: v.verdict,
        version: v.version,
        at: new Date().toISOString(),
      })
      .execute();
  });
}
