import { connect, migrateToLatest } from '@freedom-ratings/db';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, describePostgres, type TestDatabase } from '../../test-support/postgres.js';
import { startServe, type ServeProcess } from '../../test-support/serve.js';
import { OPEN_EDITION, seed, type Fixture } from './fixture.js';

/** A client of the HTTP API through a proxy that says the client is `address`. */
interface Client {
  cookie?: string;
  csrf?: string;
}

async function call(
  server: ServeProcess,
  method: string,
  path: string,
  options: { body?: unknown; as?: Client; address?: string; headers?: Record<string, string> } = {},
): Promise<{ status: number; json: ReturnType<typeof JSON.parse>; headers: Headers }> {
  const headers: Record<string, string> = {
    'x-forwarded-for': options.address ?? '192.0.2.1',
    ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
    ...(options.as?.cookie ? { cookie: options.as.cookie } : {}),
    ...(options.as?.csrf && method !== 'GET' ? { 'x-csrf-token': options.as.csrf } : {}),
    ...options.headers,
  };
  const r = await fetch(`${server.url}${path}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await r.text();
  return { status: r.status, json: text ? JSON.parse(text) : null, headers: r.headers };
}

async function signIn(server: ServeProcess, email: string, password: string, address?: string): Promise<Client> {
  const r = await call(server, 'POST', '/api/v1/auth/login', { body: { email, password }, address });
  expect(r.status).toBe(200);
  return { cookie: r.headers.get('set-cookie')!.split(';')[0]!, csrf: r.json.csrfToken };
}

/**
 * Two `fiw serve` processes (the built command, real child processes) on one
 * PostgreSQL database and nothing else shared: what an organisation runs
 * behind a load balancer when one machine is not enough.
 */
describePostgres('two fiw serve processes on one PostgreSQL', () => {
  let database: TestDatabase;
  let fixture: Fixture;
  let a: ServeProcess;
  let b: ServeProcess;

  beforeAll(async () => {
    database = await createTestDatabase();
    const conn = connect(database.url);
    await migrateToLatest(conn);
    fixture = await seed(conn);
    await conn.close();
    // Behind one proxy: each test names its client's address in X-Forwarded-For.
    [a, b] = await Promise.all([
      startServe(database.url, ['--empty'], { FIW_TRUST_PROXY: '1' }),
      startServe(database.url, ['--empty'], { FIW_TRUST_PROXY: '1' }),
    ]);
    expect(a.pid).not.toBe(b.pid);
  }, 120_000);

  afterAll(async () => {
    expect(await Promise.all([a?.stop(), b?.stop()])).toEqual([0, 0]);
    await database?.drop();
  });

  it('serves a session made on one process from the other, and ends it on both', async () => {
    const s = await signIn(a, fixture.users.reviewer.email, fixture.users.reviewer.password);
    const me = await call(b, 'GET', '/api/v1/auth/me', { as: s });
    expect(me.status).toBe(200);
    expect(me.json).toMatchObject({ user: { role: 'reviewer' }, csrfToken: s.csrf });
    expect((await call(b, 'POST', '/api/v1/auth/logout', { as: s })).status).toBe(200);
    expect((await call(a, 'GET', '/api/v1/auth/me', { as: s })).status).toBe(401);
  });

  it('holds one sign-in limit across both: guesses alternating between them are locked out after 10', async () => {
    const { email, password } = fixture.users.otherAnalyst;
    const codes: number[] = [];
    for (let i = 0; i < 14; i++) {
      const server = i % 2 === 0 ? a : b;
      const r = await call(server, 'POST', '/api/v1/auth/login', {
        body: { email, password: `guess ${i}` },
        address: `198.51.100.${i + 1}`,
      });
      codes.push(r.status);
    }
    expect(codes).toEqual([...Array<number>(10).fill(401), 429, 429, 429, 429]);
    for (const server of [a, b]) {
      const right = await call(server, 'POST', '/api/v1/auth/login', {
        body: { email, password },
        address: '198.51.100.99',
      });
      expect(right.status).toBe(429);
    }
    // 40 parallel guesses at another account, split across both: at most 10 are checked in all.
    const burst = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        call(i % 2 === 0 ? a : b, 'POST', '/api/v1/auth/login', {
          body: { email: fixture.users.analyst.email, password: `burst ${i}` },
          address: `203.0.113.${i + 1}`,
        }),
      ),
    );
    const burstCodes = burst.map((r) => r.status);
    expect(burstCodes.filter((c) => c === 401).length).toBeLessThanOrEqual(10);
    expect(burstCodes.filter((c) => c !== 401 && c !== 429)).toEqual([]);
  });

  it('of 50 writers split across both with the same ETag exactly one wins', async () => {
    const editor = await signIn(a, fixture.users.editor.email, fixture.users.editor.password);
    const id = fixture.open.bougainville!;
    const read = await call(b, 'GET', `/api/v1/studio/assessments/${id}`, { as: editor });
    const etag = read.headers.get('etag')!;
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        call(i % 2 === 0 ? a : b, 'PATCH', `/api/v1/studio/assessments/${id}`, {
          as: editor,
          headers: { 'if-match': etag },
          body: { reason: `writer ${i}`, scores: { C2: i % 4 === 2 ? 3 : 4 } },
        }),
      ),
    );
    const codes = results.map((r) => r.status);
    expect(codes.filter((c) => c === 200)).toHaveLength(1);
    expect(codes.filter((c) => c === 412)).toHaveLength(49);
    const log = await call(a, 'GET', `/api/v1/studio/assessments/${id}/revisions`, { as: editor });
    expect(log.json.revisions.filter((r: { reason: string }) => r.reason.startsWith('writer '))).toHaveLength(1);
  });

  it('serves an edition published on one process from the other within 1 s', async () => {
    const editor = await signIn(a, fixture.users.editor.email, fixture.users.editor.password);
    const reviewer = await signIn(a, fixture.users.reviewer.email, fixture.users.reviewer.password);
    // B has the edition list cached, without the open edition.
    const before = await call(b, 'GET', '/api/v1/editions');
    expect(before.json.editions.map((e: { edition: number }) => e.edition)).not.toContain(OPEN_EDITION);
    expect((await call(b, 'GET', `/api/v1/editions/${OPEN_EDITION}/ratings`)).status).toBe(404);

    const nor = fixture.open.norway!;
    const etag = (await call(a, 'GET', `/api/v1/studio/assessments/${nor}`, { as: reviewer })).headers.get('etag')!;
    const approved = await call(a, 'POST', `/api/v1/studio/assessments/${nor}/workflow`, {
      as: reviewer,
      headers: { 'if-match': etag },
      body: { action: 'approve', reason: 'ok' },
    });
    expect(approved.status).toBe(200);
    const list = await call(a, 'GET', `/api/v1/studio/editions/${OPEN_EDITION}/assessments`, { as: editor });
    const withhold = list.json.assessments
      .filter((x: { state: string }) => x.state !== 'approved')
      .map((x: { entity: { id: string } }) => x.entity.id);
    const published = await call(a, 'POST', `/api/v1/studio/editions/${OPEN_EDITION}/publish`, {
      as: editor,
      body: { reason: 'go', withhold },
    });
    expect(published.status).toBe(200);
    const at = Date.now();
    let seenAfter: number | undefined;
    while (Date.now() - at < 3000) {
      const editions = await call(b, 'GET', '/api/v1/editions');
      const table = await call(b, 'GET', `/api/v1/editions/${OPEN_EDITION}/ratings`);
      if (editions.json.editions.some((e: { edition: number }) => e.edition === OPEN_EDITION) && table.status === 200) {
        seenAfter = Date.now() - at;
        expect(table.json.edition.releaseChecksum).toBe(published.json.checksum);
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(seenAfter).toBeDefined();
    expect(seenAfter!).toBeLessThan(1000);
  });
});
