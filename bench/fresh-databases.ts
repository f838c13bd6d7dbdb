import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { startCluster } from '../test-support/postgres.js';

export type Dialect = 'sqlite' | 'postgres';

/**
 * New, empty databases for benchmarks: SQLite files in a temp directory and
 * databases on a throwaway PostgreSQL 15 cluster (or the server in
 * FIW_TEST_PG_URL). `close` stops the cluster and deletes the files.
 */
export async function freshDatabases(name: string): Promise<{
  dir: string;
  fresh(dialect: Dialect): Promise<string>;
  close(): void;
}> {
  const dir = mkdtempSync(join(tmpdir(), `fiw-bench-${name}-`));
  const cluster = process.env.FIW_TEST_PG_URL ? undefined : await startCluster();
  const admin = process.env.FIW_TEST_PG_URL ?? cluster!.url;
  let n = 0;
  return {
    dir,
    async fresh(dialect) {
      n++;
      if (dialect === 'sqlite') return join(dir, `${name}-${n}.db`);
      const client = new pg.Client({ connectionString: admin });
      await client.connect();
      await client.query(`create database fiw_bench_${name}_${n}`);
      await client.end();
      const url = new URL(admin);
      url.pathname = `/fiw_bench_${name}_${n}`;
      return url.toString();
    },
    close() {
      cluster?.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
