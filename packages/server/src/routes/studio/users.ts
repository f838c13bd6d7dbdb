import { assessmentExists, assigneesOf, existingUserIds, listUsers, setAssignees } from '@freedom-ratings/db';
import type { ServerContext } from '../../context.js';
import { ApiError, notFound } from '../../errors/api-error.js';
import { defineRoute, signedIn, type RouteSpec } from '../../http/route.js';
import { createUser, publicUser } from '../../security/accounts.js';
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
        users: (await listUsers(db)).map(publicUser),
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
        if (!(await assessmentExists(db, params.id))) throw notFound(`No assessment ${params.id}.`);
        const ids = [...new Set(body.userIds)];
        const known = await existingUserIds(db, ids);
        const missing = ids.filter((id) => !known.has(id));
        if (missing.length) throw new ApiError('unknown-user', `No user ${missing.join(', ')}.`, { missing });
        await setAssignees(db, params.id, ids, user!.id);
        return { assignees: (await assigneesOf(db, { ids: [params.id] })).get(params.id) ?? [] };
      },
    }),
  ];
}
