import { namesOf } from '@freedom-ratings/core';
import { loadEntityRegistry } from '@freedom-ratings/db';
import type { ServerContext } from '../../context.js';
import { listPublishedEntities } from '@freedom-ratings/db';
import { PUBLIC_CACHE_CONTROL, sendCachedJson } from '../../http/cached-json.js';
import { Representation } from '../../http/representation.js';
import { checkOutput } from '../../http/validation.js';
import { PUBLIC, defineRoute, type RouteSpec } from '../../http/route.js';
import { ENDPOINTS, errorSchema, entityHistorySchema, entityListSchema } from '@freedom-ratings/contract';
import { entityHistory } from '../../views/entity-history.js';
import { searchPublishedEntities } from '../../views/entity-search.js';

export function entityRoutes(ctx: ServerContext): RouteSpec[] {
  const { db } = ctx.conn;
  return [
    defineRoute({
      ...ENDPOINTS.listEntities,
      summary: 'Countries and territories with published ratings',
      description: 'Search with `q` by part of a name, a known name variant (e.g. “Burma”), the slug or the code.',
      tag: 'Public',
      access: PUBLIC,
      responses: { 200: { description: 'Matching entities, by name.', schema: entityListSchema } },
      // One cached list; a search filters it, so no `q` costs a query or becomes a cache entry of its own.
      handler: async ({ request, reply, query }) => {
        const { published, registry } = await ctx.cache.value('published-entities', async () => ({
          published: await listPublishedEntities(db),
          // Former names and variants from the database's registry: "Swaziland" finds Eswatini.
          registry: await loadEntityRegistry(db),
        }));
        const variantsOf = (id: string) => {
          const e = registry.byId(id);
          return e ? namesOf(e).slice(1) : [];
        };
        const list = checkOutput(entityListSchema, searchPublishedEntities(published, query, variantsOf), 'entities');
        Representation.of(JSON.stringify(list), 'application/json; charset=utf-8', 'quick').send(
          request,
          reply,
          PUBLIC_CACHE_CONTROL,
        );
        return undefined;
      },
    }),
    defineRoute({
      ...ENDPOINTS.entityHistory,
      summary: 'An entity’s full history',
      description:
        'Every published edition, oldest first, at the granularity it was published in: ratings only (1973–), ' +
        'aggregates, subcategory scores (2006–) or indicator scores (2013–). The history reaches back through the ' +
        'predecessors the entity continues (Serbia through Serbia and Montenegro to Yugoslavia; `ratedAs` names them), ' +
        'and `successions` lists the splits, mergers and renamings of its series.',
      tag: 'Public',
      access: PUBLIC,
      responses: {
        200: { description: 'The history.', schema: entityHistorySchema },
        404: { description: 'No published data for this entity.', schema: errorSchema },
      },
      handler: ({ request, reply, params }) =>
        sendCachedJson(ctx.cache, request, reply, `history:${params.entity.toLowerCase()}`, entityHistorySchema, () =>
          entityHistory(db, params.entity),
        ),
    }),
  ];
}
