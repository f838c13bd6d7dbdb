import { EntityRegistryError, type FhRegion } from '@freedom-ratings/core';
import {
  addEntity,
  addEntityAlias,
  listEntityRegistry,
  reclassifyEntity,
  recordSuccession,
  renameEntity,
} from '@freedom-ratings/db';
import {
  ENDPOINTS,
  errorSchema,
  registryEntitySchema,
  registryListSchema,
  successionsSchema,
} from '@freedom-ratings/contract';
import type { ServerContext } from '../../context.js';
import { ApiError } from '../../errors/api-error.js';
import { defineRoute, signedIn, type RouteSpec } from '../../http/route.js';
import { registryEntity } from '../../views/registry-entity.js';

/** A refused registry change as a 409 naming each field, or a 404 for an entity that does not exist. */
async function registryChange<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (!(e instanceof EntityRegistryError)) throw e;
    const problems = e.problems.map((p) => ({ field: p.field, subject: p.subject, message: p.message }));
    if (problems.every((p) => p.field === 'id' && p.message.startsWith('no entity')))
      throw new ApiError('not-found', e.message, { problems });
    throw new ApiError('registry-conflict', e.message, { problems });
  }
}

const conflict = {
  409: { description: 'A slug, code or name is taken; details name the field.', schema: errorSchema },
};

/**
 * The entity registry for the studio: editors read it, admins change it.
 * Every change is checked against the whole registry in its transaction and
 * logged; a change the public can see (a rename) empties the public cache.
 */
export function studioEntityRoutes(ctx: ServerContext): RouteSpec[] {
  const { conn } = ctx;
  const actor = (user: { id: number } | null) => ({ userId: user?.id ?? null, now: new Date() });
  const changed = <T>(value: T) => {
    ctx.cache.invalidate();
    return value;
  };
  /** The entity as the registry now lists it (with when it was added). */
  const now = async (id: string) => {
    const listed = await listEntityRegistry(conn.db);
    return changed(registryEntity(listed.entities.find((e) => e.id === id)!));
  };
  return [
    defineRoute({
      ...ENDPOINTS.listRegistry,
      summary: 'Every entity in the registry, and the successions between them',
      description: 'Built-in and added entities alike, including those with no published data yet.',
      tag: 'Admin',
      access: signedIn(['editor']),
      responses: { 200: { description: 'By name.', schema: registryListSchema } },
      handler: async () => {
        const listed = await listEntityRegistry(conn.db);
        return { entities: listed.entities.map(registryEntity), successions: [...listed.successions] };
      },
    }),
    defineRoute({
      ...ENDPOINTS.addEntity,
      summary: 'Add a country or territory',
      description:
        'The slug comes from the name and, without an ISO code, a project code from ISO’s user-assigned X range is proposed, unless given.',
      tag: 'Admin',
      access: signedIn(['admin']),
      responses: { 201: { description: 'Added.', schema: registryEntitySchema }, ...conflict },
      handler: async ({ body, user }) =>
        registryChange(async () => {
          const e = await addEntity(conn, { ...body, region: body.region as FhRegion }, actor(user));
          return now(e.id);
        }),
    }),
    defineRoute({
      ...ENDPOINTS.renameEntity,
      summary: 'Rename an entity',
      description:
        'With `fromEdition` the old name stays the name of the editions before it; without, the new name applies to every edition. Imports still match the old name.',
      tag: 'Admin',
      access: signedIn(['admin']),
      responses: {
        200: { description: 'The entity now.', schema: registryEntitySchema },
        404: { description: 'No such entity.', schema: errorSchema },
        ...conflict,
      },
      handler: async ({ params, body, user }) =>
        registryChange(async () => {
          const { after } = await renameEntity(
            conn,
            { entity: params.entity, name: body.name, fromEdition: body.fromEdition ?? null },
            actor(user),
          );
          return now(after.id);
        }),
    }),
    defineRoute({
      ...ENDPOINTS.reclassifyEntity,
      summary: 'Change an entity’s kind or region from an edition on',
      description:
        'A territory that became a country (Kosovo in FIW 2010), or a region regrouped. Earlier editions keep the old kind and region; the entity stays one series.',
      tag: 'Admin',
      access: signedIn(['admin']),
      responses: {
        200: { description: 'The entity now.', schema: registryEntitySchema },
        404: { description: 'No such entity.', schema: errorSchema },
        ...conflict,
      },
      handler: async ({ params, body, user }) =>
        registryChange(async () => {
          const e = await reclassifyEntity(
            conn,
            {
              entity: params.entity,
              kind: body.kind ?? null,
              region: (body.region ?? null) as FhRegion | null,
              fromEdition: body.fromEdition,
            },
            actor(user),
          );
          return now(e.id);
        }),
    }),
    defineRoute({
      ...ENDPOINTS.addEntityAlias,
      summary: 'Add a spelling imports accept for an entity',
      description: 'For a file that spells a name its own way (“Kazakstan”).',
      tag: 'Admin',
      access: signedIn(['admin']),
      responses: {
        200: { description: 'The entity now.', schema: registryEntitySchema },
        404: { description: 'No such entity.', schema: errorSchema },
        ...conflict,
      },
      handler: async ({ params, body, user }) =>
        registryChange(async () =>
          now((await addEntityAlias(conn, { entity: params.entity, name: body.name }, actor(user))).id),
        ),
    }),
    defineRoute({
      ...ENDPOINTS.addSuccession,
      summary: 'Record a split or a merger',
      description:
        'One link per predecessor and successor, from `edition` on. `continuing` names the successor whose history and change reach back through its predecessor (see docs/entities.md).',
      tag: 'Admin',
      access: signedIn(['admin']),
      responses: {
        201: { description: 'Recorded.', schema: successionsSchema },
        404: { description: 'No such entity.', schema: errorSchema },
        ...conflict,
      },
      handler: async ({ body, user }) =>
        registryChange(async () => {
          const { links } = await recordSuccession(
            conn,
            {
              kind: body.kind,
              from: body.from,
              to: body.to,
              edition: body.edition,
              continuing: body.continuing ?? null,
            },
            actor(user),
          );
          return changed({ successions: links });
        }),
    }),
  ];
}
