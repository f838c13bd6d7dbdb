import { sql, type Kysely, type Migration } from 'kysely';
import type { Dialect } from '../connect.js';
import { withSerialId } from './columns.js';

/**
 * Corrections to published editions: each release after the first records
 * why it was made, and the errata log holds one entry per published figure
 * or text it changed (old → new). The log is append-only, like the revision
 * log: what was published and corrected stays on record.
 */
export function errataMigration(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('releases').addColumn('reason', 'text').execute();
      await withSerialId(db.schema.createTable('errata'), dialect)
        .addColumn('release_id', 'integer', (c) => c.notNull().references('releases.id'))
        .addColumn('edition', 'integer', (c) => c.notNull().references('editions.edition'))
        .addColumn('entity_id', 'text', (c) => c.notNull().references('entities.id'))
        .addColumn('field', 'text', (c) => c.notNull())
        .addColumn('old_value', 'text')
        .addColumn('new_value', 'text')
        .execute();
      await db.schema.createIndex('errata_by_edition').on('errata').columns(['edition', 'id']).execute();
      await db.schema.createIndex('errata_by_entity').on('errata').columns(['entity_id', 'id']).execute();
      await refuseErrataChanges(db, dialect);
    },
    async down(db: Kysely<unknown>) {
      if (dialect === 'postgres') await sql`drop function errata_append_only() cascade`.execute(db);
      await db.schema.dropTable('errata').execute();
      await db.schema.alterTable('releases').dropColumn('reason').execute();
    },
  };
}

async function refuseErrataChanges(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  if (dialect === 'postgres') {
    await sql`create function errata_append_only() returns trigger language plpgsql as $$
      begin raise exception 'the errata log is append-only'; end $$`.execute(db);
    await sql`create trigger errata_no_rewrite before update or delete on errata
      for each row execute function errata_append_only()`.execute(db);
    return;
  }
  for (const event of ['update', 'delete']) {
    await sql`create trigger ${sql.raw(`errata_no_${event}`)} before ${sql.raw(event)} on errata
      begin select raise(abort, 'the errata log is append-only'); end`.execute(db);
  }
}
