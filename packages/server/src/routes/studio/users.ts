import {
  activePeople,
  assessmentAccess,
  assessmentExists,
  assigneesOf,
  changeUser,
  existingUserIds,
  findUserById,
  listUsers,
  setAssignees,
  setOneTimePassword,
} from '@freedom-ratings/db';
import { roleAllows } from '@freedom-ratings/core';
import type { ServerContext } from '../../context.js';
import { ApiError, notFound } from '../../errors/api-error.js';
import { defineRoute, signedIn, type RouteSpec, type SessionUser } from '../../http/route.js';
import { createUser, generatedPassword, publicUser } from '../../security/accounts.js';
import { invalidRequest } from '../../http/validation.js';
import { assignedPerson, deadlineToday } from '../../views/assigned-person.js';
import { managedUser } from '../../views/managed-user.js';
import {
  ENDPOINTS,
  createdUserSchema,
  managedUserListSchema,
  managedUserSchema,
  passwordResetSchema,
  peopleListSchema,
  errorSchema,
  assigneesSchema,
} from '@freedom-ratings/contract';

export function userRoutes(ctx: ServerContext): RouteSpec[] {
  const { db } = ctx.conn;
  /** Editors see who can be assigned (/studio/people): to analysts and reviewers a user is as unknown as a missing one. */
  const userVisible = async (id: number, caller: SessionUser) => {
    if (!roleAllows(caller.role, ['editor']) || !(await findUserById(db, id))) throw notFound(`No user ${id}.`);
  };
  return [
    defineRoute({
      ...ENDPOINTS.listUsers,
      summary: 'Every user, with email, role, state and last sign-in',
      description: 'Admins only: editors choose people from GET /api/v1/studio/people, which has names and roles.',
      tag: 'Admin',
      access: signedIn(['admin']),
      responses: { 200: { description: 'By email.', schema: managedUserListSchema } },
      handler: async () => ({
        users: (await listUsers(db)).map(managedUser),
      }),
    }),
    defineRoute({
      ...ENDPOINTS.listPeople,
      summary: 'The active users an editor can assign: id, name and role',
      description:
        'Read-only, for choosing analysts and reviewers. No emails, sign-in times or deactivated accounts: ' +
        'those are in the admins’ user list.',
      tag: 'Studio',
      access: signedIn(['editor']),
      responses: { 200: { description: 'By name.', schema: peopleListSchema } },
      handler: async () => ({ people: await activePeople(db) }),
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
      ...ENDPOINTS.updateUser,
      summary: 'Change a user’s role, or deactivate or reactivate them',
      description:
        'Deactivating ends their sessions at once. Admins cannot change their own role or deactivate themselves.',
      tag: 'Admin',
      access: signedIn(['admin']),
      checkVisible: (params, user) => userVisible(params.userId, user),
      responses: {
        200: { description: 'The user now.', schema: managedUserSchema },
        403: { description: 'Changing oneself.', schema: errorSchema },
        404: { description: 'No such user.', schema: errorSchema },
      },
      handler: async ({ params, body, user }) => {
        if (params.userId === user!.id) {
          throw new ApiError('forbidden', 'You cannot change your own role or deactivate yourself; ask another admin.');
        }
        const changed = await changeUser(db, params.userId, body);
        if (!changed) throw notFound(`No user ${params.userId}.`);
        return managedUser(changed);
      },
    }),
    defineRoute({
      ...ENDPOINTS.resetPassword,
      summary: 'Reset a user’s password to a new one-time one',
      description:
        'The new password is returned once; the user must change it at the next sign-in, and their sessions end.',
      tag: 'Admin',
      access: signedIn(['admin']),
      checkVisible: (params, user) => userVisible(params.userId, user),
      responses: {
        200: { description: 'The one-time password.', schema: passwordResetSchema },
        404: { description: 'No such user.', schema: errorSchema },
      },
      handler: async ({ params }) => {
        const { password, stored } = await generatedPassword();
        const changed = await setOneTimePassword(db, params.userId, stored);
        if (!changed) throw notFound(`No user ${params.userId}.`);
        return { user: managedUser(changed), password };
      },
    }),
    defineRoute({
      ...ENDPOINTS.setAssignees,
      summary: 'Set who is assigned to one assessment, each with a deadline',
      description:
        'Replaces the people assigned to the assessment (its analyst and reviewer, or others) and their deadlines.',
      tag: 'Studio',
      access: signedIn(['editor']),
      checkVisible: async (params) => {
        if (!(await assessmentExists(db, params.id))) throw notFound(`No assessment ${params.id}.`);
      },
      responses: {
        200: { description: 'The assignees now.', schema: assigneesSchema },
        400: { description: 'An unknown user id.', schema: errorSchema },
      },
      handler: async ({ params, body, user }) => {
        if (!(await assessmentExists(db, params.id))) throw notFound(`No assessment ${params.id}.`);
        const ids = body.assignees.map((a) => a.userId);
        const twice = ids.filter((id, i) => ids.indexOf(id) !== i);
        if (twice.length) {
          throw invalidRequest([{ location: 'body', path: 'assignees', message: `user ${twice[0]} is listed twice` }]);
        }
        const known = await existingUserIds(db, ids);
        const missing = ids.filter((id) => !known.has(id));
        if (missing.length) throw new ApiError('unknown-user', `No user ${missing.join(', ')}.`, { missing });
        await setAssignees(db, params.id, body.assignees, user!.id);
        const state = (await assessmentAccess(db, params.id, user!.id))!.state;
        const today = deadlineToday();
        const now = (await assigneesOf(db, { ids: [params.id] })).get(params.id) ?? [];
        return { assignees: now.map((a) => assignedPerson(a, state, today)) };
      },
    }),
  ];
}
