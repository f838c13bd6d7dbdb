import { setTimeout as sleep } from 'node:timers/promises';
import { sql, type Kysely } from 'kysely';
import type { Connection } from './connect.js';
import { DatabaseBusyError, databaseFault } from './database-faults.js';
import type { Database } from './schema.js';

/**
 * Runs `work` in one transaction that is going to write. On SQLite it starts
 * with BEGIN IMMEDIATE: a deferred transaction that reads first and writes
 * later fails outright (SQLITE_BUSY_SNAPSHOT) if another process wrote in
 * between, whereas taking the write lock up front sees a consistent database.
 * While another process holds the lock, BEGIN is retried in short sleeps that
 * release the connection, so this process's reads go on meanwhile, until
 * `conn.lockWait.writeTransactionMs` has passed; then it throws a
 * DatabaseBusyError having written nothing. PostgreSQL needs nothing special.
 */
export async function inWriteTransaction<T>(conn: Connection, work: (db: Kysely<Database>) => Promise<T>): Promise<T> {
  if (conn.dialect === 'postgres') return conn.db.transaction().execute(work);
  const started = Date.now();
  for (let attempt = 0; ; attempt++) {
    let began = false;
    try {
      return await conn.db.connection().execute(async (db) => {
        await sql`begin immediate`.execute(db);
        began = true;
        try {
          const result = await work(db);
          await sql`commit`.execute(db);
          return result;
        } catch (e) {
          await sql`rollback`.execute(db);
          throw e;
        }
      });
    } catch (e) {
      if (began || databaseFault(e) !== 'busy') throw e;
      const waited = Date.now() - started;
      if (waited >= conn.lockWait.writeTransactionMs) throw new DatabaseBusyError(waited);
      // 5, 10, 20, 40, 50, 50 … ms, with jitter so that waiting writers do not retry in step.
      await sleep(Math.min(50, 5 * 2 ** attempt) * (0.5 + Math.random()));
    }
  }
}
