/**
 * Country page benchmark (issue 9): first contentful paint of a
 * server-rendered country page in headless Chromium on loopback, with
 * JavaScript on and off, each run in a new browser context (nothing cached).
 *
 *   npm run build && npx tsx bench/country-page.ts [--runs 15]
 *
 * Starts `fiw serve` on a new SQLite file, as a user does (it loads the
 * shipped published figures), so the page is the real dataset's.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchBrowser } from '../e2e/support/browser.js';
import { REPO_ROOT } from '../test-support/shared.js';

const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 15;
const PORT = 20_000 + (process.pid % 10_000);
const PAGES = [
  '/country/kazakhstan?edition=2024',
  '/country/syria?edition=2024&vs=2019',
  '/country/chile?edition=1990',
];

const dir = mkdtempSync(join(tmpdir(), 'fiw-bench-country-'));
const server = spawn(
  process.execPath,
  [join(REPO_ROOT, 'packages/cli/bin/fiw.js'), 'serve', '--db', join(dir, 'bench.db'), '--port', String(PORT)],
  { stdio: ['ignore', 'ignore', 'inherit'] },
);
const base = `http://127.0.0.1:${PORT}`;
try {
  for (let i = 0; ; i++) {
    if ((await fetch(`${base}/api/v1/health`).catch(() => null))?.ok) break;
    if (i > 600) throw new Error('fiw serve did not start');
    await new Promise((r) => setTimeout(r, 200));
  }
  const browser = await launchBrowser();
  const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.floor(q * (xs.length - 1))]!;
  console.log(`| page | JavaScript | FCP median (ms) | FCP p90 (ms) | hydrated median (ms) |`);
  console.log(`|---|---|---|---|---|`);
  for (const path of PAGES) {
    for (const js of [true, false]) {
      const fcp: number[] = [];
      const hydrated: number[] = [];
      // One warm-up run, so the server's first render (cache fill) is not counted.
      for (let run = -1; run < RUNS; run++) {
        const context = await browser.newContext({ javaScriptEnabled: js, viewport: { width: 1280, height: 900 } });
        const page = await context.newPage();
        await page.goto(base + path, { waitUntil: 'load' });
        if (js) await page.waitForSelector('html[data-hydrated]');
        const ready = await page.evaluate(() => performance.now());
        // The paint entry can land after the load event: look again for up to 3 s rather than read it too early.
        let paint = NaN;
        for (let t = 0; t < 60 && Number.isNaN(paint); t++) {
          paint = await page.evaluate(
            () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN,
          );
          if (Number.isNaN(paint)) await page.waitForTimeout(50);
        }
        if (run >= 0) {
          fcp.push(paint);
          hydrated.push(ready);
        }
        await context.close();
      }
      const h = js ? quantile(hydrated, 0.5).toFixed(0) : '–';
      console.log(
        `| ${path} | ${js ? 'on' : 'off'} | ${quantile(fcp, 0.5).toFixed(0)} | ${quantile(fcp, 0.9).toFixed(0)} | ${h} |`,
      );
    }
  }
  await browser.close();
  console.log(
    `\n${cpus().length} cores, load ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}, ${RUNS} runs each`,
  );
} finally {
  server.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
}
