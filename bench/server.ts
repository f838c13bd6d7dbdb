/**
 * Server benchmarks (issue 5), on SQLite and on a throwaway PostgreSQL 15:
 *
 *   npm run build && npx tsx bench/server.ts [--duration 10] [--connections 50] [--skip-postgres]
 *
 * For each database: import FH's three spreadsheets and the narrative file
 * with `fiw import`, start `fiw serve` as its own process, and with
 * autocannon on loopback measure the public country report and ratings
 * table against the very same bytes served as static files by the same
 * server in the same run (identity, then brotli); then open a new edition
 * in the studio and send 200 concurrent saves to different assessments and
 * 50 concurrent saves with one If-Match to a single assessment.
 * Results: a Markdown table on stdout and JSON in bench/results/.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { autocannon, numberOption } from './load-generator.js';
import { startCluster, type RunningCluster } from '../test-support/postgres.js';
import { startServe } from '../test-support/serve.js';
import { REPO_ROOT, dataFile } from '../test-support/shared.js';

const args = process.argv.slice(2);
const DURATION = numberOption('duration', 10);
const CONNECTIONS = numberOption('connections', 50);
const SKIP_POSTGRES = args.includes('--skip-postgres');

const RESULTS = join(REPO_ROOT, 'bench/results');
// A private copy of the built command: other work rebuilding packages/cli/bundle mid-run must not break the server.
const BUNDLE = join(RESULTS, 'bundle');
const FIW = join(BUNDLE, 'fiw.js');
const FILES = [
  'All_data_FIW_2013-2024.xlsx',
  'Aggregate_Category_and_Subcategory_Scores_FIW_2003-2023.xlsx',
  'Country_and_Territory_Ratings_and_Statuses_FIW_1973-2024.xlsx',
  'fh_country_rating_text.jsonl',
].map((f) => dataFile(f));

const REPORT = '/api/v1/entities/kazakhstan/reports/2024';
const RATINGS = '/api/v1/editions/2025/ratings';

function fiw(argv: string[]): string {
  const r = spawnSync(process.execPath, [FIW, ...argv], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`fiw ${argv.join(' ')} failed: ${r.stderr}`);
  return r.stdout;
}

interface LoadResult {
  target: string;
  encoding: string;
  requestsPerSecond: number;
  p99: number;
  p50: number;
  non2xx: number;
  errors: number;
  bytes: number;
}

async function load(url: string, target: string, encoding: 'identity' | 'br'): Promise<LoadResult> {
  const headers: Record<string, string> = encoding === 'br' ? { 'accept-encoding': 'br' } : {};
  // A short warm-up so the first (cache-filling, JIT-compiling) second is not measured.
  await autocannon({ url, connections: CONNECTIONS, duration: 2, headers });
  const r = await autocannon({ url, connections: CONNECTIONS, duration: DURATION, headers });
  return {
    target,
    encoding,
    requestsPerSecond: Math.round(r.requests.average),
    p99: r.latency.p99,
    p50: r.latency.p50,
    non2xx: r.non2xx,
    errors: r.errors,
    bytes: Math.round(r.throughput.average),
  };
}

/** Writes the API's bytes as static files (with .br/.gz siblings) for the same server to serve. */
async function writeStatic(base: string, staticDir: string): Promise<Record<string, string>> {
  const paths: Record<string, string> = {};
  for (const [name, path] of [
    ['report', REPORT],
    ['ratings', RATINGS],
  ] as const) {
    const body = Buffer.from(await (await fetch(base + path)).arrayBuffer());
    const file = `${name}.json`;
    const assets = join(staticDir, 'client', 'assets');
    writeFileSync(join(assets, file), body);
    writeFileSync(join(assets, `${file}.br`), brotliCompressSync(body));
    writeFileSync(join(assets, `${file}.gz`), gzipSync(body));
    paths[name] = `/assets/${file}`;
  }
  return paths;
}

async function studio(base: string, email: string, password: string) {
  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (login.status !== 200) throw new Error(`login failed: ${login.status} ${await login.text()}`);
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const headers = { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' };
  // `fiw user add` gives a one-time password, which must be changed before anything else.
  const changed = await fetch(`${base}/api/v1/auth/password`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ currentPassword: password, newPassword: `${password}-changed` }),
  });
  if (changed.status !== 200) throw new Error(`password change failed: ${changed.status}`);
  const opened = await fetch(`${base}/api/v1/studio/editions`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ edition: 2026, reason: 'benchmark' }),
  });
  if (opened.status !== 201) throw new Error(`open edition: ${opened.status} ${await opened.text()}`);
  const list = (await (
    await fetch(`${base}/api/v1/studio/editions/2026/assessments`, { headers: { cookie } })
  ).json()) as {
    assessments: { id: number; version: number }[];
  };
  const targets = list.assessments.slice(0, 201);
  const save = (id: number, etag: string, value: number, reason: string) =>
    fetch(`${base}/api/v1/studio/assessments/${id}`, {
      method: 'PATCH',
      headers: { ...headers, 'if-match': etag },
      body: JSON.stringify({
        reason,
        scores: { A1: value },
        narratives: [{ section: 'indicator', code: 'A1', body: reason }],
      }),
    });
  // Each save changes A1 to a value it does not have, so every one writes.
  const current = await Promise.all(
    targets.map(async (a) => {
      const r = (await (await fetch(`${base}/api/v1/studio/assessments/${a.id}`, { headers: { cookie } })).json()) as {
        scores: Record<string, number>;
        version: number;
      };
      return { id: a.id, a1: r.scores.A1 ?? 0, version: r.version };
    }),
  );
  const many = current.slice(0, 200);
  let started = performance.now();
  const manyResults = await Promise.all(
    many.map((a) => save(a.id, `"${a.id}-${a.version}"`, (a.a1 + 1) % 5, 'bench: different assessments')),
  );
  const manyMs = performance.now() - started;
  const manyOk = manyResults.filter((r) => r.status === 200).length;

  const one = current[200]!;
  const logLength = async () =>
    (
      (await (
        await fetch(`${base}/api/v1/studio/assessments/${one.id}/revisions`, { headers: { cookie } })
      ).json()) as {
        revisions: unknown[];
      }
    ).revisions.length;
  const before = await logLength();
  started = performance.now();
  // One field per save, so the log's one row per changed field makes one entry per successful save.
  const sameResults = await Promise.all(
    Array.from({ length: 50 }, (_, i) =>
      fetch(`${base}/api/v1/studio/assessments/${one.id}`, {
        method: 'PATCH',
        headers: { ...headers, 'if-match': `"${one.id}-${one.version}"` },
        body: JSON.stringify({ reason: `bench: writer ${i}`, scores: { A1: (one.a1 + 1 + (i % 4)) % 5 } }),
      }),
    ),
  );
  const sameMs = performance.now() - started;
  const after = await logLength();
  const codes = sameResults.map((r) => r.status);
  return {
    differentAssessments: { saves: many.length, ok: manyOk, wallMs: Math.round(manyMs) },
    sameAssessment: {
      saves: 50,
      ok: codes.filter((c) => c === 200).length,
      preconditionFailed: codes.filter((c) => c === 412).length,
      other: codes.filter((c) => c !== 200 && c !== 412),
      newRevisionEntries: after - before,
      wallMs: Math.round(sameMs),
    },
  };
}

async function runOn(dialect: 'sqlite' | 'postgres', db: string) {
  const t0 = performance.now();
  fiw(['import', '--accept-computed', ...FILES, '--db', db]);
  const importSeconds = (performance.now() - t0) / 1000;
  const added = fiw(['user', 'add', '--email', 'bench-editor@example.org', '--role', 'editor', '--db', db]);
  const password = added.trim().split('\n').at(-1)!;
  const staticDir = join(RESULTS, `static-${dialect}`);
  rmSync(staticDir, { recursive: true, force: true });
  // A private copy of the web build: --static takes a build, whose /assets/ the comparison files join.
  cpSync(join(REPO_ROOT, 'packages', 'web', 'build'), staticDir, { recursive: true });
  const server = await startServe(db, ['--static', staticDir], {}, FIW);
  try {
    const files = await writeStatic(server.url, staticDir);
    const runs: LoadResult[] = [];
    for (const encoding of ['identity', 'br'] as const) {
      for (const [name, api] of [
        ['report', REPORT],
        ['ratings', RATINGS],
      ] as const) {
        runs.push(await load(server.url + api, `${name} (API)`, encoding));
        runs.push(await load(server.url + files[name]!, `${name} (static file)`, encoding));
      }
    }
    const saves = await studio(server.url, 'bench-editor@example.org', password);
    return { dialect, importSeconds: Number(importSeconds.toFixed(1)), runs, saves };
  } finally {
    await server.stop();
  }
}

function markdown(result: Awaited<ReturnType<typeof runOn>>): string {
  const lines = [
    `### ${result.dialect === 'sqlite' ? 'SQLite' : 'PostgreSQL 15'} (import of the four files: ${result.importSeconds} s)`,
    '',
    '| target | encoding | req/s | p50 | p99 | non-2xx | API ÷ static |',
    '|---|---|---|---|---|---|---|',
  ];
  for (const r of result.runs) {
    const staticRun = result.runs.find(
      (s) => s.encoding === r.encoding && s.target === r.target.replace('(API)', '(static file)'),
    );
    const ratio =
      r.target.endsWith('(API)') && staticRun ? (r.requestsPerSecond / staticRun.requestsPerSecond).toFixed(2) : '';
    lines.push(
      `| ${r.target} | ${r.encoding} | ${r.requestsPerSecond.toLocaleString('en')} | ${r.p50} ms | ${r.p99} ms | ${r.non2xx + r.errors} | ${ratio} |`,
    );
  }
  const s = result.saves;
  lines.push(
    '',
    `- 200 concurrent saves to different assessments: ${s.differentAssessments.ok}/200 succeeded in ${s.differentAssessments.wallMs} ms.`,
    `- 50 concurrent saves to one assessment with the same If-Match: ${s.sameAssessment.ok} succeeded, ` +
      `${s.sameAssessment.preconditionFailed} got 412${s.sameAssessment.other.length ? `, others: ${s.sameAssessment.other.join(',')}` : ''}; ` +
      `${s.sameAssessment.newRevisionEntries} new revision-log entries (${s.sameAssessment.wallMs} ms).`,
  );
  return lines.join('\n');
}

async function main() {
  mkdirSync(RESULTS, { recursive: true });
  rmSync(BUNDLE, { recursive: true, force: true });
  cpSync(resolve(REPO_ROOT, 'packages/cli/bundle'), BUNDLE, { recursive: true });
  const started = new Date();
  const results = [];
  const sqliteFile = join(RESULTS, 'server-bench.db');
  for (const suffix of ['', '-wal', '-shm']) rmSync(sqliteFile + suffix, { force: true });
  results.push(await runOn('sqlite', sqliteFile));
  if (!SKIP_POSTGRES) {
    let cluster: RunningCluster | undefined;
    try {
      cluster = await startCluster();
      results.push(await runOn('postgres', cluster.url));
    } finally {
      cluster?.stop();
    }
  }
  const meta = {
    date: started.toISOString(),
    node: process.version,
    cpus: cpus().length,
    loadAverageAtEnd: loadavg().map((l) => l.toFixed(2)),
    durationSeconds: DURATION,
    connections: CONNECTIONS,
  };
  writeFileSync(
    join(RESULTS, `server-${started.toISOString().slice(0, 19).replace(/:/g, '')}.json`),
    JSON.stringify({ meta, results }, null, 2),
  );
  console.log(
    `${meta.date}, Node ${meta.node}, ${meta.cpus} cores, load average at end ${meta.loadAverageAtEnd.join(' ')}`,
  );
  console.log(`autocannon: ${CONNECTIONS} connections, ${DURATION} s per run after a 2 s warm-up, loopback\n`);
  for (const r of results) console.log(`${markdown(r)}\n`);
}

await main();
