import { sql, type Kysely, type Migration } from 'kysely';
import type { Dialect } from '../connect.js';

/**
 * The built-in methodology files and the editions each covers, as they were
 * when this migration was written (a migration never reads code that may
 * change after it): editions named "fiw-<edition>" before now name their file.
 */
const BUILT_IN_RANGES: readonly [id: string, first: number, last: number][] = [
  ['fiw-1973', 1973, 2001],
  ['fiw-2003', 2003, 2003],
  ['fiw-2004', 2004, 2005],
  ['fiw-2006', 2006, 2016],
  ['fiw-2017', 2017, 2017],
  ['fiw-2018', 2018, 2018],
  ['fiw-2019', 2019, 2026],
];

/**
 * Methodologies as data: loaded methodology files by id and version (the
 * built-in ones stay in code and are not copied in), and each edition naming
 * the id and version it is scored with.
 */
export function methodologiesMigration(_dialect: Dialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('methodologies')
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull().check(sql`version >= 1`))
        .addColumn('document', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('methodologies_pk', ['id', 'version'])
        .execute();
      await db.schema
        .alterTable('editions')
        .addColumn('methodology_version', 'integer', (c) => c.notNull().defaultTo(1))
        .execute();
      for (const [id, first, last] of BUILT_IN_RANGES) {
        await sql`update editions set methodology = ${id}, methodology_version = 1
                  where edition between ${first} and ${last} and methodology like 'fiw-%'`.execute(db);
      }
    },
    async down(db: Kysely<unknown>) {
      await sql`update editions set methodology = 'fiw-' || cast(edition as text) where methodology like 'fiw-%'`.execute(
        db,
      );
      await db.schema.alterTable('editions').dropColumn('methodology_version').execute();
      await db.schema.dropTable('methodologies').execute();
    },
  };
}
