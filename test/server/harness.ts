import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect, migrateToLatest, type Connection } from '@freedom-ratings/db';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
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
      return { conn: connect(database.url, { poolSize: 20 }), cleanup: () => database.drop() };
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
