import type { z } from 'zod';
import { ApiError } from '../errors/api-error.js';
import { textProblems } from './text-integrity.js';

/** One problem with a request, located by where it is (`body`, `query`, `params`) and its path inside. */
export interface InputProblem {
  location: string;
  path: string;
  message: string;
  /** The values the parameter accepts, where they are a list (an enum, an edition's regions). */
  allowed?: readonly string[];
}

/** The outcome of checking one part of a request: its parsed value, or every problem found in it. */
export type InputCheck<T> = { ok: true; value: T } | { ok: false; problems: InputProblem[] };

/**
 * Checks one part of a request: first that every string in it is text (no
 * NUL, no lone surrogate), then its schema. Problems of both kinds are all
 * reported, so a client fixes a body in one round trip.
 */
export function checkInput<S extends z.ZodType>(schema: S, value: unknown, location: string): InputCheck<z.output<S>> {
  const problems: InputProblem[] = textProblems(value).map((p) => ({ location, ...p }));
  const result = schema.safeParse(value);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const path = issue.path.map(String).join('.');
      const allowed = issue.code === 'invalid_value' ? issue.values.map(String) : undefined;
      problems.push({ location, path, message: issue.message, ...(allowed && { allowed }) });
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, value: result.data as z.output<S> };
}

/** Parses one part of a request; a mismatch is a 400 that lists every problem. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, location: string): z.output<S> {
  const checked = checkInput(schema, value, location);
  if (!checked.ok) throw invalidRequest(checked.problems);
  return checked.value;
}

/** The 400 for a request with problems: the message names each one, `details.problems` lists them with locations. */
export function invalidRequest(problems: readonly InputProblem[]): ApiError {
  const listed = problems.map((p) => `${p.path ? `${p.location}.${p.path}` : p.location}: ${p.message}`);
  const message = `Invalid request: ${listed.join('; ')}`;
  return new ApiError('invalid-request', message.length > 2000 ? `${message.slice(0, 1997)}…` : message, {
    problems,
  });
}

/**
 * Checks a handler's result against its documented response schema. A
 * mismatch is our bug, not the client's: it becomes a logged 500, and the
 * strict schemas mean a field that is not in the contract never leaves.
 */
export function checkOutput<S extends z.ZodType>(schema: S, value: unknown, route: string): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new Error(`response of ${route} does not match its schema: ${result.error.message}`);
}
