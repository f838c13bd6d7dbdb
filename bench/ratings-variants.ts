/**
 * Issue 12 item 7: distinct legal query-string variants of the ratings table
 * against the latency of an unrelated cached route and the server's memory.
 *
 *   npm run build && npx tsx bench/ratings-variants.ts [--fiw path/to/fiw.js] [--variants 1560] [--concurrency 20]
 *
 * Starts `fiw serve` as its own process on a new SQLite database (which loads
 * FH's published figures, FIW 1973–2025), measures `GET /api/v1/editions`
 * (cached) sequentially while idle, then again while `--variants` distinct
 * legal URLs of `/api/v1/editions/2025/ratings` (region × status × kind × sort
 * × order × include, shuffled with a fixed seed) are replayed with
 * `--concurrency` requests in flight; RSS of the server before and after.
 * `--fiw` runs another build of the command (e.g. one made from an older
 * commit) for a before/after comparison. Prints a Markdown table row.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { FH_REGIONS } from '../packages/core/src/index.js';
import { RATINGS_SORT_KEYS } from '../packages/contract/src/index.js';
import { startServe } from '../test-support/serve.js';
import { REPO_ROOT } from '../test-support/shared.js';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1]! : fallback;
};
const VARIANTS = Number(option('variants', '1560'));
const CONCURRENCY = Number(option('concurrency', '20'));
const PROBE = '/api/v1/editions';

/** Every legal variant of one edition's table, in an order shuffled by a fixed seed. */
function legalVariants(edition: number): string[] {
  const urls: string[] = [];
  for (const region of [undefined, ...FH_REGIONS])
    for (const status of [undefined, 'F', 'PF', 'NF'])
      for (const kind of [undefined, 'country', 'territory'])
        for (const sort of RATINGS_SORT_KEYS)
          for (const order of ['asc', 'desc'])
            for (const include of [undefined, 'indicators']) {
              const q = new URLSearchParams();
              if (region) q.set('region', region);
              if (status) q.set('status', status);
              if (kind) q.set('kind', kind);
              q.set('sort', sort);
              q.set('order', order);
              if (include) q.set('include', include);
              urls.push(`/api/v1/editions/${edition}/ratings?${q}`);
            }
  let seed = 12;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  for (let i = urls.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [urls[i], urls[j]] = [urls[j]!, urls[i]!];
  }
  return urls;
}

function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return Math.round(Number(m![1]) / 1024);
}

async function timed(url: string): Promise<number> {
  const t = performance.now();
  const r = await fetch(url, { headers: { 'accept-encoding': 'br' } });
  await r.arrayBuffer();
  if (r.status !== 200) throw new Error(`${url}: ${r.status}`);
  return performance.now() - t;
}

function stats(ms: number[]) {
  const sorted = [...ms].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
  return { n: ms.length, median: at(0.5), p99: at(0.99), max: sorted.at(-1)! };
}

async function main() {
  const results = join(REPO_ROOT, 'bench/results');
  // A private copy of the built command, so a rebuild elsewhere mid-run changes nothing.
  const bundle = join(results, 'variants-bundle');
  const given = option('fiw', '');
  let fiw = resolve(given);
  if (!given) {
    rmSync(bundle, { recursive: true, force: true });
    cpSync(join(REPO_ROOT, 'packages/cli/bundle'), bundle, { recursive: true });
    fiw = join(bundle, 'fiw.js');
  }
  const dir = mkdtempSync(join(tmpdir(), 'fiw-variants-'));
  const server = await startServe(join(dir, 'bench.db'), [], {}, fiw);
  try {
    const base = server.url;
    const urls = legalVariants(2025).slice(0, VARIANTS);
    for (let i = 0; i < 50; i++) await timed(base + PROBE);
    await timed(`${base}/api/v1/editions/2025/ratings`);
    const idle: number[] = [];
    for (let i = 0; i < 500; i++) idle.push(await timed(base + PROBE));
    const rssBefore = rssMb(server.pid);

    const during: number[] = [];
    let next = 0;
    let done = false;
    const variantMs: number[] = [];
    const t0 = performance.now();
    const workers = Array.from({ length: CONCURRENCY }, async () => {
      while (next < urls.length) variantMs.push(await timed(base + urls[next++]!));
    });
    const probe = (async () => {
      while (!done) during.push(await timed(base + PROBE));
    })();
    await Promise.all(workers);
    const replaySeconds = (performance.now() - t0) / 1000;
    done = true;
    await probe;
    const rssAfter = rssMb(server.pid);
    const round = (x: number) => Math.round(x * 10) / 10;
    const i = stats(idle);
    const d = stats(during);
    const v = stats(variantMs);
    console.log(
      `machine: ${cpus().length} × ${cpus()[0]?.model}, load ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}; ${urls.length} variants, ${CONCURRENCY} in flight; fiw: ${fiw}`,
    );
    console.log(
      '| build | /editions idle median / p99 ms | /editions during replay median / p99 / max ms | variant median / p99 ms | replay s | RSS before → after MB |',
    );
    console.log('|---|---|---|---|---|---|');
    console.log(
      `| ${option('label', given ? given : 'this build')} | ${round(i.median)} / ${round(i.p99)} | ${round(d.median)} / ${round(d.p99)} / ${round(d.max)} (n=${d.n}) | ${round(v.median)} / ${round(v.p99)} | ${round(replaySeconds)} | ${rssBefore} → ${rssAfter} |`,
    );
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
    if (!given) rmSync(bundle, { recursive: true, force: true });
  }
}

await main();
