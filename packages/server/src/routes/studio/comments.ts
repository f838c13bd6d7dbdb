import {
  addComment,
  assessmentAccess,
  commentOwner,
  commentsOn,
  resolveComment,
  type CommentEntry,
} from '@freedom-ratings/db';
import type { ServerContext } from '../../context.js';
import { notFound } from '../../errors/api-error.js';
import { defineRoute, signedIn, type RouteSpec, type SessionUser } from '../../http/route.js';
import { personMask } from '../../security/blind-review.js';
import { checkCanResolve } from '../../security/comment-access.js';
import { ENDPOINTS, errorSchema, commentListSchema, commentSchema } from '@freedom-ratings/contract';

export function commentRoutes(ctx: ServerContext): RouteSpec[] {
  const { db } = ctx.conn;
  /** The assessment's blind-review setting; 404 when there is no such assessment. */
  const blindReviewOf = async (id: number, viewer: SessionUser) => {
    const access = await assessmentAccess(db, id, viewer.id);
    if (!access) throw notFound(`No assessment ${id}.`);
    return access.blindReview;
  };
  /** Comments with their authors as `viewer` may see them (blind review). */
  const shown = async (comments: CommentEntry[], viewer: SessionUser, blindReview: boolean) => {
    const mask = await personMask(
      db,
      viewer,
      blindReview,
      comments.map((c) => c.user.id),
    );
    return comments.map((c) => ({ ...c, user: mask(c.user) }));
  };
  return [
    defineRoute({
      ...ENDPOINTS.listComments,
      summary: 'Comments on an assessment',
      description: 'Under the edition’s blind review, analysts and reviewers see each other as anonymous.',
      tag: 'Studio',
      access: signedIn(),
      responses: { 200: { description: 'Oldest first.', schema: commentListSchema } },
      handler: async ({ params, user }) => {
        const blind = await blindReviewOf(params.id, user!);
        return { comments: await shown(await commentsOn(db, params.id), user!, blind) };
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
        await blindReviewOf(params.id, user!);
        return addComment(db, { assessmentId: params.id, code: body.code, user: user!, body: body.body });
      },
    }),
    defineRoute({
      ...ENDPOINTS.resolveComment,
      summary: 'Mark a comment resolved',
      description:
        'Open to the comment’s author, the assessment’s assignees, reviewers and editors (and admins); any other ' +
        'caller is refused with 403. A comment that does not exist is 404 for everyone.',
      tag: 'Studio',
      access: signedIn(),
      responses: {
        200: { description: 'The comment, resolved.', schema: commentSchema },
        403: { description: 'Not the author, an assignee, a reviewer or an editor.', schema: errorSchema },
        404: { description: 'No such comment.', schema: errorSchema },
      },
      handler: async ({ params, user }) => {
        const owner = await commentOwner(db, params.commentId);
        if (!owner) throw notFound(`No comment ${params.commentId}.`);
        await checkCanResolve(db, user!, owner);
        const comment = (await resolveComment(db, params.commentId))!;
        const [one] = await shown([comment], user!, await blindReviewOf(owner.assessmentId, user!));
        return one!;
      },
    }),
  ];
}
