import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { PublicCache } from './public-cache.js';
import { Representation } from './representation.js';
import { checkOutput } from './validation.js';

/** Public responses may be cached by browsers and CDNs for a minute; ETags make revalidation cheap. */
export const PUBLIC_CACHE_CONTROL = 'public, max-age=60, stale-while-revalidate=300';

/**
 * Answers a public request from the cache, computing, checking against its
 * schema and serialising the body only on a miss. Errors thrown by `produce`
 * (a 404) are not cached, so nothing stays hidden after a publish.
 */
export async function sendCachedJson<S extends z.ZodType>(
  cache: PublicCache,
  request: FastifyRequest,
  reply: FastifyReply,
  key: string,
  schema: S,
  produce: () => Promise<z.input<S>>,
  vary?: string,
): Promise<undefined> {
  const representation = await cache.get(key, async () => {
    const value = checkOutput(schema, await produce(), key);
    return Representation.of(JSON.stringify(value), 'application/json; charset=utf-8');
  });
  representation.send(request, reply, PUBLIC_CACHE_CONTROL, vary);
  return undefined;
}

/** Like `sendCachedJson` for a body that is already text (a rendered report, a file). */
export async function sendCachedBody(
  cache: PublicCache,
  request: FastifyRequest,
  reply: FastifyReply,
  key: string,
  contentType: string,
  produce: () => Promise<string | Buffer>,
  vary?: string,
): Promise<undefined> {
  const representation = await cache.get(key, async () => Representation.of(await produce(), contentType));
  representation.send(request, reply, PUBLIC_CACHE_CONTROL, vary);
  return undefined;
}
