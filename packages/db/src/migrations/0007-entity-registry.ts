import { BUILTIN_REGISTRY, type Entity } from '@freedom-ratings/core';
import { sql, type Kysely, type Migration } from 'kysely';
import type { Dialect } from '../connect.js';
import { withSerialId } from './columns.js';

/**
 * The entity registry moves into the database, seeded from the built-in
 * list: each entity's region, first and last edition and when it was added;
 * its name variants; its earlier names, kinds and regions with the last
 * edition each applied to; the successions between entities (splits,
 * mergers, renamings across two entries); and a log of every change made to
 * the registry. Rows an earlier import stored keep their id; their columns
 * are brought in line with the built-in list. Touches only the entity tables.
 */
export function entityRegistryMigration(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      for (const column of ['region', 'added_at'])
        await db.schema.alterTable('entities').addColumn(column, 'text').execute();
      for (const column of ['first_edition', 'last_edition'])
        await db.schema.alterTable('entities').addColumn(column, 'integer').execute();

      await db.schema
        .createTable('entity_variants')
        .addColumn('entity_id', 'text', (c) => c.notNull().references('entities.id'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('entity_variants_pk', ['entity_id', 'name'])
        .execute();
      await db.schema
        .createTable('entity_earlier')
        .addColumn('entity_id', 'text', (c) => c.notNull().references('entities.id'))
        .addColumn('field', 'text', (c) => c.notNull().check(sql`field in ('name', 'kind', 'region')`))
        .addColumn('until_edition', 'integer', (c) => c.notNull())
        .addColumn('value', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('entity_earlier_pk', ['entity_id', 'field', 'until_edition'])
        .execute();
      await db.schema
        .createTable('entity_successions')
        .addColumn('from_id', 'text', (c) => c.notNull().references('entities.id'))
        .addColumn('to_id', 'text', (c) => c.notNull().references('entities.id'))
        .addColumn('edition', 'integer', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('split', 'merger', 'renamed')`))
        .addColumn('continues', 'integer', (c) => c.notNull().check(sql`continues in (0, 1)`))
        .addPrimaryKeyConstraint('entity_successions_pk', ['from_id', 'to_id'])
        .execute();
      await withSerialId(db.schema.createTable('entity_changes'), dialect)
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('user_id', 'integer', (c) => c.references('users.id'))
        .addColumn('entity_id', 'text', (c) => c.notNull().references('entities.id'))
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('detail', 'text', (c) => c.notNull())
        .execute();

      await seed(db as Kysely<SeedTables>);
    },
    async down(db: Kysely<unknown>) {
      for (const table of ['entity_changes', 'entity_successions', 'entity_earlier', 'entity_variants'])
        await db.schema.dropTable(table).execute();
      for (const column of ['region', 'added_at', 'first_edition', 'last_edition'])
        await db.schema.alterTable('entities').dropColumn(column).execute();
    },
  };
}

/** The tables as this migration left them, typed here so later schema changes cannot alter what it did. */
interface SeedTables {
  entities: {
    id: string;
    name: string;
    kind: string;
    iso3: string | null;
    code: string;
    region: string;
    first_edition: number | null;
    last_edition: number | null;
    added_at: string | null;
  };
  entity_variants: { entity_id: string; name: string };
  entity_earlier: { entity_id: string; field: string; until_edition: number; value: string };
  entity_successions: { from_id: string; to_id: string; edition: number; kind: string; continues: number };
}

const row = (e: Entity) => ({
  id: e.id,
  name: e.name,
  kind: e.kind,
  iso3: e.iso3,
  code: e.code,
  region: e.region,
  first_edition: e.first,
  last_edition: e.last,
  added_at: null,
});

async function seed(db: Kysely<SeedTables>): Promise<void> {
  const stored = new Set((await db.selectFrom('entities').select('id').execute()).map((r) => r.id));
  const entities = BUILTIN_REGISTRY.entities;
  for (const e of entities.filter((e) => stored.has(e.id))) {
    const { id, ...columns } = row(e);
    await db.updateTable('entities').set(columns).where('id', '=', id).execute();
  }
  const missing = entities.filter((e) => !stored.has(e.id)).map(row);
  for (let i = 0; i < missing.length; i += 100)
    await db
      .insertInto('entities')
      .values(missing.slice(i, i + 100))
      .execute();
  const variants = entities.flatMap((e) => (e.variants ?? []).map((name) => ({ entity_id: e.id, name })));
  if (variants.length) await db.insertInto('entity_variants').values(variants).execute();
  const earlier = entities.flatMap((e) => [
    ...(e.nameUntil ?? []).map(([until, value]) => ({ entity_id: e.id, field: 'name', until_edition: until, value })),
    ...(e.kindUntil ?? []).map(([until, value]) => ({ entity_id: e.id, field: 'kind', until_edition: until, value })),
    ...(e.regionUntil ?? []).map(([until, value]) => ({
      entity_id: e.id,
      field: 'region',
      until_edition: until,
      value,
    })),
  ]);
  if (earlier.length) await db.insertInto('entity_earlier').values(earlier).execute();
  const successions = BUILTIN_REGISTRY.successions.map((s) => ({
    from_id: s.from,
    to_id: s.to,
    edition: s.edition,
    kind: s.kind,
    continues: s.continues ? 1 : 0,
  }));
  if (successions.length) await db.insertInto('entity_successions').values(successions).execute();
}
