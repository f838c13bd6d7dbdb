import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fiw } from '../../test-support/cli.js';
import { startServe as startServeAt } from '../../test-support/serve.js';
import { createTestDatabase, describePostgres } from '../../test-support/postgres.js';

const dir = mkdtempSync(join(tmpdir(), 'fiw-serve-'));
const db = join(dir, 'serve.db');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const startServe = (target = db, args: string[] = ['--empty']) => startServeAt(target, args);

describe('fiw serve and fiw user add', () => {
  it('refuses an FIW_TRUST_PROXY that is not a number of proxies, before opening anything', () => {
    const r = fiw(['serve', '--port', '0', '--db', join(dir, 'never.db')], { env: { FIW_TRUST_PROXY: 'true' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('FIW_TRUST_PROXY must be the number of reverse proxies in front of the server');
    expect(existsSync(join(dir, 'never.db'))).toBe(false);
  });

  it('migrates a fresh database, creates an admin with a one-time password, says how to load data, and stops on SIGTERM', async () => {
    const server = await startServe();
    const password = /shown only now:\n\s+(\S+)/.exec(server.stderr())?.[1];
    expect(password).toBeTruthy();
    expect(server.stderr()).not.toContain('Loaded Freedom House');
    expect(server.stderr()).toContain('fiw db seed');
    expect(server.stderr()).toContain('fiw import');
    const health = await fetch(`${server.url}/api/v1/health`);
    expect(await health.json()).toEqual({ status: 'ok', database: 'sqlite' });
    const login = await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@localhost', password }),
    });
    expect(login.status).toBe(200);
    const session = (await login.json()) as { user: unknown; csrfToken: string };
    expect(session.user).toMatchObject({ role: 'admin', mustChangePassword: true });
    const headers = {
      cookie: login.headers.get('set-cookie')!.split(';')[0]!,
      'x-csrf-token': session.csrfToken,
      'content-type': 'application/json',
    };
    const blocked = await fetch(`${server.url}/api/v1/studio/users`, { headers });
    expect(blocked.status).toBe(403);
    expect(((await blocked.json()) as { error: { code: string } }).error.code).toBe('password-change-required');
    const changed = await fetch(`${server.url}/api/v1/auth/password`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ currentPassword: password, newPassword: 'a much longer password' }),
    });
    expect(changed.status).toBe(200);
    expect((await fetch(`${server.url}/api/v1/studio/users`, { headers })).status).toBe(200);
    expect(await server.stop()).toBe(0);
  });

  it('adds users with a printed password, and refuses unknown roles and taken emails', async () => {
    const added = fiw(['user', 'add', '--email', 'ana@example.org', '--role', 'analyst', '--db', db]);
    expect(added.code).toBe(0);
    const password = added.stdout.trim().split('\n').at(-1)!;
    expect(password.length).toBeGreaterThanOrEqual(24);
    const again = fiw(['user', 'add', '--email', 'ana@example.org', '--role', 'analyst', '--db', db]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('already exists');
    const badRole = fiw(['user', 'add', '--email', 'x@example.org', '--role', 'king', '--db', db]);
    expect(badRole.code).toBe(2);
    expect(badRole.stderr).toContain('--role must be one of admin, editor, reviewer, analyst');

    const server = await startServe();
    expect(server.stderr()).not.toContain('shown only now');
    const login = await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'ana@example.org', password }),
    });
    expect(login.status).toBe(200);
    expect(await server.stop()).toBe(0);
  });
});

/** The line `fiw serve` prints after loading the bundled figures into a new database. */
const LOADED =
  /^Loaded Freedom House's published figures, FIW 1973–2025: 9,965 assessments in 52 editions in [\d.]+ s \(Source: Freedom House, Freedom in the World\)$/m;

async function editionKeys(url: string): Promise<number[]> {
  const r = await fetch(`${url}/api/v1/editions`);
  expect(r.status).toBe(200);
  return ((await r.json()) as { editions: { edition: number }[] }).editions.map((e) => e.edition);
}

describe('fiw serve on a new database', () => {
  it('loads Freedom House’s published figures once, says so, and serves every edition', async () => {
    const target = join(dir, 'seeded.db');
    const first = await startServe(target, []);
    expect(first.stderr()).toMatch(LOADED);
    const editions = await editionKeys(first.url);
    expect(editions).toHaveLength(52);
    expect([editions[0], editions.at(-1)]).toEqual([1973, 2025]);
    const table = await fetch(`${first.url}/api/v1/editions/2025/ratings`);
    expect(((await table.json()) as { rows: unknown[] }).rows).toHaveLength(208);
    expect(await first.stop()).toBe(0);

    const second = await startServe(target, []);
    expect(second.stderr()).not.toContain('Loaded');
    expect(await editionKeys(second.url)).toHaveLength(52);
    expect(await second.stop()).toBe(0);
  });

  it('leaves it empty with --empty; `fiw db seed` loads the figures later, and again changes nothing', async () => {
    const target = join(dir, 'empty.db');
    const server = await startServe(target, ['--empty']);
    expect(await editionKeys(server.url)).toEqual([]);
    expect(await server.stop()).toBe(0);
    const seed = fiw(['db', 'seed', '--db', target]);
    expect(seed.code).toBe(0);
    expect(seed.stdout).toMatch(LOADED);
    const again = fiw(['db', 'seed', '--db', target]);
    expect(again.code).toBe(0);
    expect(again.stdout).toBe(
      "Nothing changed: the database already holds Freedom House's published figures, FIW 1973–2025 (9,965 assessments)\n",
    );
  });
});

describePostgres('fiw serve on PostgreSQL', () => {
  it('migrates a new PostgreSQL database, loads the published figures and serves from it', async () => {
    const database = await createTestDatabase();
    try {
      const server = await startServe(database.url, []);
      expect(server.stderr()).toContain('shown only now');
      expect(server.stderr()).toMatch(LOADED);
      const health = await fetch(`${server.url}/api/v1/health`);
      expect(await health.json()).toEqual({ status: 'ok', database: 'postgres' });
      expect(await editionKeys(server.url)).toHaveLength(52);
      expect(await server.stop()).toBe(0);
    } finally {
      await database.drop();
    }
  });
});
