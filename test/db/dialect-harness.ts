import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe } from 'vitest';
import { connect, migrateToLatest } from '@freedom-ratings/db';
import { createTestDatabase, describePostgres } from '../../test-support/postgres.js';

/**
 * Runs the same suite on SQLite (a temp file) and on the test PostgreSQL
 * cluster. `snapshot` says whether the database changed: the SQLite file's
 * bytes (taken with no connection open, so nothing is pending in the WAL), or
 * on PostgreSQL a checksum of every table's rows (identity sequences advance
 * even in rolled-back transactions, so a dump would differ without any data
 * having changed).
 */
export interface DialectHarness {
  dialect: 'sqlite' | 'postgres';
  /** A new, migrated, empty database; the target for `connect` / `--db`. */
  fresh(): Promise<string>;
  snapshot(target: string): Promise<string>;
}

const TABLES = [
  'entities',
  'entity_variants',
  'entity_earlier',
  'entity_successions',
  'entity_changes',
  'editions',
  'questions',
  'assessments',
  'scores',
  'narratives',
  'users',
  'sessions',
  'assignments',
  'comments',
  'revisions',
  'releases',
  'import_runs',
  'methodologies',
];

async function migrated(target: string): Promise<string> {
  const conn = connect(target);
  try {
    await migrateToLatest(conn);
  } finally {
    await conn.close();
  }
  return target;
}

function sqliteHarness(): DialectHarness & { cleanup(): void } {
  // Made on first use: a suite filtered out by -t collects but never runs its afterAll.
  let dir: string | undefined;
  let n = 0;
  return {
    dialect: 'sqlite',
    fresh: () => migrated(join((dir ??= mkdtempSync(join(tmpdir(), 'fiw-db-test-'))), `db-${++n}.sqlite`)),
    // A WAL left by a killed process holds only uncommitted frames: the main file is the database.
    async snapshot(target) {
      return createHash('sha256').update(readFileSync(target)).digest('hex');
    },
    cleanup: () => {
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

function postgresHarness(): DialectHarness & { cleanup(): Promise<void> } {
  const dropped: (() => Promise<void>)[] = [];
  return {
    dialect: 'postgres',
    async fresh() {
      const database = await createTestDatabase();
      dropped.push(database.drop);
      return migrated(database.url);
    },
    async snapshot(target) {
      const conn = connect(target);
      try {
        const parts: string[] = [];
        for (const table of TABLES) {
          const r = await sql<{ digest: string | null; n: number }>`
            select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as digest, count(*) as n
            from ${sql.table(table)} t`.execute(conn.db);
          parts.push(`${table}:${r.rows[0]!.n}:${r.rows[0]!.digest}`);
        }
        return parts.join('\n');
      } finally {
        await conn.close();
      }
    },
    async cleanup() {
      for (const drop of dropped) await drop();
    },
  };
}

/** `describe` once per dialect; PostgreSQL skips (or fails under CI) without a server. */
export function describeDialects(name: string, fn: (h: DialectHarness) => void): void {
  describe(`${name} (SQLite)`, () => {
    const h = sqliteHarness();
    afterAll(() => h.cleanup());
    fn(h);
  });
  describePostgres(`${name} (PostgreSQL)`, () => {
    const h = postgresHarness();
    afterAll(() => h.cleanup());
    fn(h);
  });
}
