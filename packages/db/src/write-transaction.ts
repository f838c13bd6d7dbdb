import { sql, type Kysely } from 'kysely';
import type { Connection } from './connect.js';
import type { Database } from './schema.js';

/**
 * Runs `work` in one transaction that is going to write. On SQLite it starts
 * with BEGIN IMMEDIATE: a deferred transaction that reads first and writes
 * later fails outright (SQLITE_BUSY_SNAPSHOT) if another process wrote in
 * between, whereas taking the write lock up front waits for it (busy_timeout)
 * and then sees a consistent database. PostgreSQL needs nothing special.
 */
export async function inWriteTransaction<T>(conn: Connection, work: (db: Kysely<Database>) => Promise<T>): Promise<T> {
  if (conn.dialect === 'postgres') return conn.db.transaction().execute(work);
  return conn.db.connection().execute(async (db) => {
    await sql`begin immediate`.execute(db);
    try {
      const result = await work(db);
      await sql`commit`.execute(db);
      return result;
    } catch (e) {
      await sql`rollback`.execute(db);
      throw e;
    }
  });
}
