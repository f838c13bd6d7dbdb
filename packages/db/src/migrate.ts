import { Migrator, type MigrationResult } from 'kysely';
import type { Connection } from './connect.js';
import { migrationsFor } from './migrations/index.js';

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

function migrator(conn: Connection): Migrator {
  const migrations = migrationsFor(conn.dialect);
  return new Migrator({ db: conn.db, provider: { getMigrations: async () => migrations } });
}

/**
 * Brings the schema up to date; a no-op when it already is, so it runs on
 * every start. On PostgreSQL Kysely holds a lock while migrating, so several
 * servers starting together migrate once. SQLite has no such lock: when two
 * processes start on a new file together, one migration fails and rolls back
 * (SQLite's DDL is transactional), and trying again finds the schema done.
 */
export async function migrateToLatest(conn: Connection): Promise<MigrationReport> {
  const attempts = conn.dialect === 'sqlite' ? 5 : 1;
  for (let attempt = 1; ; attempt++) {
    try {
      return await migrateOnce(conn);
    } catch (e) {
      if (attempt >= attempts) throw e;
      await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
    }
  }
}

async function migrateOnce(conn: Connection): Promise<MigrationReport> {
  const { error, results } = await migrator(conn).migrateToLatest();
  const failed = results?.find((r: MigrationResult) => r.status === 'Error');
  if (error) throw new MigrationError(failed?.migrationName, error);
  const applied = (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
  const current = (await migrator(conn).getMigrations()).filter((m) => m.executedAt).map((m) => m.name);
  return { applied, current };
}

/** Names of migrations the code has but the database has not run yet. */
export async function pendingMigrations(conn: Connection): Promise<string[]> {
  return (await migrator(conn).getMigrations()).filter((m) => !m.executedAt).map((m) => m.name);
}
