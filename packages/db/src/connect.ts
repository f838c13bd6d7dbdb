import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, sql, SqliteDialect } from 'kysely';
import pg from 'pg';
import { COMMAND_LOCK_WAIT, type LockWait } from './lock-wait.js';
import type { Database } from './schema.js';

export type Dialect = 'sqlite' | 'postgres';

/**
 * What every repository function takes: a connection's `db` or a transaction
 * inside one. Callers outside this package name it by this type and never
 * build queries on it.
 */
export type DatabaseHandle = Kysely<Database>;

/** An open database: the Kysely handle, which dialect it speaks, and how to close it. */
export interface Connection {
  db: Kysely<Database>;
  dialect: Dialect;
  /** The file path (SQLite) or the URL without its password (PostgreSQL), for messages. */
  location: string;
  /** How long work waits for another process's lock; `setLockWait` changes it (a server waits less). */
  lockWait: LockWait;
  close(): Promise<void>;
}

export const DEFAULT_DATABASE = './data/freedom.db';

export interface ConnectOptions {
  /** Largest pool size for PostgreSQL (default 10). */
  poolSize?: number;
  /** PostgreSQL: how long to wait for a new connection before failing (default 5 s; pg's own default is forever). */
  connectTimeoutMs?: number;
}

/** `postgres://…` / `postgresql://…` is PostgreSQL; anything else is a SQLite file path (`sqlite:` prefix allowed). */
export function dialectOf(target: string): Dialect {
  return /^postgres(ql)?:\/\//i.test(target) ? 'postgres' : 'sqlite';
}

/**
 * Opens the database named by `target` (from `--db` or DATABASE_URL). Does
 * not migrate: call `migrateToLatest` (the server and `fiw import` do).
 */
export function connect(target: string = DEFAULT_DATABASE, options: ConnectOptions = {}): Connection {
  return dialectOf(target) === 'postgres' ? connectPostgres(target, options) : connectSqlite(target);
}

function connectSqlite(target: string): Connection {
  const path = target === ':memory:' ? target : resolve(target.replace(/^sqlite:(\/\/)?/i, ''));
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const handle = new SqliteDatabase(path);
  handle.pragma(`busy_timeout = ${COMMAND_LOCK_WAIT.statementMs}`);
  useWal(handle);
  // With WAL, synchronous NORMAL is safe against corruption and loses at most
  // the last commits on power failure, never a half-written one.
  handle.pragma('synchronous = NORMAL');
  handle.pragma('foreign_keys = ON');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: handle }) });
  return {
    db,
    dialect: 'sqlite',
    location: path,
    lockWait: { ...COMMAND_LOCK_WAIT },
    close: () => db.destroy(),
  };
}

/**
 * WAL lets the server read while an import writes. The file stays in WAL
 * mode once set, so this only changes anything on a new file; there, two
 * processes starting together can find the switch busy (SQLite does not wait
 * for it), so it is retried for up to a few seconds.
 */
function useWal(handle: SqliteDatabase.Database): void {
  for (let attempt = 1; ; attempt++) {
    try {
      if (handle.pragma('journal_mode', { simple: true }) === 'wal') return;
      handle.pragma('journal_mode = WAL');
      return;
    } catch (e) {
      if ((e as { code?: string }).code !== 'SQLITE_BUSY' || attempt >= 50) throw e;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
    }
  }
}

/** pg returns int8 (counts, sums) as strings to avoid precision loss; our counts fit in a double. */
const INT8_OID = 20;
const NUMERIC_OID = 1700;
const pgTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === INT8_OID || oid === NUMERIC_OID) return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format);
  },
};

function connectPostgres(target: string, options: ConnectOptions): Connection {
  const pool = new pg.Pool({
    connectionString: target,
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 5000,
    types: pgTypes,
  });
  // An idle client whose server went away (a restart, a failover) is dropped by the pool, which also emits
  // the error here; unheard, that event would end the process. The next query opens a new connection.
  pool.on('error', () => undefined);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    dialect: 'postgres',
    location: redactPassword(target),
    lockWait: { ...COMMAND_LOCK_WAIT },
    close: () => db.destroy(),
  };
}

function redactPassword(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://…';
  }
}

/** Runs a trivial query: throws when the database does not answer (what a health check needs to know). */
export async function ping(conn: Connection): Promise<void> {
  await sql`select 1`.execute(conn.db);
}
