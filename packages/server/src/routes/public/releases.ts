import { changeLabel, errataOf, findPublishedEdition, type ErratumEntry } from '@freedom-ratings/db';
import { ENDPOINTS, errataListSchema, errorSchema, releaseListSchema } from '@freedom-ratings/contract';
import type { ServerContext } from '../../context.js';
import { sendCachedJson } from '../../http/cached-json.js';
import { PUBLIC, defineRoute, type RouteSpec } from '../../http/route.js';
import { entityRef } from '../../views/entity-ref.js';
import { publishedEntity } from '../../views/entity-history.js';
import { noPublishedEdition } from '../../views/ratings-table.js';
import { editionReleases } from '../../views/edition-releases.js';

const erratumView = (e: ErratumEntry) => ({
  edition: e.edition,
  release: e.release,
  entity: entityRef(e.entity),
  field: e.field,
  label: changeLabel(e.field),
  old: e.old,
  new: e.new,
  reason: e.reason,
  by: e.by,
  at: e.at,
});

/** The releases of published editions and the public errata log. */
export function releaseRoutes(ctx: ServerContext): RouteSpec[] {
  const { db } = ctx.conn;
  const requirePublished = async (edition: number) => {
    if (!(await findPublishedEdition(db, edition))) throw noPublishedEdition(edition);
  };
  return [
    defineRoute({
      ...ENDPOINTS.listReleases,
      summary: 'An edition’s releases',
      description:
        'Every release of a published edition, oldest first: release 1 as first published, then one per ' +
        'correction, with the reason and the number of errata entries it made. Any release downloads byte for ' +
        'byte from `export?format=json&release=N`, whose SHA-256 is the `checksum` here.',
      tag: 'Public',
      access: PUBLIC,
      responses: {
        200: { description: 'The releases.', schema: releaseListSchema },
        404: { description: 'No published edition with this key.', schema: errorSchema },
      },
      handler: ({ request, reply, params }) =>
        sendCachedJson(ctx.cache, request, reply, `releases:${params.edition}`, releaseListSchema, async () => {
          await requirePublished(params.edition);
          const releases = await editionReleases(ctx, params.edition);
          return {
            edition: params.edition,
            releases: releases.map((r, i) => ({
              release: r.release,
              checksum: r.checksum,
              size: r.size,
              publishedAt: r.createdAt,
              reason: r.reason,
              errata: r.errata,
              latest: i === releases.length - 1,
            })),
          };
        }),
    }),
    defineRoute({
      ...ENDPOINTS.editionErrata,
      summary: 'An edition’s errata log',
      description:
        'Every published figure or text corrected since the edition’s first release, oldest first: entity, field, ' +
        'old → new, the release that changed it, why, who and when. A changed indicator also lists the ' +
        'subcategory, category, total and ratings it moved.',
      tag: 'Public',
      access: PUBLIC,
      responses: {
        200: { description: 'The errata log; empty when nothing was corrected.', schema: errataListSchema },
        404: { description: 'No published edition with this key.', schema: errorSchema },
      },
      handler: ({ request, reply, params }) =>
        sendCachedJson(ctx.cache, request, reply, `errata:${params.edition}`, errataListSchema, async () => {
          await requirePublished(params.edition);
          return { errata: (await errataOf(db, { edition: params.edition })).map(erratumView) };
        }),
    }),
    defineRoute({
      ...ENDPOINTS.entityErrata,
      summary: 'An entity’s errata log',
      description: 'Every correction to the entity’s published figures and texts, in every edition, oldest first.',
      tag: 'Public',
      access: PUBLIC,
      responses: {
        200: { description: 'The errata log; empty when nothing was corrected.', schema: errataListSchema },
        404: { description: 'No published data for this entity.', schema: errorSchema },
      },
      handler: ({ request, reply, params }) =>
        sendCachedJson(
          ctx.cache,
          request,
          reply,
          `entity-errata:${params.entity.toLowerCase()}`,
          errataListSchema,
          async () => {
            const entity = await publishedEntity(db, params.entity);
            return { errata: (await errataOf(db, { entityId: entity.id })).map(erratumView) };
          },
        ),
    }),
  ];
}
