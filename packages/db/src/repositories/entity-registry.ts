import {
  BUILTIN_REGISTRY,
  definitionOf,
  EntityRegistry,
  EntityRegistryError,
  entitySlug,
  namesOf,
  normalizeEntityName,
  proposeEntity,
  type Entity,
  type EntityDefinition,
  type EntityKind,
  type EntitySuccession,
  type FhRegion,
  type SuccessionKind,
} from '@freedom-ratings/core';
import type { Connection, DatabaseHandle } from '../connect.js';
import type { EntityChangeTable } from '../schema.js';
import { inWriteTransaction } from '../write-transaction.js';

/** Who changes the registry, and when (null user: the command line or an import). */
export interface RegistryActor {
  userId: number | null;
  now: Date;
}

/**
 * The effective registry: every entity the database holds (seeded from the
 * built-in list by migration 0007, then added to and renamed by admins and
 * imports), plus any built-in entity a newer release of the code knows and
 * the database does not yet. The database's entry wins over the built-in one.
 */
export async function loadEntityRegistry(db: DatabaseHandle): Promise<EntityRegistry> {
  const [rows, variants, earlier, links] = await Promise.all([
    db.selectFrom('entities').selectAll().execute(),
    db.selectFrom('entity_variants').selectAll().orderBy('name').execute(),
    db.selectFrom('entity_earlier').selectAll().orderBy('until_edition').execute(),
    db.selectFrom('entity_successions').selectAll().execute(),
  ]);
  const definitions = new Map<string, EntityDefinition>();
  for (const r of rows) {
    const builtin = BUILTIN_REGISTRY.byId(r.id);
    // A row stored before the registry moved here, outside it: the built-in entry says the rest.
    if (r.region === null) {
      if (builtin) definitions.set(r.id, definitionOf(builtin));
      continue;
    }
    const until = <T extends string>(field: 'name' | 'kind' | 'region') =>
      earlier
        .filter((x) => x.entity_id === r.id && x.field === field)
        .map((x) => [x.until_edition, x.value as T] as const);
    const nameUntil = until<string>('name');
    const kindUntil = until<EntityKind>('kind');
    const regionUntil = until<FhRegion>('region');
    const own = variants.filter((v) => v.entity_id === r.id).map((v) => v.name);
    definitions.set(r.id, {
      id: r.id,
      name: r.name,
      iso3: r.iso3,
      ...(r.iso3 === null ? { projectCode: r.code } : {}),
      kind: r.kind,
      region: r.region as FhRegion,
      first: r.first_edition,
      last: r.last_edition,
      ...(nameUntil.length ? { nameUntil } : {}),
      ...(kindUntil.length ? { kindUntil } : {}),
      ...(regionUntil.length ? { regionUntil } : {}),
      ...(own.length ? { variants: own } : {}),
    });
  }
  for (const e of BUILTIN_REGISTRY.entities) if (!definitions.has(e.id)) definitions.set(e.id, definitionOf(e));
  const successions = new Map<string, EntitySuccession>();
  for (const s of BUILTIN_REGISTRY.successions) successions.set(`${s.from}\u0000${s.to}`, s);
  for (const l of links) {
    successions.set(`${l.from_id}\u0000${l.to_id}`, {
      edition: l.edition,
      kind: l.kind,
      from: l.from_id,
      to: l.to_id,
      continues: l.continues === 1,
    });
  }
  return new EntityRegistry([...definitions.values()], [...successions.values()]);
}

/**
 * Writes entities the registry has checked: their rows, variants and earlier
 * names, kinds and regions. Used by the import (for entities it adds, and
 * built-in ones the database lacks) inside its transaction.
 */
export async function storeEntityDefinitions(
  db: DatabaseHandle,
  entities: readonly Entity[],
  addedAt: string | null,
): Promise<void> {
  for (const e of entities) {
    await db
      .insertInto('entities')
      .values({
        id: e.id,
        name: e.name,
        kind: e.kind,
        iso3: e.iso3,
        code: e.code,
        region: e.region,
        first_edition: e.first,
        last_edition: e.last,
        added_at: addedAt,
      })
      .execute();
    const variants = (e.variants ?? []).map((name) => ({ entity_id: e.id, name }));
    if (variants.length) await db.insertInto('entity_variants').values(variants).execute();
    const earlier = [
      ...(e.nameUntil ?? []).map(([until, value]) => ({ field: 'name' as const, until, value })),
      ...(e.kindUntil ?? []).map(([until, value]) => ({ field: 'kind' as const, until, value })),
      ...(e.regionUntil ?? []).map(([until, value]) => ({ field: 'region' as const, until, value })),
    ].map(({ field, until, value }) => ({ entity_id: e.id, field, until_edition: until, value }));
    if (earlier.length) await db.insertInto('entity_earlier').values(earlier).execute();
  }
}

async function logChange(
  db: DatabaseHandle,
  actor: RegistryActor,
  entityId: string,
  action: EntityChangeTable['action'],
  detail: string,
): Promise<void> {
  await db
    .insertInto('entity_changes')
    .values({ at: actor.now.toISOString(), user_id: actor.userId, entity_id: entityId, action, detail })
    .execute();
}

/** What an admin gives to add an entity; the rest (slug, project code) is proposed. */
export interface NewEntity {
  name: string;
  kind: EntityKind;
  region: FhRegion;
  /** ISO 3166-1 alpha-3, when the entity has one. */
  iso3?: string | null;
  /** A project code instead (three capitals; ISO's X range is the user-assigned one). */
  code?: string | null;
  id?: string | null;
  first?: number | null;
  variants?: readonly string[];
}

/** The definition a `NewEntity` makes in `registry`: given codes as given, the slug and a free X code otherwise. */
export function definitionFor(entity: NewEntity, registry: EntityRegistry): EntityDefinition {
  const proposed = proposeEntity(
    { name: entity.name, kind: entity.kind, region: entity.region, first: entity.first ?? null },
    registry,
  );
  const iso3 = entity.iso3 ? entity.iso3.trim().toUpperCase() : null;
  const code = entity.code ? entity.code.trim().toUpperCase() : undefined;
  const { projectCode: _proposed, ...rest } = proposed;
  return {
    ...rest,
    id: entity.id?.trim() || entitySlug(entity.name),
    iso3,
    ...(iso3 ? {} : { projectCode: code ?? proposed.projectCode! }),
    ...(entity.variants?.length ? { variants: [...entity.variants] } : {}),
  };
}

/**
 * Adds entities to the registry in the caller's transaction: checked against
 * the whole registry first (duplicate slug, code or name is an
 * `EntityRegistryError` naming the field), so nothing is stored on a refusal.
 * Returns the registry with them.
 */
export async function registerEntities(
  db: DatabaseHandle,
  definitions: readonly EntityDefinition[],
  actor: RegistryActor,
  how = 'added',
): Promise<EntityRegistry> {
  const registry = (await loadEntityRegistry(db)).add(definitions);
  await storeEntityDefinitions(
    db,
    definitions.map((d) => registry.byId(d.id)!),
    actor.now.toISOString(),
  );
  for (const d of definitions) {
    const e = registry.byId(d.id)!;
    await logChange(db, actor, e.id, 'add', `${how} ${e.name} (${e.code}, ${e.kind}, ${e.region})`);
  }
  return registry;
}

/** `registerEntities` for one entity, in its own transaction. */
export async function addEntity(conn: Connection, entity: NewEntity, actor: RegistryActor) {
  return inWriteTransaction(conn, async (trx) => {
    const definition = definitionFor(entity, await loadEntityRegistry(trx));
    const registry = await registerEntities(trx, [definition], actor);
    return registry.byId(definition.id)!;
  });
}

const noEntity = (ref: string) =>
  new EntityRegistryError([
    { field: 'id', subject: ref, message: `no entity "${ref}" (give its slug, code or a name)` },
  ]);

/**
 * Renames an entity. With `fromEdition` the old name stays the name of the
 * editions before it (FH's Swaziland until FIW 2018, Eswatini since); without,
 * the new name is a correction for every edition. Either way imports still
 * match the old name.
 */
export async function renameEntity(
  conn: Connection,
  change: { entity: string; name: string; fromEdition?: number | null },
  actor: RegistryActor,
) {
  return inWriteTransaction(conn, async (trx) => {
    const registry = await loadEntityRegistry(trx);
    const e = registry.match(change.entity);
    if (!e) throw noEntity(change.entity);
    const name = change.name.trim();
    const from = change.fromEdition ?? null;
    const keptEarlier = (e.nameUntil ?? []).filter(([until]) => from !== null && until < from - 1);
    const dropped = (e.nameUntil ?? []).filter(([until]) => !(from !== null && until < from - 1)).map(([, n]) => n);
    const target = normalizeEntityName(name);
    const variants = [...(e.variants ?? []), ...dropped, ...(from === null ? [e.name] : [])].filter(
      (v, i, all) => normalizeEntityName(v) !== target && all.indexOf(v) === i,
    );
    const nameUntil = from === null ? keptEarlier : [...keptEarlier, [from - 1, e.name] as const];
    const after = registry.with([{ ...definitionOf(e), name, nameUntil, variants }]).byId(e.id)!;
    await trx.updateTable('entities').set({ name }).where('id', '=', e.id).execute();
    await trx.deleteFrom('entity_earlier').where('entity_id', '=', e.id).where('field', '=', 'name').execute();
    if (nameUntil.length)
      await trx
        .insertInto('entity_earlier')
        .values(
          nameUntil.map(([until, value]) => ({ entity_id: e.id, field: 'name' as const, until_edition: until, value })),
        )
        .execute();
    await replaceVariants(trx, e.id, after.variants ?? []);
    await logChange(trx, actor, e.id, 'rename', `${e.name} → ${name}${from === null ? '' : ` from ${from}`}`);
    return { before: e, after };
  });
}

async function replaceVariants(db: DatabaseHandle, id: string, variants: readonly string[]): Promise<void> {
  await db.deleteFrom('entity_variants').where('entity_id', '=', id).execute();
  if (variants.length)
    await db
      .insertInto('entity_variants')
      .values(variants.map((name) => ({ entity_id: id, name })))
      .execute();
}

/** Adds a spelling imports will match to the entity ("Kazakstan" for Kazakhstan). */
export async function addEntityAlias(conn: Connection, change: { entity: string; name: string }, actor: RegistryActor) {
  return inWriteTransaction(conn, async (trx) => {
    const registry = await loadEntityRegistry(trx);
    const e = registry.match(change.entity);
    if (!e) throw noEntity(change.entity);
    const name = change.name.trim();
    if (namesOf(e).some((n) => normalizeEntityName(n) === normalizeEntityName(name))) return e;
    const after = registry.with([{ ...definitionOf(e), variants: [...(e.variants ?? []), name] }]).byId(e.id)!;
    await trx.insertInto('entity_variants').values({ entity_id: e.id, name }).execute();
    await logChange(trx, actor, e.id, 'alias', `"${name}" is ${e.name}`);
    return after;
  });
}

/**
 * A change of kind or region from an edition on (Kosovo: a territory until
 * FIW 2009, a country since FIW 2010): the entity's kind and region are the
 * new ones, and the old ones stay those of the editions before. The entity
 * stays one series.
 */
export async function reclassifyEntity(
  conn: Connection,
  change: { entity: string; kind?: EntityKind | null; region?: FhRegion | null; fromEdition: number },
  actor: RegistryActor,
) {
  return inWriteTransaction(conn, async (trx) => {
    const registry = await loadEntityRegistry(trx);
    const e = registry.match(change.entity);
    if (!e) throw noEntity(change.entity);
    const until = change.fromEdition - 1;
    const next = <T>(earlier: readonly (readonly [number, T])[] | undefined, now: T, wanted: T | null | undefined) =>
      wanted === null || wanted === undefined || wanted === now
        ? { value: now, earlier: earlier ?? [] }
        : { value: wanted, earlier: [...(earlier ?? []).filter(([u]) => u < until), [until, now] as const] };
    const kind = next(e.kindUntil, e.kind, change.kind);
    const region = next(e.regionUntil, e.region, change.region);
    if (kind.value === e.kind && region.value === e.region)
      throw new EntityRegistryError([
        { field: 'kind', subject: e.id, message: `${e.name} is already a ${e.kind} in ${e.region}: nothing to change` },
      ]);
    const after = registry
      .with([
        {
          ...definitionOf(e),
          kind: kind.value,
          region: region.value,
          kindUntil: kind.earlier,
          regionUntil: region.earlier,
        },
      ])
      .byId(e.id)!;
    await trx.updateTable('entities').set({ kind: after.kind, region: after.region }).where('id', '=', e.id).execute();
    for (const [field, earlier] of [
      ['kind', after.kindUntil ?? []],
      ['region', after.regionUntil ?? []],
    ] as const) {
      await trx.deleteFrom('entity_earlier').where('entity_id', '=', e.id).where('field', '=', field).execute();
      if (earlier.length)
        await trx
          .insertInto('entity_earlier')
          .values(earlier.map(([u, value]) => ({ entity_id: e.id, field, until_edition: u, value })))
          .execute();
    }
    const what = [
      kind.value !== e.kind ? `${e.kind} → ${kind.value}` : null,
      region.value !== e.region ? `${e.region} → ${region.value}` : null,
    ].filter(Boolean);
    await logChange(trx, actor, e.id, 'reclassify', `${what.join(', ')} from ${change.fromEdition}`);
    return after;
  });
}

/** A split (one into several) or a merger (several into one) from an edition on. */
export interface SuccessionChange {
  kind: SuccessionKind;
  from: readonly string[];
  to: readonly string[];
  edition: number;
  /** The successor that carries the (or one) predecessor's series on, if any. */
  continuing?: string | null;
}

/**
 * Records successions: one link per predecessor–successor pair. In a split
 * the predecessor may be among the successors (Sudan went on beside South
 * Sudan): it needs no link to itself. `continuing` names the entity whose
 * history reaches back through its predecessor; in a merger it continues the
 * first predecessor listed.
 */
export async function recordSuccession(conn: Connection, change: SuccessionChange, actor: RegistryActor) {
  return inWriteTransaction(conn, async (trx) => {
    const registry = await loadEntityRegistry(trx);
    const resolve = (ref: string) =>
      registry.match(ref)?.id ??
      (() => {
        throw noEntity(ref);
      })();
    const from = change.from.map(resolve);
    const to = change.to.map(resolve);
    const continuing = change.continuing ? resolve(change.continuing) : null;
    if (continuing && !to.includes(continuing))
      throw new EntityRegistryError([
        {
          field: 'succession',
          subject: continuing,
          message: `the continuing entity ${continuing} must be one of the successors`,
        },
      ]);
    const links: EntitySuccession[] = [];
    for (const f of from) {
      for (const t of to) {
        if (f === t) continue;
        const continues = t === continuing && (change.kind !== 'merger' || f === from[0]);
        links.push({ edition: change.edition, kind: change.kind, from: f, to: t, continues });
      }
    }
    if (!links.length)
      throw new EntityRegistryError([
        {
          field: 'succession',
          subject: from.join(','),
          message: 'a succession needs a predecessor and a different successor',
        },
      ]);
    const after = registry.with([], links);
    for (const l of links) {
      await trx.deleteFrom('entity_successions').where('from_id', '=', l.from).where('to_id', '=', l.to).execute();
      await trx
        .insertInto('entity_successions')
        .values({ from_id: l.from, to_id: l.to, edition: l.edition, kind: l.kind, continues: l.continues ? 1 : 0 })
        .execute();
      await logChange(
        trx,
        actor,
        l.to,
        'succession',
        `${l.kind} from ${l.from} in ${l.edition}${l.continues ? ', continuing its series' : ''}`,
      );
    }
    return { registry: after, links };
  });
}

/** A registry entity as listed: where it came from. */
export interface ListedEntity {
  id: string;
  name: string;
  code: string;
  iso3: string | null;
  kind: EntityKind;
  region: FhRegion;
  variants: readonly string[];
  nameUntil: readonly (readonly [number, string])[];
  /** First and last edition rated, as the registry records them (last null while still rated). */
  first: number | null;
  last: number | null;
  /** Null for built-in entities (or those an older import stored). */
  addedAt: string | null;
}

/** Every registry entity by name, with when it was added. */
export async function listEntityRegistry(
  db: DatabaseHandle,
): Promise<{ entities: ListedEntity[]; successions: readonly EntitySuccession[] }> {
  const registry = await loadEntityRegistry(db);
  const added = new Map(
    (await db.selectFrom('entities').select(['id', 'added_at']).execute()).map((r) => [r.id, r.added_at]),
  );
  const entities = registry.entities
    .map((e) => ({
      id: e.id,
      name: e.name,
      code: e.code,
      iso3: e.iso3,
      kind: e.kind,
      region: e.region,
      variants: e.variants ?? [],
      nameUntil: e.nameUntil ?? [],
      first: e.first,
      last: e.last,
      addedAt: added.get(e.id) ?? null,
    }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { entities, successions: registry.successions };
}
