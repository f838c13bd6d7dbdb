import type { Role } from '@freedom-ratings/core';
import type { HttpMethod } from '@freedom-ratings/contract';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';

/**
 * Who may call a route. Declared on every route, checked before the handler
 * runs and printed in the OpenAPI document, so a route cannot forget it.
 * `public` routes see published data only.
 */
export type Access = { kind: 'public' } | { kind: 'signed-in'; roles: readonly Role[] | 'any' };

export const PUBLIC: Access = { kind: 'public' };
export const signedIn = (roles: readonly Role[] | 'any' = 'any'): Access => ({ kind: 'signed-in', roles });

/** One documented response of a route. `schema` absent means a non-JSON body (text, file) or none. */
export interface ResponseSpec {
  description: string;
  schema?: z.ZodType;
  /** Media types other than JSON this response can have (e.g. text/markdown). */
  contentTypes?: readonly string[];
}

/** The user a request acts for, as the session resolves it. */
export interface SessionUser {
  id: number;
  email: string;
  name: string;
  role: Role;
}

export interface RouteContext<P, Q, B> {
  request: FastifyRequest;
  reply: FastifyReply;
  params: P;
  query: Q;
  body: B;
  /** null on public routes; always set on signed-in routes. */
  user: SessionUser | null;
}

type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

/**
 * A route: the contract's endpoint (method, path, the zod schemas of its
 * input and success answer, spread in from `ENDPOINTS`), access, documented
 * responses, and the handler. The same schemas validate requests, check
 * responses and generate the OpenAPI document.
 */
export interface RouteSpec<
  P extends z.ZodType | undefined = z.ZodType | undefined,
  Q extends z.ZodType | undefined = z.ZodType | undefined,
  B extends z.ZodType | undefined = z.ZodType | undefined,
> {
  method: HttpMethod;
  /** Fastify path syntax: `/api/v1/editions/:edition`. */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tag: string;
  access: Access;
  params?: P;
  query?: Q;
  body?: B;
  /** The contract's success schema; the route's lowest 2xx response must use this very schema. */
  response?: z.ZodType;
  /**
   * For a route on one resource (its id in the path) whose roles are
   * restricted: called when the caller's role is refused, it throws the same
   * 404 the handler would when the resource does not exist or the caller may
   * not see it; otherwise the refusal is 403. Without it a refused role is
   * always 403.
   */
  checkVisible?: (params: Out<P>, user: SessionUser) => Promise<void>;
  /** Open to a user who signed in with a one-time password (the routes needed to change it). */
  allowTemporaryPassword?: boolean;
  /** Request headers the route reads, documented (e.g. If-Match). */
  headers?: readonly { name: string; description: string; required?: boolean }[];
  /** Documented responses by status; the lowest 2xx one with a schema checks the handler's result. */
  responses: Record<number, ResponseSpec>;
  /**
   * Returns the JSON body of the success response, or `undefined` when the
   * handler has already sent the reply itself (files, text, 304, 412).
   */
  handler: (ctx: RouteContext<Out<P>, Out<Q>, Out<B>>) => Promise<unknown>;
}

/** Identity function that keeps the schema types flowing into the handler's context. */
export function defineRoute<
  P extends z.ZodType | undefined = undefined,
  Q extends z.ZodType | undefined = undefined,
  B extends z.ZodType | undefined = undefined,
>(spec: RouteSpec<P, Q, B>): RouteSpec {
  return spec as unknown as RouteSpec;
}
