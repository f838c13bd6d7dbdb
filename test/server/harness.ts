import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect, migrateToLatest, type Connection } from '@freedom-ratings/db';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, describe } from 'vitest';
import { createTestDatabase, describePostgres, type TestDatabase } from '../../test-support/postgres.js';
import { buildServer, type ServerOptions } from '../../packages/server/src/build-server.js';
import { seed, type Fixture } from './fixture.js';

export interface ServerUnderTest {
  app: FastifyInstance;
  conn: Connection;
  fixture: Fixture;
  login(user: keyof Fixture['users']): Promise<Session>;
}

/** A signed-in client: sends the cookie and the CSRF token with every request. */
export interface Session {
  cookie: string;
  csrf: string;
  request(
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    payload?: unknown,
    headers?: Record<string, string>,
  ): Promise<LightMyRequestResponse>;
}

/**
 * Runs `suite` against a migrated, seeded SQLite file and, where a
 * PostgreSQL server is available, against a fresh PostgreSQL database.
 */
export function describeOnBothDialects(
  name: string,
  suite: (get: () => ServerUnderTest) => void,
  options: Partial<ServerOptions> = {},
): void {
  describe(`${name} (SQLite)`, () => {
    let dir: string;
    const get = harness(async () => {
      dir = mkdtempSync(join(tmpdir(), 'fiw-server-'));
      return {
        conn: connect(join(dir, 'test.db')),
        cleanup: async () => rmSync(dir, { recursive: true, force: true }),
      };
    }, options);
    suite(get);
  });
  describePostgres(`${name} (PostgreSQL)`, () => {
    let database: TestDatabase;
    const get = harness(async () => {
      database = await createTestDatabase();
      return {
        conn: connect(database.url, { poolSize: 20 }),
        cleanup: async () => {
          await untilDisconnected(database.url);
          await database.drop();
        },
      };
    }, options);
    suite(get);
  });
}

function harness(
  open: () => Promise<{ conn: Connection; cleanup: () => Promise<void> }>,
  options: Partial<ServerOptions>,
): () => ServerUnderTest {
  let sut: ServerUnderTest | undefined;
  let cleanup: () => Promise<void> = async () => {};
  beforeAll(async () => {
    const opened = await open();
    cleanup = opened.cleanup;
    const conn = opened.conn;
    await migrateToLatest(conn);
    const fixture = await seed(conn);
    const app = await buildServer({ ...options, conn });
    sut = { app, conn, fixture, login: (user) => login(app, fixture, user) };
  });
  afterAll(async () => {
    await sut?.app.close();
    await sut?.conn.close();
    await cleanup();
  });
  return () => sut!;
}

export async function login(app: FastifyInstance, fixture: Fixture, user: keyof Fixture['users']): Promise<Session> {
  const { email, password } = fixture.users[user];
  const r = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
  if (r.statusCode !== 200) throw new Error(`login as ${user} failed: ${r.statusCode} ${r.body}`);
  const setCookie = [r.headers['set-cookie']].flat().find((c) => c?.startsWith('fiw_session='))!;
  const cookie = setCookie.split(';')[0]!;
  const csrf = r.json().csrfToken as string;
  return {
    cookie,
    csrf,
    request: (method, url, payload, headers = {}) =>
      app.inject({
        method,
        url,
        ...(payload === undefined ? {} : { payload: payload as object }),
        headers: { cookie, ...(method === 'GET' ? {} : { 'x-csrf-token': csrf }), ...headers },
      }),
  };
}

/**
 * pg's pool resolves `end()` before its sockets have closed; dropping the
 * database at that moment makes the server kill them, and the half-closed
 * clients report that as unhandled errors. Wait until the server has seen
 * every connection to the test database go.
 */
async function untilDisconnected(url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    for (let i = 0; i < 100; i++) {
      const r = await client.query('select count(*)::int as n from pg_stat_activity where datname = $1', [name]);
      if (r.rows[0].n === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } finally {
    await client.end();
  }
}
