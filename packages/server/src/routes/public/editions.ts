import type { ServerContext } from '../../context.js';
import { publishedEditionView } from '../../data/edition-summary.js';
import { ratingsTable } from '../../data/ratings-table.js';
import { sendCachedJson } from '../../http/cached-json.js';
import { PUBLIC, defineRoute, type RouteSpec } from '../../http/route.js';
import { ENDPOINTS, errorSchema, editionListSchema, ratingsTableSchema } from '@freedom-ratings/contract';

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
        sendCachedJson(ctx.cache, request, reply, 'editions', editionListSchema, async () => {
          const rows = await db
            .selectFrom('editions as ed')
            .leftJoin('assessments as a', (join) =>
              join.onRef('a.edition', '=', 'ed.edition').on('a.state', '=', 'published'),
            )
            .where('ed.state', '=', 'published')
            .selectAll('ed')
            .select((eb) => eb.fn.count<number>('a.id').as('assessments'))
            .groupBy('ed.edition')
            .orderBy('ed.edition')
            .execute();
          return { editions: rows.map(({ assessments, ...e }) => publishedEditionView(e, Number(assessments))) };
        }),
    }),
    defineRoute({
      ...ENDPOINTS.ratingsTable,
      summary: 'An edition’s ratings table',
      description:
        'Every published assessment of the edition with its derived figures and the change from the previous ' +
        'published edition. Filter by `region`, `status`, `kind`; sort by any figure or change.',
      tag: 'Public',
      access: PUBLIC,
      responses: {
        200: { description: 'The table.', schema: ratingsTableSchema },
        404: { description: 'No published edition with this key.', schema: errorSchema },
      },
      handler: ({ request, reply, params, query }) =>
        sendCachedJson(
          ctx.cache,
          request,
          reply,
          `ratings:${params.edition}:${JSON.stringify(query)}`,
          ratingsTableSchema,
          () => ratingsTable(db, params.edition, query),
        ),
    }),
  ];
}
