import { Migrator, type Kysely, type Migration, type MigrationResult } from 'kysely';
import type { Connection } from './connect.js';
import type { Database } from './schema.js';
import { migrationsFor } from './migrations/index.js';
import { inWriteTransaction } from './write-transaction.js';

export interface MigrationReport {
  /** Migrations applied by this call, in order (empty when already up to date). */
  applied: string[];
  /** Every migration the database now has. */
  current: string[];
}

export class MigrationError extends Error {
  constructor(
    readonly migration: string | undefined,
    cause: unknown,
  ) {
    super(`migration ${migration ?? '(unknown)'} failed: ${(cause as Error)?.message ?? String(cause)}`, { cause });
    this.name = 'MigrationError';
  }
}

/**
 * Unordered migrations are allowed: numbers are handed out ahead to work done
 * in parallel (0007 can land before 0004), so a database may have run a later
 * number before an earlier one arrives. Each migration touches only its own
 * tables, so the order between them does not matter.
 */
function migrator(db: Kysely<Database>, migrations: Record<string, Migration>): Migrator {
  return new Migrator({ db, provider: { getMigrations: async () => migrations }, allowUnorderedMigrations: true });
}

/**
 * Brings the schema up to date; a no-op when it already is, so it runs on
 * every start. All pending migrations apply in one transaction or not at all,
 * on both dialects: Kysely does that itself on PostgreSQL (and holds a lock,
 * so servers starting together migrate once), and on SQLite, where Kysely
 * runs migrations without a transaction, we wrap them in BEGIN IMMEDIATE, so
 * a crash cannot leave half a migration behind and a second process waits
 * for the first instead of racing it. `migrations` is for tests.
 */
export async function migrateToLatest(
  conn: Connection,
  migrations: Record<string, Migration> = migrationsFor(conn.dialect),
): Promise<MigrationReport> {
  if (conn.dialect === 'postgres') return migrateWith(conn.db, migrations);
  // Up to date is the common case (every command start): answer it without the write lock,
  // so starting the server or an export never waits for an import that is writing.
  if ((await migrator(conn.db, migrations).getMigrations()).every((m) => m.executedAt)) {
    return migrateWith(conn.db, migrations);
  }
  // A process that waited out busy_timeout behind another's migration tries again.
  for (let attempt = 1; ; attempt++) {
    try {
      return await inWriteTransaction(conn, (db) => migrateWith(db, migrations));
    } catch (e) {
      if (attempt >= 3 || (e as { code?: string }).code !== 'SQLITE_BUSY') throw e;
    }
  }
}

async function migrateWith(db: Kysely<Database>, migrations: Record<string, Migration>): Promise<MigrationReport> {
  const { error, results } = await migrator(db, migrations).migrateToLatest();
  const failed = results?.find((r: MigrationResult) => r.status === 'Error');
  if (error) throw new MigrationError(failed?.migrationName, error);
  const applied = (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
  const current = (await migrator(db, migrations).getMigrations()).filter((m) => m.executedAt).map((m) => m.name);
  return { applied, current };
}

/** Names of migrations the code has but the database has not run yet. */
export async function pendingMigrations(conn: Connection): Promise<string[]> {
  const all = migrator(conn.db, migrationsFor(conn.dialect));
  return (await all.getMigrations()).filter((m) => !m.executedAt).map((m) => m.name);
}
