import { addComment, assessmentExists, commentsOn, resolveComment } from '@freedom-ratings/db';
import type { ServerContext } from '../../context.js';
import { notFound } from '../../errors/api-error.js';
import { defineRoute, signedIn, type RouteSpec } from '../../http/route.js';
import { ENDPOINTS, errorSchema, commentListSchema, commentSchema } from '@freedom-ratings/contract';

export function commentRoutes(ctx: ServerContext): RouteSpec[] {
  const { db } = ctx.conn;
  const exists = async (id: number) => {
    if (!(await assessmentExists(db, id))) throw notFound(`No assessment ${id}.`);
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
        return { comments: await commentsOn(db, params.id) };
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
        return addComment(db, { assessmentId: params.id, code: body.code, user: user!, body: body.body });
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
        const comment = await resolveComment(db, params.commentId);
        if (!comment) throw notFound(`No comment ${params.commentId}.`);
        return comment;
      },
    }),
  ];
}
