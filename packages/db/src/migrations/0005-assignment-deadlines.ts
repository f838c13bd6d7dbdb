import type { Kysely, Migration } from 'kysely';
import type { Dialect } from '../connect.js';

/**
 * A deadline for each assignment: the last calendar day (YYYY-MM-DD) by which
 * the person assigned should have done their part. Null: no deadline. Whether
 * it is overdue is derived when read (core's `assignmentOverdue`), not stored.
 */
export function assignmentDeadlinesMigration(_dialect: Dialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('assignments').addColumn('deadline', 'text').execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.alterTable('assignments').dropColumn('deadline').execute();
    },
  };
}
