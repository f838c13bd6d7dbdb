// Loading the bundled published figures (issue 9) into a new database, as
// `fiw serve` does on first start: the built `fiw db seed`, whole process
// (start-up, creating the schema, the load), and the load alone as the
// command reports it. For comparison, `fiw import` of the three spreadsheets
// the figures are made from, into a new database too. SQLite (a file in /tmp)
// and a throwaway PostgreSQL 15 cluster (or FIW_TEST_PG_URL), alternating.
// Run: npm run build && npx tsx bench/seed.ts [ROUNDS]
import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { PUBLISHED_FIGURES_INPUTS } from '../packages/db/src/seed/build-published-figures.js';
import { FIW } from '../test-support/cli.js';
import { dataFile } from '../test-support/shared.js';
import { freshDatabases, type Dialect } from './fresh-databases.js';

const ROUNDS = Number(process.argv[2] ?? 5);

function run(args: string[]): { ms: number; stdout: string } {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [FIW, ...args], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`fiw ${args.join(' ')} failed: ${r.stderr}`);
  return { ms, stdout: r.stdout };
}

const databases = await freshDatabases('seed');

const results: Record<Dialect, Record<string, number[]>> = { sqlite: {}, postgres: {} };
const record = (d: Dialect, what: string, ms: number) => (results[d][what] ??= []).push(ms);
const before = loadavg();
try {
  for (let round = 0; round < ROUNDS; round++) {
    for (const dialect of ['sqlite', 'postgres'] as const) {
      const seed = run(['db', 'seed', '--db', await databases.fresh(dialect)]);
      const reported = /in ([\d.]+) s \(Source/.exec(seed.stdout);
      if (!reported) throw new Error(`unexpected output: ${seed.stdout}`);
      record(dialect, '`fiw db seed`, whole process', seed.ms);
      record(dialect, 'the load alone (one transaction)', Number(reported[1]) * 1000);
      const imported = run([
        'import',
        '--accept-computed',
        '--db',
        await databases.fresh(dialect),
        ...PUBLISHED_FIGURES_INPUTS.map(dataFile),
      ]);
      record(dialect, '`fiw import` of the 3 spreadsheets, whole process', imported.ms);
    }
  }
} finally {
  databases.close();
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const cell = (xs: number[]) => `${Math.round(median(xs))} ms (${Math.round(Math.min(...xs))})`;
const load = (l: number[]) => l.map((x) => x.toFixed(2)).join(', ');
console.log(`load average before ${load(before)}, after ${load(loadavg())}`);
console.log(`${ROUNDS} rounds; medians, fastest run in brackets`);
console.log('| what | SQLite | PostgreSQL |');
console.log('|---|---|---|');
for (const what of Object.keys(results.sqlite)) {
  console.log(`| ${what} | ${cell(results.sqlite[what]!)} | ${cell(results.postgres[what]!)} |`);
}
