import { errorSchema } from '@freedom-ratings/contract';
import { z } from 'zod';
import type { RouteSpec } from '../http/route.js';
import { CSRF_HEADER } from '../security/csrf.js';
import { SESSION_COOKIE } from '../security/session-cookie.js';

type JsonSchema = Record<string, unknown>;

export interface OpenApiDocument {
  openapi: '3.1.0';
  info: { title: string; version: string; description: string; license: { name: string; identifier: string } };
  servers: { url: string }[];
  tags: { name: string; description?: string }[];
  paths: Record<string, Record<string, unknown>>;
  components: { schemas: Record<string, JsonSchema>; securitySchemes: Record<string, unknown> };
}

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const out = z.toJSONSchema(schema, { io, target: 'draft-2020-12', unrepresentable: 'any' }) as JsonSchema;
  delete out.$schema;
  return out;
}

/** `/api/v1/editions/:edition` → `/api/v1/editions/{edition}`; a trailing `*` becomes `{file}`. */
function openApiPath(url: string): string {
  return url.replace(/:([A-Za-z_][A-Za-z0-9_]*)/g, '{$1}').replace(/\/\*$/, `/{${WILDCARD_NAME}}`);
}

/** A trailing `*` (rest of the path) is documented as a parameter with this name. */
const WILDCARD_NAME = 'file';

/** Path and query parameters, one per property of the (object) schema. */
function parameters(schema: z.ZodType | undefined, where: 'path' | 'query'): unknown[] {
  if (!schema) return [];
  const s = jsonSchema(schema, 'input');
  const properties = (s.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((s.required ?? []) as string[]);
  return Object.entries(properties).map(([name, property]) => {
    const { description, ...rest } = property;
    return {
      name: name === '*' ? WILDCARD_NAME : name,
      in: where,
      required: where === 'path' || required.has(name),
      ...(description ? { description } : {}),
      schema: rest,
    };
  });
}

/** What each tag groups; the lint test fails on a tag of the API without one. */
const TAG_DESCRIPTIONS: Record<string, string> = {
  Public: 'Published data only, for anyone: editions, ratings, entities, reports and downloads. Cacheable.',
  Auth: 'Sign-in, sign-out, the current session and password changes.',
  Studio: 'The editorial workflow for analysts, reviewers and editors: assessments, comments, reviews, publishing.',
  Methodologies:
    'Methodology files for editors and admins: list, read, validate, load, copy for a new edition, score with one.',
  Admin: 'User accounts and roles, for admins.',
  Operations: 'Health of the server and its database, for load balancers and monitoring.',
};

/**
 * Refusals every route of a kind can give, whether or not its spec lists
 * them, since `registerRoute` and the router give them: a signed-in route
 * answers 401 without a session and 403 for a role, a missing CSRF token or
 * a one-time password; any route answers a request it cannot take (a body
 * where none is taken, a malformed URL, 414, 431) in the API's error shape.
 */
function refusals(route: RouteSpec): Record<string, { description: string }> {
  const out: Record<string, { description: string }> = {};
  if (route.access.kind === 'signed-in') {
    out[401] = { description: 'Not signed in, or the session has ended.' };
    out[403] = {
      description:
        route.access.roles === 'any'
          ? 'The one-time password must be changed first, or the CSRF token or origin is wrong.'
          : `Signed in without one of the roles ${route.access.roles.join(', ')}; or the CSRF token or origin is wrong.`,
    };
  }
  out['4XX'] = {
    description: 'Any other request the API refuses (a body where none is taken, a malformed URL, 414, 431).',
  };
  return out;
}

function operation(route: RouteSpec): Record<string, unknown> {
  const roles =
    route.access.kind === 'public'
      ? 'Public: published data only, no sign-in.'
      : `Signed in; roles: ${route.access.roles === 'any' ? 'any' : route.access.roles.join(', ')}.` +
        (route.method === 'GET' ? '' : ` Send the session's CSRF token in \`${CSRF_HEADER}\`.`);
  const headerParameters = (route.headers ?? []).map((h) => ({
    name: h.name,
    in: 'header',
    required: h.required ?? false,
    description: h.description,
    schema: { type: 'string' },
  }));
  const responses: Record<string, unknown> = {};
  for (const [status, r] of Object.entries(route.responses)) {
    const content: Record<string, unknown> = {};
    if (r.schema) content['application/json'] = { schema: jsonSchema(r.schema, 'output') };
    for (const type of r.contentTypes ?? []) content[type] = { schema: { type: 'string' } };
    responses[status] = { description: r.description, ...(Object.keys(content).length ? { content } : {}) };
  }
  for (const [status, r] of Object.entries(refusals(route)))
    responses[status] ??= { ...r, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };
  return {
    operationId: route.operationId,
    summary: route.summary,
    description: [route.description, roles].filter(Boolean).join('\n\n'),
    tags: [route.tag],
    'x-access': route.access.kind === 'public' ? 'public' : route.access.roles,
    // A public operation says so with an empty list, rather than saying nothing.
    security: route.access.kind === 'signed-in' ? [{ session: [] }] : [],
    parameters: [...parameters(route.params, 'path'), ...parameters(route.query, 'query'), ...headerParameters],
    ...(route.body
      ? {
          requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(route.body, 'input') } } },
        }
      : {}),
    responses,
  };
}

/**
 * The OpenAPI 3.1 document, built from the very route specs the server
 * registers, so the contract and the behaviour cannot drift apart.
 */
export function buildOpenApiDocument(routes: readonly RouteSpec[], version: string): OpenApiDocument {
  const paths: OpenApiDocument['paths'] = {};
  const tags: string[] = [];
  for (const route of routes) {
    const path = openApiPath(route.path);
    (paths[path] ??= {})[route.method.toLowerCase()] = operation(route);
    if (!tags.includes(route.tag)) tags.push(route.tag);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Freedom Ratings API',
      version,
      description:
        'Published Freedom in the World–style ratings (public, cacheable, versioned under /api/v1) and the ' +
        'studio API for analysts, reviewers, editors and admins. Every error is JSON ' +
        '`{"error": {"code", "message", "details"}}`.',
      license: { name: 'Apache-2.0', identifier: 'Apache-2.0' },
    },
    servers: [{ url: '/' }],
    tags: tags.map((name) => (TAG_DESCRIPTIONS[name] ? { name, description: TAG_DESCRIPTIONS[name] } : { name })),
    paths,
    components: {
      schemas: { Error: jsonSchema(errorSchema, 'output') },
      securitySchemes: {
        session: {
          type: 'apiKey',
          in: 'cookie',
          name: SESSION_COOKIE,
          description: 'Set by POST /api/v1/auth/login; HttpOnly.',
        },
      },
    },
  };
}
