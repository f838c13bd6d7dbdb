import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

/** A comment with its author's name. */
export interface CommentEntry {
  id: number;
  code: string | null;
  user: { id: number; name: string };
  body: string;
  createdAt: string;
  resolvedAt: string | null;
}

function commentsWithAuthors(db: Kysely<Database>) {
  return db
    .selectFrom('comments as c')
    .innerJoin('users as u', 'u.id', 'c.user_id')
    .select(['c.id', 'c.code', 'c.body', 'c.created_at', 'c.resolved_at', 'u.id as uid', 'u.name']);
}

type CommentRow = Awaited<ReturnType<ReturnType<typeof commentsWithAuthors>['executeTakeFirstOrThrow']>>;

const entry = (r: CommentRow): CommentEntry => ({
  id: r.id,
  code: r.code,
  user: { id: r.uid, name: r.name },
  body: r.body,
  createdAt: r.created_at,
  resolvedAt: r.resolved_at,
});

/** An assessment's comments, oldest first. */
export async function commentsOn(db: Kysely<Database>, assessmentId: number): Promise<CommentEntry[]> {
  const rows = await commentsWithAuthors(db).where('c.assessment_id', '=', assessmentId).orderBy('c.id').execute();
  return rows.map(entry);
}

export async function addComment(
  db: Kysely<Database>,
  comment: { assessmentId: number; code: string | null; user: { id: number; name: string }; body: string },
): Promise<CommentEntry> {
  const row = await db
    .insertInto('comments')
    .values({
      assessment_id: comment.assessmentId,
      code: comment.code,
      user_id: comment.user.id,
      body: comment.body,
      created_at: new Date().toISOString(),
      resolved_at: null,
    })
    .returning(['id', 'code', 'body', 'created_at', 'resolved_at'])
    .executeTakeFirstOrThrow();
  return entry({ ...row, uid: comment.user.id, name: comment.user.name });
}

/** Who wrote a comment and on which assessment: what deciding who may resolve it needs. */
export async function commentOwner(
  db: Kysely<Database>,
  id: number,
): Promise<{ assessmentId: number; authorId: number } | undefined> {
  const row = await db
    .selectFrom('comments')
    .select(['assessment_id', 'user_id'])
    .where('id', '=', id)
    .executeTakeFirst();
  return row && { assessmentId: row.assessment_id, authorId: row.user_id };
}

/** Marks a comment resolved (once: resolving again keeps the first time); undefined when there is no such comment. */
export async function resolveComment(db: Kysely<Database>, id: number): Promise<CommentEntry | undefined> {
  const row = await commentsWithAuthors(db).where('c.id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const resolvedAt = row.resolved_at ?? new Date().toISOString();
  if (!row.resolved_at)
    await db.updateTable('comments').set({ resolved_at: resolvedAt }).where('id', '=', row.id).execute();
  return entry({ ...row, resolved_at: resolvedAt });
}
