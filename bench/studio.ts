/**
 * Studio benchmarks (issue 10), on the full real dataset:
 *
 *   npm run build && npx tsx bench/studio.ts [--skip-postgres]
 *
 * - the studio's initial JavaScript, gzipped, from the build's manifest;
 * - keypress → figures: in headless Chromium, the time from a digit typed into an indicator's control to the
 *   recomputed total on screen (core's assess, compareWithPrevious, explain and reviewWarnings, then Preact's
 *   render), and the pure computation alone in Node;
 * - the calibration view of one indicator across every entity of an edition, rendered in Chromium, and the API
 *   answer it waits for, alone;
 * - opening an edition (208 drafts copied from the last) and loading its board, on SQLite and PostgreSQL.
 *
 * Each server is `buildServer` on a new database with FH's three spreadsheets imported, listening on loopback.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { connect, importFiles, migrateToLatest, type Connection } from '@freedom-ratings/db';
import { launchBrowser } from '../e2e/support/browser.js';
import { buildServer } from '../packages/server/src/build-server.js';
import { createUser } from '../packages/server/src/index.js';
import { loadWebBuild } from '../packages/server/src/web/web-build.js';
import { staticClosure, type BuildManifest } from '../packages/web/src/app/build-manifest.js';
import { STUDIO_SOURCE } from '../packages/web/src/app/page-sources.js';
import { fieldsOf, applyEdits, scoreField } from '../packages/web/src/studio/assessment/fields.js';
import type { StudioAssessment } from '../packages/web/src/studio/assessment/fields.js';
import { liveFigures, previousOf } from '../packages/web/src/studio/assessment/live-figures.js';
import { startCluster } from '../test-support/postgres.js';
import { REPO_ROOT, dataFile } from '../test-support/shared.js';

const SKIP_POSTGRES = process.argv.includes('--skip-postgres');
const WEB = join(REPO_ROOT, 'packages', 'web', 'build');
const FILES = [
  'All_data_FIW_2013-2024.xlsx',
  'Aggregate_Category_and_Subcategory_Scores_FIW_2003-2023.xlsx',
  'Country_and_Territory_Ratings_and_Statuses_FIW_1973-2024.xlsx',
];
const PASSWORD = 'a long bench password';
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fmt = (ms: number) => `${ms.toFixed(ms < 10 ? 2 : 0)} ms`;

function studioJs(): number {
  const client = join(WEB, 'client');
  const manifest = JSON.parse(readFileSync(join(client, '.vite', 'manifest.json'), 'utf8')) as BuildManifest;
  const files = new Set([...staticClosure(manifest, 'index.html'), ...staticClosure(manifest, STUDIO_SOURCE)]);
  return [...files]
    .filter((f) => f.endsWith('.js'))
    .reduce((sum, f) => sum + gzipSync(readFileSync(join(client, f)), { level: 9 }).length, 0);
}

interface Running {
  url: string;
  conn: Connection;
  close(): Promise<void>;
  /** A signed-in studio request as the editor. */
  studio(method: string, path: string, body?: unknown): Promise<{ status: number; json: unknown; ms: number }>;
}

async function start(target: string): Promise<Running> {
  const conn = connect(target);
  await migrateToLatest(conn);
  await importFiles(
    conn,
    FILES.map((f) => ({ name: basename(f), bytes: readFileSync(dataFile(f)) })),
  );
  await createUser(conn.db, { email: 'editor@bench', name: 'Bench Editor', role: 'editor', password: PASSWORD });
  const app = await buildServer({ conn, web: await loadWebBuild(WEB), closeDatabaseOnClose: true });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  const login = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'editor@bench', password: PASSWORD }),
  });
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  return {
    url,
    conn,
    close: () => app.close(),
    async studio(method, path, body) {
      const t0 = performance.now();
      const r = await fetch(url + path, {
        method,
        headers: {
          cookie,
          'x-csrf-token': csrfToken,
          origin: url,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const json = await r.json();
      return { status: r.status, json, ms: performance.now() - t0 };
    },
  };
}

async function latestEdition(s: Running): Promise<number> {
  const r = await s.studio('GET', '/api/v1/editions');
  return Math.max(...(r.json as { editions: { edition: number }[] }).editions.map((e) => e.edition));
}

/** Opening an edition and its board, as the editor's browser asks for them. */
async function openEdition(s: Running) {
  const edition = (await latestEdition(s)) + 1;
  const opened = await s.studio('POST', '/api/v1/studio/editions', { edition, reason: 'bench' });
  if (opened.status !== 201) throw new Error(`open edition: ${opened.status} ${JSON.stringify(opened.json)}`);
  const boards: number[] = [];
  for (let i = 0; i < 5; i++) boards.push((await s.studio('GET', `/api/v1/studio/editions/${edition}/board`)).ms);
  const count = (opened.json as { assessments: number }).assessments;
  return { edition, count, openMs: opened.ms, boardMs: median(boards) };
}

async function browserTimings(s: Running, edition: number) {
  const board = (await s.studio('GET', `/api/v1/studio/editions/${edition}/board`)).json as {
    assessments: { id: number; entity: { id: string } }[];
  };
  const kaz = board.assessments.find((a) => a.entity.id === 'kazakhstan')!;
  const assessment = (await s.studio('GET', `/api/v1/studio/assessments/${kaz.id}`)).json as StudioAssessment;

  // The computation alone, in Node: what each keypress asks of core.
  const previous = previousOf(assessment);
  const base = fieldsOf(assessment);
  const compute: number[] = [];
  for (let i = 0; i < 2000; i++) {
    const t0 = performance.now();
    liveFigures(assessment, applyEdits(base, { [scoreField('B2')]: i % 5 }), previous);
    compute.push(performance.now() - t0);
  }

  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${s.url}/studio`);
    await page.getByLabel('Email').fill('editor@bench');
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
    await page.goto(`${s.url}/studio/assessments/${kaz.id}`);
    await page.getByRole('group', { name: /^B2 / }).locator('input').first().focus();
    // Digit typed → total on screen changed, measured inside the page (keydown to the DOM mutation).
    const keypress: number[] = await page.evaluate(async () => {
      const total = document.querySelector('[data-figure="total"]')!;
      const times: number[] = [];
      for (let i = 0; i < 40; i++) {
        const digit = String(i % 2 === 0 ? 4 : 0);
        const changed = new Promise<number>((resolve) => {
          const observer = new MutationObserver(() => {
            observer.disconnect();
            resolve(performance.now());
          });
          observer.observe(total, { childList: true, characterData: true, subtree: true });
        });
        const t0 = performance.now();
        document.activeElement!.dispatchEvent(
          new KeyboardEvent('keydown', { key: digit, bubbles: true, cancelable: true }),
        );
        times.push((await changed) - t0);
        await new Promise((r) => setTimeout(r, 30));
      }
      return times;
    });

    // Calibration of one indicator across every entity of the edition, from the address to the filled table.
    const calibration: number[] = [];
    for (let i = 0; i < 5; i++) {
      await page.goto(`${s.url}/studio`);
      await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
      const ms = await page.evaluate(
        async (href) => {
          const t0 = performance.now();
          history.pushState(null, '', href);
          dispatchEvent(new PopStateEvent('popstate'));
          for (;;) {
            const rows = document.querySelectorAll('.calibration-table tbody tr').length;
            if (rows > 200) return performance.now() - t0;
            await new Promise((r) => requestAnimationFrame(r));
          }
        },
        `/studio/calibrate?edition=${edition}&indicator=${i % 2 ? 'B2' : 'D1'}`,
      );
      calibration.push(ms);
    }
    // The API's share: the same calibration answer fetched alone, as the page asks for it.
    const calibrationApi: number[] = [];
    for (let i = 0; i < 5; i++) {
      const code = i % 2 ? 'B2' : 'D1';
      calibrationApi.push((await s.studio('GET', `/api/v1/studio/editions/${edition}/calibration?code=${code}`)).ms);
    }
    return {
      compute: median(compute),
      keypress: median(keypress),
      keypressMax: Math.max(...keypress),
      calibration: median(calibration),
      calibrationApi: median(calibrationApi),
    };
  } finally {
    await browser.close();
  }
}

const dir = mkdtempSync(join(tmpdir(), 'fiw-bench-studio-'));
const cluster = SKIP_POSTGRES ? undefined : await startCluster();
try {
  console.log(
    `machine: ${cpus().length} × ${cpus()[0]!.model}; load ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  console.log(`studio initial JS: ${(studioJs() / 1024).toFixed(1)} KB gzipped`);
  const sqlite = await start(join(dir, 'studio.db'));
  try {
    const opened = await openEdition(sqlite);
    console.log(
      `SQLite: open edition ${opened.edition} (${opened.count} drafts) ${fmt(opened.openMs)}; board ${fmt(opened.boardMs)}`,
    );
    const t = await browserTimings(sqlite, opened.edition);
    console.log(
      `keypress → figures: ${fmt(t.keypress)} median, ${fmt(t.keypressMax)} max (compute alone ${fmt(t.compute)})`,
    );
    console.log(
      `calibration of one indicator across the edition: ${fmt(t.calibration)} rendered (API answer alone ${fmt(t.calibrationApi)})`,
    );
  } finally {
    await sqlite.close();
  }
  if (cluster) {
    const pg = await start(cluster.url);
    try {
      const opened = await openEdition(pg);
      console.log(
        `PostgreSQL: open edition ${opened.edition} (${opened.count} drafts) ${fmt(opened.openMs)}; board ${fmt(opened.boardMs)}`,
      );
    } finally {
      await pg.close();
    }
  }
  console.log(
    `load after: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
} finally {
  cluster?.stop();
  rmSync(dir, { recursive: true, force: true });
}
