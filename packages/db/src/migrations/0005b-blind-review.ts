import type { Kysely, Migration } from 'kysely';
import type { Dialect } from '../connect.js';

/**
 * Blind review, an edition's setting: while it is on, analysts and reviewers
 * of that edition do not learn each other's names from the API (editors and
 * admins still do). 0 off, 1 on; off for every edition that exists.
 */
export function blindReviewMigration(_dialect: Dialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .alterTable('editions')
        .addColumn('blind_review', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.alterTable('editions').dropColumn('blind_review').execute();
    },
  };
}
