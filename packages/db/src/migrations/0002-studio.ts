import { sql, type Kysely, type Migration } from 'kysely';
import type { Dialect } from '../connect.js';
import { withSerialId } from './columns.js';

/** Users and sessions, assignments, comments, the append-only revision log, and releases. */
export function studioMigration(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await withSerialId(db.schema.createTable('users'), dialect)
        .addColumn('email', 'text', (c) => c.notNull().unique())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('admin', 'editor', 'reviewer', 'analyst')`))
        .addColumn('password_hash', 'text', (c) => c.notNull())
        .addColumn('password_salt', 'text', (c) => c.notNull())
        .addColumn('password_params', 'text', (c) => c.notNull())
        .addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('disabled_at', 'text')
        .execute();

      await db.schema
        .createTable('sessions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('csrf_token', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('last_seen_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('sessions_by_user').on('sessions').column('user_id').execute();

      await db.schema
        .createTable('assignments')
        .addColumn('assessment_id', 'integer', (c) => c.notNull().references('assessments.id').onDelete('cascade'))
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('assigned_by', 'integer', (c) => c.references('users.id'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('assignments_pk', ['assessment_id', 'user_id'])
        .execute();
      await db.schema.createIndex('assignments_by_user').on('assignments').column('user_id').execute();

      await withSerialId(db.schema.createTable('comments'), dialect)
        .addColumn('assessment_id', 'integer', (c) => c.notNull().references('assessments.id').onDelete('cascade'))
        .addColumn('code', 'text')
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('resolved_at', 'text')
        .execute();
      await db.schema.createIndex('comments_by_assessment').on('comments').column('assessment_id').execute();

      await withSerialId(db.schema.createTable('revisions'), dialect)
        .addColumn('assessment_id', 'integer', (c) => c.notNull().references('assessments.id'))
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('user_id', 'integer', (c) => c.references('users.id'))
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('field', 'text', (c) => c.notNull())
        .addColumn('old_value', 'text')
        .addColumn('new_value', 'text')
        .addColumn('reason', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('revisions_by_assessment').on('revisions').columns(['assessment_id', 'id']).execute();
      await refuseRevisionChanges(db, dialect);

      await withSerialId(db.schema.createTable('releases'), dialect)
        .addColumn('edition', 'integer', (c) => c.notNull().references('editions.edition'))
        .addColumn('checksum', 'text', (c) => c.notNull())
        .addColumn('canonical', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('created_by', 'integer', (c) => c.references('users.id'))
        .execute();
      await db.schema.createIndex('releases_by_edition').on('releases').column('edition').execute();

      // Imports have no user (null); studio writes record who made them.
      await db.schema
        .alterTable('assessments')
        .addColumn('updated_by', 'integer', (c) => c.references('users.id'))
        .execute();
    },

    async down(db: Kysely<unknown>) {
      await db.schema.alterTable('assessments').dropColumn('updated_by').execute();
      if (dialect === 'postgres') await sql`drop function revisions_append_only() cascade`.execute(db);
      for (const table of ['releases', 'revisions', 'comments', 'assignments', 'sessions', 'users']) {
        await db.schema.dropTable(table).execute();
      }
    },
  };
}

/** The revision log is history: the database itself refuses to rewrite it. */
async function refuseRevisionChanges(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  if (dialect === 'postgres') {
    await sql`create function revisions_append_only() returns trigger language plpgsql as $$
      begin raise exception 'the revision log is append-only'; end $$`.execute(db);
    await sql`create trigger revisions_no_rewrite before update or delete on revisions
      for each row execute function revisions_append_only()`.execute(db);
    await sql`create trigger revisions_no_truncate before truncate on revisions
      for each statement execute function revisions_append_only()`.execute(db);
    return;
  }
  for (const event of ['update', 'delete']) {
    await sql`create trigger ${sql.raw(`revisions_no_${event}`)} before ${sql.raw(event)} on revisions
      begin select raise(abort, 'the revision log is append-only'); end`.execute(db);
  }
}
