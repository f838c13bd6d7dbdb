import type { ServerContext } from '../../context.js';
import { notFound } from '../../errors/api-error.js';
import { defineRoute, signedIn, type RouteSpec } from '../../http/route.js';
import { ENDPOINTS, errorSchema, commentListSchema, commentSchema } from '@freedom-ratings/contract';

export function commentRoutes(ctx: ServerContext): RouteSpec[] {
  const { db } = ctx.conn;
  const list = (assessmentId: number) =>
    db
      .selectFrom('comments as c')
      .innerJoin('users as u', 'u.id', 'c.user_id')
      .select(['c.id', 'c.code', 'c.body', 'c.created_at', 'c.resolved_at', 'u.id as uid', 'u.name'])
      .where('c.assessment_id', '=', assessmentId)
      .orderBy('c.id')
      .execute()
      .then((rows) =>
        rows.map((r) => ({
          id: r.id,
          code: r.code,
          user: { id: r.uid, name: r.name },
          body: r.body,
          createdAt: r.created_at,
          resolvedAt: r.resolved_at,
        })),
      );
  const exists = async (id: number) => {
    const row = await db.selectFrom('assessments').select('id').where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound(`No assessment ${id}.`);
  };
  return [
    defineRoute({
      ...ENDPOINTS.listComments,
      summary: 'Comments on an assessment',
      tag: 'Studio',
      access: signedIn(),
      responses: { 200: { description: 'Oldest first.', schema: commentListSchema } },
      handler: async ({ params }) => {
        await exists(params.id);
        return { comments: await list(params.id) };
      },
    }),
    defineRoute({
      ...ENDPOINTS.addComment,
      summary: 'Comment on an indicator, a subcategory or the whole assessment',
      tag: 'Studio',
      access: signedIn(),
      responses: {
        201: { description: 'The new comment.', schema: commentSchema },
        404: { description: 'No such assessment.', schema: errorSchema },
      },
      handler: async ({ params, body, user }) => {
        await exists(params.id);
        const row = await db
          .insertInto('comments')
          .values({
            assessment_id: params.id,
            code: body.code,
            user_id: user!.id,
            body: body.body,
            created_at: new Date().toISOString(),
            resolved_at: null,
          })
          .returning(['id', 'code', 'body', 'created_at', 'resolved_at'])
          .executeTakeFirstOrThrow();
        return {
          id: row.id,
          code: row.code,
          user: { id: user!.id, name: user!.name },
          body: row.body,
          createdAt: row.created_at,
          resolvedAt: row.resolved_at,
        };
      },
    }),
    defineRoute({
      ...ENDPOINTS.resolveComment,
      summary: 'Mark a comment resolved',
      tag: 'Studio',
      access: signedIn(['reviewer', 'editor', 'analyst']),
      responses: {
        200: { description: 'The comment, resolved.', schema: commentSchema },
        404: { description: 'No such comment.', schema: errorSchema },
      },
      handler: async ({ params }) => {
        const row = await db
          .selectFrom('comments as c')
          .innerJoin('users as u', 'u.id', 'c.user_id')
          .select(['c.id', 'c.code', 'c.body', 'c.created_at', 'c.resolved_at', 'u.id as uid', 'u.name'])
          .where('c.id', '=', params.commentId)
          .executeTakeFirst();
        if (!row) throw notFound(`No comment ${params.commentId}.`);
        const resolvedAt = row.resolved_at ?? new Date().toISOString();
        if (!row.resolved_at) {
          await db.updateTable('comments').set({ resolved_at: resolvedAt }).where('id', '=', row.id).execute();
        }
        return {
          id: row.id,
          code: row.code,
          user: { id: row.uid, name: row.name },
          body: row.body,
          createdAt: row.created_at,
          resolvedAt,
        };
      },
    }),
  ];
}
