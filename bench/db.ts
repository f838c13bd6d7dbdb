// Storage benchmarks (issue 4), whole process as a user runs them: the built
// `fiw` command importing FH's files into an empty database and exporting
// everything, on SQLite and on a throwaway PostgreSQL 15 cluster (or the one
// in FIW_TEST_PG_URL). Medians of ROUNDS runs, alternating dialects.
// Run: npm run build && npx tsx bench/db.ts [ROUNDS]
import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { dataFile } from '../test-support/shared.js';
import { FIW } from '../test-support/cli.js';
import { freshDatabases, type Dialect } from './fresh-databases.js';

const ROUNDS = Number(process.argv[2] ?? 5);
const SPREADSHEETS = [
  'All_data_FIW_2013-2024.xlsx',
  'Aggregate_Category_and_Subcategory_Scores_FIW_2003-2023.xlsx',
  'Country_and_Territory_Ratings_and_Statuses_FIW_1973-2024.xlsx',
].map(dataFile);
const NARRATIVES = dataFile('fh_country_rating_text.jsonl');
const INDICATORS = dataFile('All_data_FIW_2013-2024.xlsx');
const FORMATS = ['csv', 'xlsx', 'json', 'datapackage'] as const;

function timed(args: string[]): number {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [FIW, ...args], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`fiw ${args.join(' ')} failed: ${r.stderr}`);
  return ms;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fastest = (xs: number[]) => Math.min(...xs);

const databases = await freshDatabases('db');
const freshTarget = databases.fresh;
let outputs = 0;

const results: Record<Dialect, Record<string, number[]>> = { sqlite: {}, postgres: {} };
const record = (d: Dialect, what: string, ms: number) => (results[d][what] ??= []).push(ms);

try {
  for (let round = 0; round < ROUNDS; round++) {
    for (const dialect of ['sqlite', 'postgres'] as const) {
      const all = await freshTarget(dialect);
      record(
        dialect,
        'import: 3 spreadsheets + narratives',
        timed(['import', '--accept-computed', '--db', all, ...SPREADSHEETS, NARRATIVES]),
      );
      const one = await freshTarget(dialect);
      record(dialect, 'import: indicator file alone', timed(['import', '--db', one, INDICATORS]));
      for (const format of FORMATS) {
        const out = join(databases.dir, `out-${++outputs}-${format}`);
        record(
          dialect,
          `export everything: ${format}`,
          timed(['export', '--db', all, '--format', format, '--out', out]),
        );
      }
      record(
        dialect,
        're-import, nothing changes',
        timed(['import', '--accept-computed', '--db', all, ...SPREADSHEETS, NARRATIVES]),
      );
    }
  }
} finally {
  databases.close();
}

const targets: Record<string, number> = {
  'import: 3 spreadsheets + narratives': 30_000,
  'import: indicator file alone': 3_000,
  'export everything: csv': 3_000,
  'export everything: xlsx': 3_000,
  'export everything: json': 3_000,
  'export everything: datapackage': 3_000,
};
const load = (label: string) =>
  console.log(
    `${label}: load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(', ')}`,
  );
load('after the runs');
console.log(`${ROUNDS} rounds; medians, fastest run in brackets`);
console.log(`| what | SQLite | PostgreSQL | PG / SQLite (medians) | target (SQLite) | pass |`);
console.log(`|---|---|---|---|---|---|`);
for (const what of Object.keys(results.sqlite)) {
  const s = median(results.sqlite[what]!);
  const p = median(results.postgres[what]!);
  const target = targets[what];
  const pass = (target === undefined || s < target) && p / s <= 2;
  const cell = (xs: number[]) => `${Math.round(median(xs))} ms (${Math.round(fastest(xs))})`;
  console.log(
    `| ${what} | ${cell(results.sqlite[what]!)} | ${cell(results.postgres[what]!)} | ${(p / s).toFixed(2)} | ${target ? `< ${target / 1000} s` : '—'} | ${pass ? 'yes' : 'NO'} |`,
  );
}
