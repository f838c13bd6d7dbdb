import { sql, type Kysely, type Migration } from 'kysely';
import type { Dialect } from '../connect.js';

/**
 * What the studio's editorial screens need beyond 0002: when each user last
 * signed in (sessions are swept, so they cannot tell), and reviewers'
 * per-indicator verdicts (agree / disagree), one per reviewer and code.
 */
export function editorialMigration(_dialect: Dialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('users').addColumn('last_sign_in_at', 'text').execute();
      await db.schema
        .createTable('review_verdicts')
        .addColumn('assessment_id', 'integer', (c) => c.notNull().references('assessments.id').onDelete('cascade'))
        .addColumn('code', 'text', (c) => c.notNull())
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
        .addColumn('verdict', 'text', (c) => c.notNull().check(sql`verdict in ('agree', 'disagree')`))
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('review_verdicts_pk', ['assessment_id', 'code', 'user_id'])
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('review_verdicts').execute();
      await db.schema.alterTable('users').dropColumn('last_sign_in_at').execute();
    },
  };
}
