import type { z } from 'zod';
import { ApiError } from '../errors/api-error.js';

/** One problem with a request, located by where it is (`body`, `query`, `params`) and its path inside. */
export interface InputProblem {
  location: string;
  path: string;
  message: string;
}

/** Parses one part of a request; a mismatch is a 400 that lists every problem. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, location: string): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const problems: InputProblem[] = result.error.issues.map((issue) => ({
    location,
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
  const first = problems[0]!;
  const where = first.path ? `${location}.${first.path}` : location;
  throw new ApiError('invalid-request', `Invalid ${where}: ${first.message}`, { problems });
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
