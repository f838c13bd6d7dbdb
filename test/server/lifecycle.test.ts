import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect, migrateToLatest } from '@freedom-ratings/db';
import { afterAll, describe, expect, it } from 'vitest';
import { ENDPOINTS } from '@freedom-ratings/contract';
import { buildServer } from '../../packages/server/src/build-server.js';
import { seed } from './fixture.js';

const dir = mkdtempSync(join(tmpdir(), 'fiw-lifecycle-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function seeded(name: string) {
  const conn = connect(join(dir, `${name}.db`));
  await migrateToLatest(conn);
  const fixture = await seed(conn);
  return { conn, fixture };
}

describe('server lifecycle', () => {
  it('finishes in-flight requests on close, refuses new ones, then closes the database', async () => {
    const { conn } = await seeded('close');
    const app = await buildServer({ conn, closeDatabaseOnClose: true });
    let reached!: () => void;
    const arrived = new Promise<void>((resolve) => (reached = resolve));
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    app.addHook('preHandler', async (request) => {
      if (request.url.endsWith('/ratings')) {
        reached();
        await gate;
      }
    });
    const url = await app.listen({ port: 0, host: '127.0.0.1' });
    const inFlight = fetch(`${url}/api/v1/editions/2024/ratings`);
    await arrived;
    const closing = app.close();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const refused = await fetch(`${url}/api/v1/editions`).then(
      (r) => r.status,
      () => 'connection refused',
    );
    expect([503, 'connection refused']).toContain(refused);
    release();
    const answer = await inFlight;
    expect(answer.status).toBe(200);
    expect(((await answer.json()) as { rows: unknown[] }).rows).toHaveLength(4);
    await closing;
    await expect(conn.db.selectFrom('editions').selectAll().execute()).rejects.toThrow();
  });

  it('answers 503 from the health check when the database is gone', async () => {
    const { conn } = await seeded('health');
    const app = await buildServer({ conn });
    expect((await app.inject({ method: 'GET', url: '/api/v1/health' })).statusCode).toBe(200);
    await conn.close();
    const r = await app.inject({ method: 'GET', url: '/api/v1/health' });
    expect(r.statusCode).toBe(503);
    expect(r.json().error.code).toBe('database-unavailable');
    await app.close();
  });

  it('marks the session cookie Secure behind a TLS proxy it trusts', async () => {
    const { conn, fixture } = await seeded('tls');
    const app = await buildServer({ conn, proxyHops: 1 });
    const r = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'x-forwarded-proto': 'https' },
      payload: { email: fixture.users.editor.email, password: fixture.users.editor.password },
    });
    expect(r.statusCode).toBe(200);
    expect(String(r.headers['set-cookie'])).toMatch(/; Secure/);
    await app.close();
    await conn.close();
  });

  it('documents every route with its access in the OpenAPI document', async () => {
    const { conn } = await seeded('openapi');
    const app = await buildServer({ conn });
    const doc = (await app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    const operations = Object.values(doc.paths as Record<string, Record<string, Record<string, unknown>>>).flatMap(
      (ops) => Object.values(ops),
    );
    expect(operations.length).toBeGreaterThanOrEqual(25);
    const ids = operations.map((op) => op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const op of operations) {
      expect(op['x-access'], String(op.operationId)).toBeDefined();
      expect(Object.keys(op.responses as object).length, String(op.operationId)).toBeGreaterThan(0);
    }
    await app.close();
    await conn.close();
  });
});

describe('the server and the contract', () => {
  it('serves exactly the contract’s endpoints, each at its method and path', async () => {
    const { conn } = await seeded('contract');
    const app = await buildServer({ conn });
    const doc = (await app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json() as {
      paths: Record<string, Record<string, { operationId: string }>>;
    };
    const served = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => `${op.operationId} ${method.toUpperCase()} ${path}`),
    );
    const declared = Object.values(ENDPOINTS).map(
      (e) => `${e.operationId} ${e.method} ${e.path.replace(/:(\w+)/g, '{$1}').replace(/\/\*$/, '/{file}')}`,
    );
    const documentOnly = served.filter((s) => !s.startsWith('openapi ') && !s.startsWith('apiDocs '));
    expect(documentOnly.sort()).toEqual(declared.sort());
    await app.close();
    await conn.close();
  });
});
