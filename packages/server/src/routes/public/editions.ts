import { listPublishedEditions } from '@freedom-ratings/db';
import type { ServerContext } from '../../context.js';
import { PUBLIC_CACHE_CONTROL, sendCachedBody, sendCachedJson } from '../../http/cached-json.js';
import { Representation } from '../../http/representation.js';
import { PUBLIC, defineRoute, type RouteSpec } from '../../http/route.js';
import { ENDPOINTS, errorSchema, editionListSchema, ratingsTableSchema } from '@freedom-ratings/contract';
import { publishedEditionView } from '../../views/edition-summary.js';
import { editionRatings, ratingsTableBody } from '../../views/ratings-table.js';

const JSON_TYPE = 'application/json; charset=utf-8';

export function editionRoutes(ctx: ServerContext): RouteSpec[] {
  const { db } = ctx.conn;
  return [
    defineRoute({
      ...ENDPOINTS.listEditions,
      summary: 'Published editions',
      description: 'Every published edition, oldest first, with its period under review and release checksum.',
      tag: 'Public',
      access: PUBLIC,
      responses: { 200: { description: 'The published editions.', schema: editionListSchema } },
      handler: ({ request, reply }) =>
        sendCachedJson(ctx.cache, request, reply, 'editions', editionListSchema, async () => ({
          editions: (await listPublishedEditions(db)).map((e) =>
            publishedEditionView(e.edition, e.assessments, e.releases),
          ),
        })),
    }),
    defineRoute({
      ...ENDPOINTS.ratingsTable,
      summary: 'An edition’s ratings table',
      description:
        'Every published assessment of the edition with its derived figures and the change from the previous ' +
        'published edition. Filter by `region` (one of the edition’s regions: a name it does not know is 400 with ' +
        'the allowed ones in `details`), `status`, `kind`; sort by any figure or change.',
      tag: 'Public',
      access: PUBLIC,
      responses: {
        200: { description: 'The table.', schema: ratingsTableSchema },
        404: { description: 'No published edition with this key.', schema: errorSchema },
      },
      // One cached table per edition; each query is a filter and sort of it, so a URL variant is neither a
      // recomputation nor a cache entry (1,560 variants used to cost 15–25 ms of CPU and a body each). The
      // whole table in its default order (what the explorer asks for) is the exception: a cached body, compressed once, because
      // serialising, hashing and compressing 100 kB on every request would cap it near 700 req/s.
      handler: async ({ request, reply, params, query }) => {
        const table = () =>
          ctx.cache.value(`ratings-table:${params.edition}`, () => editionRatings(db, params.edition));
        const whole =
          query.region === undefined &&
          query.status === undefined &&
          query.kind === undefined &&
          query.sort === 'name' &&
          query.order === 'asc';
        if (whole) {
          const key = `ratings:${params.edition}:${query.include ?? 'summary'}`;
          return sendCachedBody(ctx.cache, request, reply, key, JSON_TYPE, async () =>
            ratingsTableBody(await table(), query),
          );
        }
        const body = ratingsTableBody(await table(), query);
        Representation.of(body, JSON_TYPE, 'quick').send(request, reply, PUBLIC_CACHE_CONTROL);
        return undefined;
      },
    }),
  ];
}
