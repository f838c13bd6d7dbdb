import { sql } from 'kysely';
import type { Connection } from './connect.js';

/**
 * How long database work waits for another process's lock (SQLite; on
 * PostgreSQL rows are locked one by one and writers queue on their own).
 * better-sqlite3 waits synchronously: while one statement waits, the whole
 * process waits with it.
 */
export interface LockWait {
  /** One statement's wait (SQLite's busy_timeout), blocking the thread. */
  statementMs: number;
  /** A write transaction's wait for the write lock, in short asynchronous retries that block nothing. */
  writeTransactionMs: number;
}

/** A command (import, migrate, export) has nothing else to do while it waits. */
export const COMMAND_LOCK_WAIT: LockWait = { statementMs: 5000, writeTransactionMs: 5000 };

/**
 * A server must keep answering: no statement blocks, a write transaction
 * retries for a second without holding the connection (so reads go on in
 * between, WAL lets them), and then gives up with a DatabaseBusyError.
 */
export const SERVER_LOCK_WAIT: LockWait = { statementMs: 0, writeTransactionMs: 1000 };

/** Changes how long the connection's work waits for locks from now on. */
export async function setLockWait(conn: Connection, wait: LockWait): Promise<void> {
  if (conn.dialect === 'sqlite') {
    await sql`pragma busy_timeout = ${sql.raw(String(Math.max(0, Math.floor(wait.statementMs))))}`.execute(conn.db);
  }
  conn.lockWait = { ...wait };
}
