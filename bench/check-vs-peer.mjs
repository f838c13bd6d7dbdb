// `fiw check` against the peer an analyst would write instead (R scripts in
// ../shared/peers), whole process, side by side in one run: runs alternate so
// both see the same machine load. Reports medians and the ratio fiw / peer.
// Needs R: apt-get install -y --no-install-recommends r-base-core r-cran-readxl
// Run: npm run build && node bench/check-vs-peer.mjs [runs]
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = new URL('..', import.meta.url).pathname;
const SHARED = process.env.FIW_SHARED_DIR ?? join(ROOT, '..', 'shared');
const RUNS = Number(process.argv[2] ?? 21);
const FIW = join(ROOT, 'node_modules/.bin/fiw');

if (!existsSync(join(SHARED, 'data'))) throw new Error(`${SHARED}/data not found`);
if (spawnSync('Rscript', ['--version']).status !== 0) {
  console.error('Rscript not found: apt-get install -y --no-install-recommends r-base-core r-cran-readxl');
  process.exit(2);
}

function time(cmd, args) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr}`);
  return { ms, out: r.stdout.trim() };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const results = [];
for (const [format, script] of [
  ['xlsx', 'check.R'],
  ['csv', 'check_csv.R'],
]) {
  const file = join(SHARED, 'data', `All_data_FIW_2013-2024.${format}`);
  const peer = ['Rscript', [join(SHARED, 'peers', script), file]];
  const ours = [FIW, ['check', file]];
  time(...peer);
  time(...ours); // warm the file cache for both
  const p = [];
  const o = [];
  let peerOut = '';
  let ourOut = '';
  for (let i = 0; i < RUNS; i++) {
    const a = time(...ours);
    const b = time(...peer);
    o.push(a.ms);
    p.push(b.ms);
    ourOut = a.out;
    peerOut = b.out;
  }
  results.push({
    format,
    runs: RUNS,
    fiwMedianMs: Math.round(median(o)),
    peerMedianMs: Math.round(median(p)),
    ratio: Number((median(o) / median(p)).toFixed(2)),
    fiw: ourOut,
    peer: peerOut,
  });
}
console.log(JSON.stringify(results, null, 2));
process.exit(results.every((r) => r.ratio <= 1) ? 0 : 1);
