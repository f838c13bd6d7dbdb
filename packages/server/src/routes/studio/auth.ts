import {
  deleteOtherSessions,
  findUserByEmail,
  findUserById,
  inWriteTransaction,
  recordSignIn,
  setPasswordHash,
} from '@freedom-ratings/db';
import type { ServerContext } from '../../context.js';
import { ApiError } from '../../errors/api-error.js';
import { PUBLIC, defineRoute, signedIn, type RouteSpec } from '../../http/route.js';
import { normaliseEmail, publicUser } from '../../security/accounts.js';
import { createSession, deleteSession } from '../../security/database-sessions.js';
import { invalidRequest } from '../../http/validation.js';
import { newPasswordProblem } from '../../security/password-policy.js';
import { decoyHash, hashPassword, verifyPassword } from '../../security/password.js';
import { clearSessionCookie, sessionToken, setSessionCookie } from '../../security/session-cookie.js';
import { ENDPOINTS, okSchema, sessionSchema, errorSchema } from '@freedom-ratings/contract';

const wrongCredentials = () => new ApiError('invalid-credentials', 'Wrong email or password.');
const wrongCurrentPassword = () => new ApiError('invalid-credentials', 'The current password is wrong.');

export function authRoutes(ctx: ServerContext): RouteSpec[] {
  const { db } = ctx.conn;
  return [
    defineRoute({
      ...ENDPOINTS.login,
      summary: 'Sign in',
      description:
        'Sets an HttpOnly, SameSite session cookie and returns the CSRF token for later writes. Every attempt is ' +
        'counted before its password is checked: 10 failed ones per address or per account in 15 minutes, and ' +
        'more than a few at the same time, are refused with 429 and Retry-After, without checking the password.',
      tag: 'Auth',
      access: PUBLIC,
      responses: {
        200: { description: 'Signed in.', schema: sessionSchema },
        401: { description: 'Wrong email or password.', schema: errorSchema },
        429: { description: 'Too many failed or simultaneous attempts.', schema: errorSchema },
      },
      handler: async ({ request, reply, body }) => {
        reply.header('cache-control', 'no-store');
        const email = normaliseEmail(body.email);
        const user = await ctx.loginLimit.attempt(request.ip, email, async () => {
          const found = await findUserByEmail(db, email);
          const stored = found
            ? { hash: found.password_hash, salt: found.password_salt, params: found.password_params }
            : await decoyHash();
          const ok = await verifyPassword(body.password, stored);
          if (!found || !ok || found.disabled_at !== null) throw wrongCredentials();
          return found;
        });
        const session = await createSession(db, user.id, ctx.sessionMaxAge);
        await recordSignIn(db, user.id, new Date());
        setSessionCookie(request, reply, session.token, ctx.sessionMaxAge);
        return { user: publicUser(user), csrfToken: session.csrfToken };
      },
    }),
    defineRoute({
      ...ENDPOINTS.logout,
      summary: 'Sign out',
      description: 'Ends the session in the database, so the cookie is worthless even if it was copied.',
      tag: 'Auth',
      access: signedIn(),
      allowTemporaryPassword: true,
      responses: { 200: { description: 'Signed out.', schema: okSchema } },
      handler: async ({ request, reply }) => {
        const token = sessionToken(request);
        if (token) await deleteSession(db, token);
        clearSessionCookie(request, reply);
        return { ok: true as const };
      },
    }),
    defineRoute({
      ...ENDPOINTS.me,
      summary: 'The signed-in user and the session’s CSRF token',
      tag: 'Auth',
      access: signedIn(),
      allowTemporaryPassword: true,
      responses: { 200: { description: 'The session.', schema: sessionSchema } },
      handler: async ({ request, user }) => {
        const row = await findUserById(db, user!.id);
        return { user: publicUser(row!), csrfToken: request.session!.csrfToken };
      },
    }),
    defineRoute({
      ...ENDPOINTS.changePassword,
      summary: 'Change one’s own password',
      description:
        'Ends every other session of the user (this one stays signed in). The new password needs 12 characters, ' +
        'must differ from the current (or one-time) one and must not be a common password (400 at ' +
        '`newPassword`). A wrong `currentPassword` counts against the same limit as a failed sign-in (429).',
      tag: 'Auth',
      access: signedIn(),
      allowTemporaryPassword: true,
      responses: {
        200: { description: 'Changed; the other sessions ended.', schema: okSchema },
        400: { description: 'The new password is refused; the message says why.', schema: errorSchema },
        401: { description: 'The current password is wrong.', schema: errorSchema },
        429: { description: 'Too many wrong current passwords.', schema: errorSchema },
      },
      handler: async ({ request, body, user }) => {
        const problem = newPasswordProblem(body.newPassword, body.currentPassword);
        if (problem) throw invalidRequest([{ location: 'body', path: 'newPassword', message: problem }]);
        const row = await ctx.loginLimit.attempt(request.ip, user!.email, async () => {
          const found = (await findUserById(db, user!.id))!;
          const stored = { hash: found.password_hash, salt: found.password_salt, params: found.password_params };
          if (!(await verifyPassword(body.currentPassword, stored))) throw wrongCurrentPassword();
          return found;
        });
        const stored = await hashPassword(body.newPassword);
        await inWriteTransaction(ctx.conn, async (trx) => {
          await setPasswordHash(trx, row.id, stored);
          await deleteOtherSessions(trx, row.id, request.session!.id);
        });
        return { ok: true as const };
      },
    }),
  ];
}
