import { sql, type Kysely, type Migration } from 'kysely';
import type { Dialect } from '../connect.js';
import { withSerialId } from './columns.js';

/**
 * Corrections proposed in the studio to published assessments: the edit
 * (the same shape as a studio save), why, who proposed and reviewed it, and
 * once published the release it made. The published assessment itself is not
 * touched until then, so the public keeps seeing what was published.
 */
export function correctionsMigration(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await withSerialId(db.schema.createTable('corrections'), dialect)
        .addColumn('assessment_id', 'integer', (c) => c.notNull().references('assessments.id'))
        .addColumn('base_version', 'integer', (c) => c.notNull())
        .addColumn('state', 'text', (c) =>
          c.notNull().check(sql`state in ('submitted', 'returned', 'approved', 'published')`),
        )
        .addColumn('edit', 'text', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('note', 'text')
        .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_by', 'integer', (c) => c.notNull().references('users.id'))
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('release_id', 'integer', (c) => c.references('releases.id'))
        .execute();
      await db.schema.createIndex('corrections_by_assessment').on('corrections').column('assessment_id').execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('corrections').execute();
    },
  };
}
