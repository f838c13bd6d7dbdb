import { connect, DEFAULT_DATABASE, migrateToLatest, type Connection } from '@freedom-ratings/db';
import { UserError } from '../errors.js';

/** `--db` wins over DATABASE_URL; without either, the SQLite file under ./data. */
export function databaseTarget(option: string | undefined): string {
  return option ?? process.env.DATABASE_URL ?? DEFAULT_DATABASE;
}

/**
 * Opens and migrates the database, turning "cannot open" and "cannot
 * connect" into a one-line message instead of a driver stack trace.
 */
export async function openMigrated(
  target: string,
): Promise<{ conn: Connection; applied: string[]; current: string[] }> {
  let conn: Connection;
  try {
    conn = connect(target);
  } catch (e) {
    throw new UserError(`cannot open database ${target}: ${(e as Error).message}`);
  }
  try {
    const { applied, current } = await migrateToLatest(conn);
    return { conn, applied, current };
  } catch (e) {
    await conn.close().catch(() => undefined);
    const code = (e as { code?: string }).code ?? ((e as Error).cause as { code?: string } | undefined)?.code;
    const why = code === 'ECONNREFUSED' ? 'connection refused' : (e as Error).message;
    throw new UserError(`cannot prepare database ${conn.location}: ${why}`);
  }
}

export async function dbMigrateCommand(opts: { db?: string }): Promise<number> {
  const { conn, applied, current } = await openMigrated(databaseTarget(opts.db));
  try {
    if (applied.length === 0) {
      process.stdout.write(`${conn.location}: schema up to date (${current.length} migrations)\n`);
    } else {
      process.stdout.write(`${conn.location}: applied ${applied.join(', ')}\n`);
    }
    return 0;
  } finally {
    await conn.close();
  }
}

/** Runs `work` on the migrated database `--db` names (`true`: the default one) and closes it whatever happens. */
export async function withDatabase<T>(
  option: string | true | undefined,
  work: (conn: Connection) => Promise<T>,
): Promise<T> {
  const { conn } = await openMigrated(databaseTarget(option === true ? undefined : option));
  try {
    return await work(conn);
  } finally {
    await conn.close();
  }
}
