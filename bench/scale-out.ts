/**
 * Scale-out benchmark (issue 12, item 14): public requests per second of one
 * `fiw serve` process against two, both on one throwaway PostgreSQL 15:
 *
 *   npm run build && npx tsx bench/scale-out.ts [--duration 10] [--connections 50]
 *
 * A new database gets FH's published figures (what `fiw serve` loads on
 * first start). Then, for each target, autocannon on loopback: one process
 * with all connections; two processes with half the connections each, run at
 * the same time and summed; one process again (the load on a shared machine
 * moves between runs, and the repeat shows by how much). Prints a Markdown
 * table. The load generator runs on the same cores as the servers.
 */
import { loadavg, cpus } from 'node:os';
import { autocannon, numberOption } from './load-generator.js';
import { createTestDatabase, PG_URL_VARIABLE, startCluster } from '../test-support/postgres.js';
import { startServe, type ServeProcess } from '../test-support/serve.js';

const DURATION = numberOption('duration', 10);
const CONNECTIONS = numberOption('connections', 50);
const TARGETS = ['/api/v1/editions/2024/ratings', '/api/v1/editions'];
const HEADERS = { 'accept-encoding': 'br' };

interface Run {
  setup: string;
  target: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  failures: number;
  load: string;
}

/** Loads `servers` at the same time, the connections split between them; sums their rates. */
async function measure(setup: string, servers: ServeProcess[], target: string): Promise<Run> {
  const connections = Math.max(1, Math.floor(CONNECTIONS / servers.length));
  const urls = servers.map((s) => s.url + target);
  // Warm-up: fills each process's cache and JIT before the measured seconds.
  await Promise.all(urls.map((url) => autocannon({ url, connections, duration: 2, headers: HEADERS })));
  const before = loadavg()[0]!;
  const results = await Promise.all(
    urls.map((url) => autocannon({ url, connections, duration: DURATION, headers: HEADERS })),
  );
  return {
    setup,
    target,
    requestsPerSecond: Math.round(results.reduce((sum, r) => sum + r.requests.average, 0)),
    p50: Math.max(...results.map((r) => r.latency.p50)),
    p99: Math.max(...results.map((r) => r.latency.p99)),
    failures: results.reduce((sum, r) => sum + r.non2xx + r.errors, 0),
    load: `${before.toFixed(1)} → ${loadavg()[0]!.toFixed(1)}`,
  };
}

async function main() {
  const cluster = await startCluster();
  process.env[PG_URL_VARIABLE] = cluster.url;
  const database = await createTestDatabase();
  const servers: ServeProcess[] = [];
  try {
    // The first start migrates and loads the published figures; the second finds them there.
    servers.push(await startServe(database.url, []));
    servers.push(await startServe(database.url, []));
    const runs: Run[] = [];
    for (const target of TARGETS) {
      runs.push(await measure('1 process', servers.slice(0, 1), target));
      runs.push(await measure('2 processes', servers, target));
      runs.push(await measure('1 process, again', servers.slice(0, 1), target));
    }
    console.log(`${cpus().length} cores; ${DURATION} s per run, ${CONNECTIONS} connections in all, brotli\n`);
    console.log('| setup | target | req/s | p50 ms | p99 ms | non-2xx + errors | load avg (1 min) |');
    console.log('|---|---|---|---|---|---|---|');
    for (const r of runs) {
      console.log(
        `| ${r.setup} | \`${r.target}\` | ${r.requestsPerSecond.toLocaleString('en')} | ${r.p50} | ${r.p99} | ` +
          `${r.failures} | ${r.load} |`,
      );
    }
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
    await database.drop();
    cluster.stop();
  }
}

await main();
