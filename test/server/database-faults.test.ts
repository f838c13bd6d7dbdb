import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { connect, migrateToLatest, type Connection } from '@freedom-ratings/db';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, describePostgres, type TestDatabase } from '../../test-support/postgres.js';
import { startTcpProxy, type TcpProxy } from '../../test-support/tcp-proxy.js';
import { buildServer } from '../../packages/server/src/build-server.js';
import { seed, type Fixture } from './fixture.js';
import { login, type Session } from './harness.js';

/**
 * The fault run: another process holding SQLite's write lock, and the
 * PostgreSQL server going away and coming back. The server must keep
 * answering — reads and health at once, writes with 503 and Retry-After —
 * and never with a 500.
 */

const require = createRequire(import.meta.url);

/** A second process that takes the SQLite write lock and keeps it until its stdin closes. */
async function holdWriteLock(file: string): Promise<ChildProcess> {
  const script = `
    const Database = require(process.argv[1]);
    const db = new Database(process.argv[2]);
    db.exec('BEGIN IMMEDIATE');
    process.stdout.write('locked\\n');
    process.stdin.resume();
    process.stdin.on('end', () => { db.exec('ROLLBACK'); db.close(); process.exit(0); });`;
  const child = spawn(process.execPath, ['-e', script, require.resolve('better-sqlite3'), file], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => d.toString().includes('locked') && resolve());
    child.on('exit', (code) => reject(new Error(`lock holder exited with ${code}`)));
  });
  return child;
}

async function release(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.on('exit', resolve));
  child.stdin!.end();
  await exited;
}

function expectUnavailable(r: LightMyRequestResponse, code: 'database-busy' | 'database-unavailable') {
  expect(r.statusCode, r.body).toBe(503);
  expect(r.json().error.code).toBe(code);
  expect(Number(r.headers['retry-after'])).toBeGreaterThan(0);
  expect(r.headers['cache-control']).toBe('no-store');
}

describe('SQLite: another process holds the write lock', () => {
  let dir: string;
  let file: string;
  let conn: Connection;
  let app: FastifyInstance;
  let fixture: Fixture;
  let editor: Session;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'fiw-busy-'));
    file = join(dir, 'busy.db');
    conn = connect(file);
    await migrateToLatest(conn);
    fixture = await seed(conn);
    app = await buildServer({ conn });
    editor = await login(app, fixture, 'editor');
  });
  afterAll(async () => {
    await app?.close();
    await conn?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps reads and /health flowing, answers a write 503 database-busy with Retry-After, and writes nothing', async () => {
    const id = fixture.open.bougainville!;
    const read = await editor.request('GET', `/api/v1/studio/assessments/${id}`);
    const etag = read.headers.etag as string;
    const holder = await holdWriteLock(file);
    try {
      const started = Date.now();
      const writing = editor.request(
        'PATCH',
        `/api/v1/studio/assessments/${id}`,
        { reason: 'x', scores: { C2: 1 } },
        {
          'if-match': etag,
        },
      );
      // A timer that fires late means the event loop was blocked by a synchronous wait for the lock.
      await sleep(50);
      const health = await app.inject({ method: 'GET', url: '/api/v1/health' });
      expect(health.statusCode).toBe(200);
      const healthAt = Date.now() - started;
      const studioRead = await editor.request('GET', `/api/v1/studio/assessments/${id}`);
      expect(studioRead.statusCode).toBe(200);
      const publicRead = await app.inject({ method: 'GET', url: '/api/v1/entities/norway/history' });
      expect(publicRead.statusCode).toBe(200);
      expect(healthAt).toBeLessThan(1000);
      const w = await writing;
      expectUnavailable(w, 'database-busy');
      expect(w.headers['retry-after']).toBe('1');
      // A sign-in writes a session: it is refused the same way rather than waiting.
      const { email, password } = fixture.users.reviewer;
      const signIn = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
      expectUnavailable(signIn, 'database-busy');
      expect(Date.now() - started).toBeLessThan(4000);
    } finally {
      await release(holder);
    }
    const after = await editor.request(
      'PATCH',
      `/api/v1/studio/assessments/${id}`,
      { reason: 'y', scores: { C2: 1 } },
      {
        'if-match': etag,
      },
    );
    expect(after.statusCode).toBe(200);
  });
});

describePostgres('PostgreSQL goes away and comes back', () => {
  let database: TestDatabase;
  let proxy: TcpProxy;
  let conn: Connection;
  let app: FastifyInstance;
  let fixture: Fixture;
  beforeAll(async () => {
    database = await createTestDatabase();
    const direct = connect(database.url);
    await migrateToLatest(direct);
    fixture = await seed(direct);
    await direct.close();
    const target = new URL(database.url);
    proxy = await startTcpProxy(target.hostname, Number(target.port));
    conn = connect(proxy.rewrite(database.url), { connectTimeoutMs: 2000 });
    app = await buildServer({ conn });
  });
  afterAll(async () => {
    await app?.close();
    await conn?.close();
    await proxy?.stop();
    await database?.drop();
  });

  it('answers 503 database-unavailable, serves cached public answers meanwhile, and recovers', async () => {
    const editions = await app.inject({ method: 'GET', url: '/api/v1/editions' });
    expect(editions.statusCode).toBe(200);
    const table = await app.inject({ method: 'GET', url: '/api/v1/editions/2024/ratings?sort=total' });
    expect(table.statusCode).toBe(200);
    const editor = await login(app, fixture, 'editor');

    await proxy.stop();
    await sleep(1100); // past the cache's trust in the publication version it last saw

    const cached = await app.inject({ method: 'GET', url: '/api/v1/editions' });
    expect(cached.statusCode).toBe(200);
    expect(cached.body).toBe(editions.body);
    expect(cached.headers.etag).toBe(editions.headers.etag);
    const cachedTable = await app.inject({ method: 'GET', url: '/api/v1/editions/2024/ratings?sort=total' });
    expect(cachedTable.body).toBe(table.body);

    expectUnavailable(
      await app.inject({ method: 'GET', url: '/api/v1/entities/chile/history' }),
      'database-unavailable',
    );
    expectUnavailable(await app.inject({ method: 'GET', url: '/api/v1/health' }), 'database-unavailable');
    expectUnavailable(await editor.request('GET', '/api/v1/studio/editions'), 'database-unavailable');
    const { email, password } = fixture.users.reviewer;
    const signIn = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
    expectUnavailable(signIn, 'database-unavailable');

    await proxy.start();
    // Within a second (the cache waits that long before asking a database that failed again) all is back.
    const history = () => app.inject({ method: 'GET', url: '/api/v1/entities/chile/history' });
    let back = await history();
    for (let i = 0; i < 30 && back.statusCode !== 200; i++) {
      await sleep(100);
      back = await history();
    }
    expect(back.statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/api/v1/health' })).statusCode).toBe(200);
    expect((await editor.request('GET', '/api/v1/studio/editions')).statusCode).toBe(200);
  });
});
