import type { ServerContext } from '../../context.js';
import { assigneesOf } from '../../data/studio-assessment.js';
import { createUser, publicUser } from '../../data/users.js';
import { ApiError, notFound } from '../../errors/api-error.js';
import { defineRoute, signedIn, type RouteSpec } from '../../http/route.js';
import { ENDPOINTS, createdUserSchema, userListSchema, errorSchema, assigneesSchema } from '@freedom-ratings/contract';

export function userRoutes(ctx: ServerContext): RouteSpec[] {
  const { db } = ctx.conn;
  return [
    defineRoute({
      ...ENDPOINTS.listUsers,
      summary: 'Every user',
      tag: 'Admin',
      access: signedIn(['admin']),
      responses: { 200: { description: 'By email.', schema: userListSchema } },
      handler: async () => ({
        users: (await db.selectFrom('users').selectAll().orderBy('email').execute()).map(publicUser),
      }),
    }),
    defineRoute({
      ...ENDPOINTS.createUser,
      summary: 'Create a user',
      description: 'Returns a generated password once; the user must change it at first sign-in.',
      tag: 'Admin',
      access: signedIn(['admin']),
      responses: {
        201: { description: 'Created.', schema: createdUserSchema },
        409: { description: 'The email is taken.', schema: errorSchema },
      },
      handler: async ({ body }) => {
        const created = await createUser(db, body);
        return { user: publicUser(created.user), password: created.password };
      },
    }),
    defineRoute({
      ...ENDPOINTS.setAssignees,
      summary: 'Set who may edit an assessment',
      description: 'Replaces the list of analysts (or other users) assigned to the assessment.',
      tag: 'Admin',
      access: signedIn(['admin']),
      responses: {
        200: { description: 'The assignees now.', schema: assigneesSchema },
        400: { description: 'An unknown user id.', schema: errorSchema },
      },
      handler: async ({ params, body, user }) => {
        const assessment = await db
          .selectFrom('assessments')
          .select('id')
          .where('id', '=', params.id)
          .executeTakeFirst();
        if (!assessment) throw notFound(`No assessment ${params.id}.`);
        const ids = [...new Set(body.userIds)];
        const known = ids.length ? await db.selectFrom('users').select('id').where('id', 'in', ids).execute() : [];
        const missing = ids.filter((id) => !known.some((k) => k.id === id));
        if (missing.length) throw new ApiError('unknown-user', `No user ${missing.join(', ')}.`, { missing });
        await db.transaction().execute(async (trx) => {
          await trx.deleteFrom('assignments').where('assessment_id', '=', params.id).execute();
          if (ids.length) {
            const now = new Date().toISOString();
            await trx
              .insertInto('assignments')
              .values(
                ids.map((id) => ({ assessment_id: params.id, user_id: id, assigned_by: user!.id, created_at: now })),
              )
              .execute();
          }
        });
        return { assignees: await assigneesOf(db, params.id) };
      },
    }),
  ];
}
