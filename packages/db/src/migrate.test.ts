import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Migrator, NO_MIGRATIONS, sql, type Migration } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, describePostgres, type TestDatabase } from '../../../test-support/postgres.js';
import { connect, type Connection } from './connect.js';
import { migrateToLatest, pendingMigrations } from './migrate.js';
import { migrationsFor } from './migrations/index.js';

const TABLES = [
  'assessments',
  'assignments',
  'comments',
  'corrections',
  'editions',
  'entities',
  'entity_changes',
  'entity_earlier',
  'entity_successions',
  'entity_variants',
  'errata',
  'import_runs',
  'login_attempts',
  'methodologies',
  'narratives',
  'questions',
  'releases',
  'review_verdicts',
  'revisions',
  'scores',
  'sessions',
  'users',
];

/** The same checks on both dialects: migrate up from empty, again (no-op), then the append-only log. */
function migrationSuite(open: () => Promise<Connection>) {
  let conn: Connection;
  beforeAll(async () => {
    conn = await open();
  });
  afterAll(async () => {
    await conn?.close();
  });

  it('migrates an empty database to the latest schema', async () => {
    expect(await pendingMigrations(conn)).toEqual(Object.keys(migrationsFor(conn.dialect)));
    const report = await migrateToLatest(conn);
    expect(report.applied).toEqual(Object.keys(migrationsFor(conn.dialect)));
    const tables = (await conn.db.introspection.getTables()).map((t) => t.name).sort();
    expect(tables).toEqual(TABLES);
  });

  it('does nothing when already up to date', async () => {
    const report = await migrateToLatest(conn);
    expect(report.applied).toEqual([]);
    expect(report.current).toEqual(Object.keys(migrationsFor(conn.dialect)));
    expect(await pendingMigrations(conn)).toEqual([]);
  });

  it('migrates all the way down and up again', async () => {
    const migrator = new Migrator({
      db: conn.db,
      provider: { getMigrations: async () => migrationsFor(conn.dialect) },
    });
    const down = await migrator.migrateTo(NO_MIGRATIONS);
    expect(down.error).toBeUndefined();
    const left = (await conn.db.introspection.getTables()).map((t) => t.name);
    expect(left).toEqual([]);
    expect((await migrateToLatest(conn)).applied).toEqual(Object.keys(migrationsFor(conn.dialect)));
  });

  it('0006 makes editions of an older database name their built-in methodology file and version', async () => {
    const migrator = new Migrator({
      db: conn.db,
      provider: { getMigrations: async () => migrationsFor(conn.dialect) },
    });
    expect((await migrator.migrateTo('0003-editorial')).error).toBeUndefined();
    for (const edition of [1990, 2008, 2018]) {
      await sql`insert into editions (edition, label, period_start, period_end, year_under_review, methodology, state, created_at)
                values (${edition}, ${String(edition)}, '2000-01-01', '2000-12-31', 2000, ${`fiw-${edition}`}, 'open', '2026-01-01')`.execute(
        conn.db,
      );
    }
    await migrateToLatest(conn);
    const rows = await conn.db
      .selectFrom('editions')
      .select(['edition', 'methodology', 'methodology_version'])
      .orderBy('edition')
      .execute();
    expect(rows).toEqual([
      { edition: 1990, methodology: 'fiw-1973', methodology_version: 1 },
      { edition: 2008, methodology: 'fiw-2006', methodology_version: 1 },
      { edition: 2018, methodology: 'fiw-2018', methodology_version: 1 },
    ]);
    await conn.db.deleteFrom('editions').execute();
  });

  it('applies 0006, which landed after 0007, to a database that ran 0007 first', async () => {
    const migrator = new Migrator({
      db: conn.db,
      provider: { getMigrations: async () => migrationsFor(conn.dialect) },
    });
    expect((await migrator.migrateTo(NO_MIGRATIONS)).error).toBeUndefined();
    const { '0006-methodologies': _later, ...without } = migrationsFor(conn.dialect);
    await migrateToLatest(conn, without);
    expect(await pendingMigrations(conn)).toEqual(['0006-methodologies']);
    expect((await migrateToLatest(conn)).applied).toEqual(['0006-methodologies']);
    expect((await conn.db.introspection.getTables()).map((t) => t.name)).toContain('methodologies');
  });

  it('applies a migration added below one already applied (0004 landed after 0005)', async () => {
    const all = migrationsFor(conn.dialect);
    // The previous test ran 0006 after 0007, so going down must accept that order too.
    const migrator = new Migrator({
      db: conn.db,
      provider: { getMigrations: async () => all },
      allowUnorderedMigrations: true,
    });
    expect((await migrator.migrateTo(NO_MIGRATIONS)).error).toBeUndefined();
    const without0004 = Object.fromEntries(Object.entries(all).filter(([name]) => name !== '0004-login-attempts'));
    expect((await migrateToLatest(conn, without0004)).applied).toContain('0005-assignment-deadlines');
    expect((await migrateToLatest(conn)).applied).toEqual(['0004-login-attempts']);
    expect((await conn.db.introspection.getTables()).map((t) => t.name)).toContain('login_attempts');
  });

  it('applies pending migrations all or nothing', async () => {
    const broken: Record<string, Migration> = {
      ...migrationsFor(conn.dialect),
      '0900-first': {
        up: async (db) => void (await db.schema.createTable('first_half').addColumn('x', 'integer').execute()),
      },
      '0901-fails': { up: async (db) => void (await sql`select * from no_such_table`.execute(db)) },
    };
    await expect(migrateToLatest(conn, broken)).rejects.toThrow(/migration 0901-fails failed/);
    const tables = (await conn.db.introspection.getTables()).map((t) => t.name);
    expect(tables).not.toContain('first_half');
    expect(await pendingMigrations(conn)).toEqual([]);
  });

  it('refuses to rewrite the revision log and enforces foreign keys', async () => {
    const now = new Date().toISOString();
    const db = conn.db;
    await db.insertInto('entities').values({ id: 'x', name: 'X', kind: 'country', iso3: null, code: 'X-X' }).execute();
    await db
      .insertInto('editions')
      .values({
        edition: 2014,
        label: '2014',
        period_start: '2013-01-01',
        period_end: '2013-12-31',
        year_under_review: 2013,
        methodology: 'fiw-2014',
        state: 'open',
        release_checksum: null,
        published_at: null,
        created_at: now,
      })
      .execute();
    const { id } = await db
      .insertInto('assessments')
      .values({
        entity_id: 'x',
        edition: 2014,
        granularity: 'indicators',
        kind: 'country',
        region: null,
        state: 'draft',
        version: 1,
        add_q: 0,
        add_a: null,
        pr_aggregate: null,
        cl_aggregate: null,
        pr_rating: null,
        cl_rating: null,
        status: null,
        trend_arrow: null,
        electoral_democracy_override: null,
        source: null,
        source_note: null,
        created_at: now,
        updated_at: now,
        updated_by: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('revisions')
      .values({
        assessment_id: id,
        version: 1,
        user_id: null,
        at: now,
        field: 'score:A1',
        old_value: null,
        new_value: '3',
        reason: 'test',
      })
      .execute();
    await expect(db.updateTable('revisions').set({ reason: 'rewritten' }).execute()).rejects.toThrow(/append-only/);
    await expect(db.deleteFrom('revisions').execute()).rejects.toThrow(/append-only/);
    await expect(
      db
        .insertInto('scores')
        .values({ assessment_id: id + 1000, code: 'A1', value: 2 })
        .execute(),
    ).rejects.toThrow();
    await expect(
      db
        .updateTable('assessments')
        .set({ state: 'lost' as never })
        .where('id', '=', id)
        .execute(),
    ).rejects.toThrow();
    const count = await db
      .selectFrom('revisions')
      .select(sql<number>`count(*)`.as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
  });
}

describe('migrations on SQLite', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fiw-db-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  migrationSuite(async () => connect(join(dir, 'nested', 'freedom.db')));

  it('opens the file in WAL mode with foreign keys on', async () => {
    const conn = connect(join(dir, 'wal.db'));
    try {
      const mode = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(conn.db);
      const fk = await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(conn.db);
      expect(mode.rows[0]!.journal_mode).toBe('wal');
      expect(fk.rows[0]!.foreign_keys).toBe(1);
    } finally {
      await conn.close();
    }
  });
});

describePostgres('migrations on PostgreSQL', () => {
  let database: TestDatabase;
  afterAll(async () => {
    await database?.drop();
  });
  migrationSuite(async () => {
    database = await createTestDatabase();
    return connect(database.url);
  });
});
