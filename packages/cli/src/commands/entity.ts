import { EntityRegistryError, isFhRegion, resolveEdition, FH_REGIONS, type EntityKind } from '@freedom-ratings/core';
import {
  addEntity,
  addEntityAlias,
  listEntityRegistry,
  reclassifyEntity,
  recordSuccession,
  renameEntity,
  type Connection,
  type RegistryActor,
} from '@freedom-ratings/db';
import { UserError } from '../errors.js';
import { databaseTarget, openMigrated } from './db.js';

/** An edition given on the command line: a year (any, so next year's can be named) or FH's label ("1983-84"). */
function editionOption(option: string, value: string): number {
  if (/^\d{4}$/.test(value.trim())) return Number(value.trim());
  const info = resolveEdition(value.trim());
  if (!info)
    throw new UserError(`${option}: "${value}" is not an edition (a year such as 2027, or FH's label such as 1983-84)`);
  return info.edition;
}

function kindOption(value: string): EntityKind {
  if (value === 'country' || value === 'territory') return value;
  throw new UserError(`--kind must be country or territory, not "${value}"`);
}

const cliActor = (): RegistryActor => ({ userId: null, now: new Date() });

/** Runs a registry change: a refused one (duplicate code or name, unknown entity) is a usage error and stores nothing. */
async function withRegistry<T>(db: string | undefined, work: (conn: Connection) => Promise<T>): Promise<T> {
  const { conn } = await openMigrated(databaseTarget(db));
  try {
    return await work(conn);
  } catch (e) {
    if (e instanceof EntityRegistryError)
      throw new UserError(`${e.problems.map((p) => p.message).join('\n')}\nnothing was changed`);
    throw e;
  } finally {
    await conn.close();
  }
}

export interface EntityAddOptions {
  name: string;
  kind: string;
  region: string;
  iso3?: string;
  code?: string;
  id?: string;
  first?: string;
  variant?: string[];
  db?: string;
}

/** `fiw entity add`: a new country or territory in the registry. */
export async function entityAddCommand(opts: EntityAddOptions): Promise<number> {
  const kind = kindOption(opts.kind);
  if (!isFhRegion(opts.region))
    throw new UserError(`--region must be one of ${FH_REGIONS.join(', ')}, not "${opts.region}"`);
  if (opts.iso3 && opts.code)
    throw new UserError('give --iso3 or --code, not both: the code of an entity with an ISO code is that code');
  const first = opts.first === undefined ? null : editionOption('--first', opts.first);
  const e = await withRegistry(opts.db, (conn) =>
    addEntity(
      conn,
      {
        name: opts.name,
        kind,
        region: opts.region as never,
        iso3: opts.iso3 ?? null,
        code: opts.code ?? null,
        id: opts.id ?? null,
        first,
        variants: opts.variant ?? [],
      },
      cliActor(),
    ),
  );
  process.stdout.write(`added ${e.name}: id ${e.id}, code ${e.code}, ${e.kind}, ${e.region}\n`);
  return 0;
}

/** `fiw entity rename ENTITY NAME [--from EDITION]`. */
export async function entityRenameCommand(
  entity: string,
  name: string,
  opts: { from?: string; db?: string },
): Promise<number> {
  const fromEdition = opts.from === undefined ? null : editionOption('--from', opts.from);
  const { before, after } = await withRegistry(opts.db, (conn) =>
    renameEntity(conn, { entity, name, fromEdition }, cliActor()),
  );
  process.stdout.write(
    fromEdition === null
      ? `renamed ${before.name} to ${after.name} in every edition (${after.id}); "${before.name}" still matches on import\n`
      : `renamed ${before.name} to ${after.name} from ${fromEdition} (${after.id}); it stays ${before.name} until ${fromEdition - 1}\n`,
  );
  return 0;
}

/** `fiw entity reclassify ENTITY --from EDITION [--kind K] [--region R]`: a territory that became a country, a region regrouped. */
export async function entityReclassifyCommand(
  entity: string,
  opts: { from: string; kind?: string; region?: string; db?: string },
): Promise<number> {
  const fromEdition = editionOption('--from', opts.from);
  const kind = opts.kind === undefined ? null : kindOption(opts.kind);
  if (opts.region !== undefined && !isFhRegion(opts.region))
    throw new UserError(`--region must be one of ${FH_REGIONS.join(', ')}, not "${opts.region}"`);
  if (kind === null && opts.region === undefined) throw new UserError('give --kind, --region or both');
  const e = await withRegistry(opts.db, (conn) =>
    reclassifyEntity(conn, { entity, kind, region: (opts.region ?? null) as never, fromEdition }, cliActor()),
  );
  process.stdout.write(`${e.name} is a ${e.kind} in ${e.region} from ${fromEdition}\n`);
  return 0;
}

/** `fiw entity alias ENTITY NAME`: another spelling imports accept. */
export async function entityAliasCommand(entity: string, name: string, opts: { db?: string }): Promise<number> {
  const e = await withRegistry(opts.db, (conn) => addEntityAlias(conn, { entity, name }, cliActor()));
  process.stdout.write(`"${name}" now matches ${e.name} (${e.id})\n`);
  return 0;
}

/** `fiw entity split` / `fiw entity merge`. */
export async function entitySuccessionCommand(
  kind: 'split' | 'merger',
  from: string[],
  to: string[],
  opts: { edition: string; continuing?: string; db?: string },
): Promise<number> {
  const edition = editionOption('--edition', opts.edition);
  const { links } = await withRegistry(opts.db, (conn) =>
    recordSuccession(conn, { kind, from, to, edition, continuing: opts.continuing ?? null }, cliActor()),
  );
  for (const l of links) {
    process.stdout.write(
      `${l.kind}: ${l.from} → ${l.to} from ${l.edition}${l.continues ? ' (continues its series)' : ''}\n`,
    );
  }
  return 0;
}

/** `fiw entity list`: the effective registry, built-in and added. */
export async function entityListCommand(opts: {
  format: 'text' | 'json';
  added?: boolean;
  db?: string;
}): Promise<number> {
  const listed = await withRegistry(opts.db, (conn) => listEntityRegistry(conn.db));
  const entities = opts.added ? listed.entities.filter((e) => e.addedAt !== null) : listed.entities;
  if (opts.format === 'json') {
    process.stdout.write(`${JSON.stringify({ entities, successions: listed.successions }, null, 2)}\n`);
    return 0;
  }
  const lines = entities.map((e) => {
    const earlier = e.nameUntil.map(([until, n]) => `${n} until ${until}`);
    const also = [...earlier, ...e.variants];
    return `${e.code}  ${e.id.padEnd(34)} ${e.name} (${e.kind}, ${e.region})${also.length ? `; also ${also.join(', ')}` : ''}${e.addedAt ? `; added ${e.addedAt.slice(0, 10)}` : ''}`;
  });
  if (!opts.added) {
    for (const s of listed.successions)
      lines.push(`${s.kind} ${s.edition}: ${s.from} → ${s.to}${s.continues ? ' (continues its series)' : ''}`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}
