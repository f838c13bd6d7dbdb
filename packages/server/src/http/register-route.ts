import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ApiError, forbidden, unauthorized } from '../errors/api-error.js';
import { checkCsrfToken, checkSameOrigin, isStateChanging } from '../security/csrf.js';
import { roleAllows } from '@freedom-ratings/core';
import type { ResolvedSession, SessionResolver } from '../security/session-resolver.js';
import { sessionToken } from '../security/session-cookie.js';
import type { RouteSpec } from './route.js';
import { checkInput, checkOutput, invalidRequest, type InputCheck, type InputProblem } from './validation.js';

export interface RegisterOptions {
  sessions: SessionResolver;
  /** Check every JSON response against its schema (cheap; off only to measure its cost). */
  validateResponses: boolean;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The session, once a signed-in route resolved it. */
    session: ResolvedSession | null;
  }
}

/**
 * Registers one route: access check (session, role, CSRF) first, then input
 * validation, then the handler, then the response check. Access comes before
 * validation so that an anonymous caller learns nothing from error details.
 */
export function registerRoute(app: FastifyInstance, route: RouteSpec, options: RegisterOptions): void {
  const success = Object.entries(route.responses)
    .filter(([status, r]) => Number(status) < 300 && r.schema)
    .sort(([a], [b]) => Number(a) - Number(b))[0];
  const successStatus = success ? Number(success[0]) : 200;
  const successSchema = success?.[1].schema;
  const name = `${route.method} ${route.path}`;
  if (route.response && route.response !== successSchema) {
    throw new Error(`${name}: its success response must use the contract's schema for ${route.operationId}`);
  }

  app.route({
    method: route.method,
    url: route.path,
    handler: async (request, reply) => {
      if (isStateChanging(request.method)) checkSameOrigin(request);
      const session = await authorise(request, route, options.sessions);
      if (session && !roleAllowed(route, session)) await refuseRole(route, request, session);
      const { params, query, body } = parseRequest(route, request);
      if (route.access.kind === 'signed-in' && !reply.hasHeader('cache-control')) {
        reply.header('cache-control', 'private, no-store');
      }
      const result = await route.handler({ request, reply, params, query, body, user: session?.user ?? null });
      if (result === undefined) return reply;
      const checked = successSchema && options.validateResponses ? checkOutput(successSchema, result, name) : result;
      if (reply.statusCode === 200 && successStatus !== 200) reply.code(successStatus);
      return checked;
    },
  });
}

async function authorise(
  request: FastifyRequest,
  route: RouteSpec,
  sessions: SessionResolver,
): Promise<ResolvedSession | null> {
  request.session = null;
  if (route.access.kind === 'public') return null;
  const token = sessionToken(request);
  const session = token ? await sessions.resolve(token) : null;
  if (!session) throw unauthorized();
  request.session = session;
  if (isStateChanging(request.method)) checkCsrfToken(request, session.csrfToken);
  if (session.mustChangePassword && !route.allowTemporaryPassword) {
    throw new ApiError('password-change-required', 'Change your one-time password first (POST /api/v1/auth/password).');
  }
  return session;
}

function roleAllowed(route: RouteSpec, session: ResolvedSession): boolean {
  const roles = route.access.kind === 'signed-in' ? route.access.roles : 'any';
  return roles === 'any' || roleAllows(session.user.role, roles);
}

/**
 * A refused role is 403 only for a resource the caller may see; one that does
 * not exist, or that they may not see, is 404 as for everyone else, so a
 * refusal never tells whether it exists (see docs/api.md, "Refusals").
 */
async function refuseRole(route: RouteSpec, request: FastifyRequest, session: ResolvedSession): Promise<never> {
  const roles = route.access.kind === 'signed-in' ? route.access.roles : 'any';
  if (route.checkVisible && route.params) {
    const params = checkInput(route.params, request.params, 'params');
    if (!params.ok) throw invalidRequest(params.problems);
    await route.checkVisible(params.value, session.user);
  }
  throw forbidden(`This needs one of these roles: ${[roles].flat().join(', ')}.`);
}

/**
 * Params, query and body checked together: one 400 lists the problems of all
 * three, each with its location.
 */
function parseRequest(route: RouteSpec, request: FastifyRequest): { params: unknown; query: unknown; body: unknown } {
  const problems: InputProblem[] = [];
  const take = <T>(checked: InputCheck<T> | undefined): T | undefined => {
    if (!checked) return undefined;
    if (checked.ok) return checked.value;
    problems.push(...checked.problems);
    return undefined;
  };
  const params = take(route.params && checkInput(route.params, request.params, 'params'));
  const query = take(route.query && checkInput(route.query, request.query ?? {}, 'query'));
  let body: unknown;
  if (route.body) {
    body = take(checkInput(route.body, request.body ?? {}, 'body'));
  } else if (!isEmptyBody(request.body)) {
    problems.push({ location: 'body', path: '', message: 'this route takes no request body' });
  }
  if (problems.length > 0) throw invalidRequest(problems);
  return { params, query, body };
}

/** No body, an empty one, or `{}` (which many clients send with every POST). */
function isEmptyBody(body: unknown): boolean {
  if (body === undefined || body === null || body === '') return true;
  return typeof body === 'object' && !Array.isArray(body) && Object.keys(body).length === 0;
}
