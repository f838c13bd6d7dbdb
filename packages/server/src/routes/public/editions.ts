import { findPublishedEdition, listPublishedEditions, methodologyOfEdition } from '@freedom-ratings/db';
import type { ServerContext } from '../../context.js';
import { PUBLIC_CACHE_CONTROL, sendCachedBody, sendCachedJson } from '../../http/cached-json.js';
import { Representation } from '../../http/representation.js';
import { PUBLIC, defineRoute, type RouteSpec } from '../../http/route.js';
import {
  ENDPOINTS,
  errorSchema,
  editionListSchema,
  methodologySchema,
  ratingsTableSchema,
} from '@freedom-ratings/contract';
import { publishedEditionView } from '../../views/edition-summary.js';
import { editionRatings, noPublishedEdition, ratingsTableBody } from '../../views/ratings-table.js';

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
      ...ENDPOINTS.editionMethodology,
      summary: 'An edition’s methodology',
      description:
        'The methodology file a published edition is scored with (built in, or loaded by the organisation: any ' +
        'categories, scales, bands and status rule), in the format of `docs/methodology-format.md`; its `editions` ' +
        'are those of the file that are published, so the answer says nothing of editions still in preparation.',
      tag: 'Public',
      access: PUBLIC,
      responses: {
        200: { description: 'The methodology file.', schema: methodologySchema },
        404: { description: 'No published edition with this key.', schema: errorSchema },
      },
      handler: ({ request, reply, params }) =>
        sendCachedJson(ctx.cache, request, reply, `methodology:${params.edition}`, methodologySchema, async () => {
          const methodology = (await findPublishedEdition(db, params.edition))
            ? await methodologyOfEdition(db, params.edition)
            : undefined;
          if (!methodology) throw noPublishedEdition(params.edition);
          const published = new Set((await listPublishedEditions(db)).map((e) => e.edition.edition));
          // Core's type is read-only; the contract's schema checks the same file on the way out.
          return { ...methodology, editions: methodology.editions.filter((e) => published.has(e)) } as never;
        }),
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
