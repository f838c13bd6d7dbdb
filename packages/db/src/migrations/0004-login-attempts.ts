import { sql, type Kysely, type Migration } from 'kysely';
import type { Dialect } from '../connect.js';
import { withSerialId } from './columns.js';

/**
 * Sign-in attempts, kept in the database so that every server process on it
 * enforces one limit. An attempt is two rows (its account and its address),
 * written before the password is checked: `pending` while it is being
 * checked, cleared when it failed, deleted when it succeeded.
 */
export function loginAttemptsMigration(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await withSerialId(db.schema.createTable('login_attempts'), dialect)
        .addColumn('attempt', 'text', (c) => c.notNull())
        .addColumn('scope', 'text', (c) => c.notNull().check(sql`scope in ('account', 'address')`))
        .addColumn('subject', 'text', (c) => c.notNull())
        .addColumn('started_at', 'text', (c) => c.notNull())
        .addColumn('pending', 'integer', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('login_attempts_by_subject')
        .on('login_attempts')
        .columns(['scope', 'subject', 'started_at'])
        .execute();
      await db.schema.createIndex('login_attempts_by_attempt').on('login_attempts').column('attempt').execute();
      await db.schema.createIndex('login_attempts_by_time').on('login_attempts').column('started_at').execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('login_attempts').execute();
    },
  };
}
