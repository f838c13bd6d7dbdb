import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { describe } from 'vitest';

/**
 * A throwaway PostgreSQL 15 cluster for the tests: initdb + pg_ctl in a temp
 * directory on a free port, one per test run (vitest's globalSetup below),
 * its URL passed on in FIW_TEST_PG_URL. An already-set FIW_TEST_PG_URL (CI
 * starts its own cluster) is used as it is. Each test file gets its own
 * database from `createTestDatabase`, so files never see each other's rows.
 */
export const PG_BIN = process.env.FIW_PG_BIN ?? '/usr/lib/postgresql/15/bin';
export const PG_URL_VARIABLE = 'FIW_TEST_PG_URL';

export interface RunningCluster {
  url: string;
  stop(): void;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Runs a PostgreSQL binary as the `postgres` user when we are root (initdb refuses root). */
function runAsPostgres(binary: string, args: string[]): void {
  const path = join(PG_BIN, binary);
  const asRoot = process.getuid?.() === 0;
  const r = asRoot
    ? spawnSync('runuser', ['-u', 'postgres', '--', path, ...args], { encoding: 'utf8' })
    : spawnSync(path, args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${binary} failed (${r.status}): ${r.stderr || r.stdout}`);
}

export function postgresInstalled(): boolean {
  return existsSync(join(PG_BIN, 'initdb')) && existsSync(join(PG_BIN, 'pg_ctl'));
}

/** Starts a new cluster; fsync is off because the data is thrown away at the end. */
export async function startCluster(): Promise<RunningCluster> {
  const dir = mkdtempSync(join(tmpdir(), 'fiw-pg-'));
  const data = join(dir, 'data');
  if (process.getuid?.() === 0) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(dir, uid, gid);
  }
  const port = await freePort();
  runAsPostgres('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-sync', '--locale=C']);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
  runAsPostgres('pg_ctl', ['-D', data, '-o', options, '-l', join(dir, 'log'), '-w', 'start']);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop() {
      try {
        runAsPostgres('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

/** vitest globalSetup: one cluster for the whole run, unless FIW_TEST_PG_URL is already set. */
export default async function setup(): Promise<(() => void) | undefined> {
  if (process.env[PG_URL_VARIABLE] || !postgresInstalled()) return undefined;
  const cluster = await startCluster();
  process.env[PG_URL_VARIABLE] = cluster.url;
  return () => cluster.stop();
}

export function postgresUrl(): string | undefined {
  return process.env[PG_URL_VARIABLE];
}

/**
 * `describe` for tests that need PostgreSQL: skips with a message when no
 * server is available, except under CI, where that is a failure.
 */
export function describePostgres(name: string, fn: () => void): void {
  if (postgresUrl()) {
    describe(name, fn);
    return;
  }
  if (process.env.CI === 'true') {
    describe(name, () => {
      throw new Error(`${PG_URL_VARIABLE} is not set and no PostgreSQL was started: under CI that is a failure`);
    });
    return;
  }
  console.warn(`skipping "${name}": no PostgreSQL (${PG_BIN} missing and ${PG_URL_VARIABLE} unset)`);
  describe.skip(name, fn);
}

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A fresh, empty database in the test cluster; `drop` removes it (close your connections first). */
export async function createTestDatabase(): Promise<TestDatabase> {
  const admin = postgresUrl();
  if (!admin) throw new Error(`${PG_URL_VARIABLE} is not set`);
  const name = `fiw_test_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  try {
    await client.query(`create database ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      try {
        await c.query(`drop database if exists ${name} with (force)`);
      } finally {
        await c.end();
      }
    },
  };
}
