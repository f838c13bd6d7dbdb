/**
 * Web explorer benchmarks (issue 9), headless Debian Chromium on loopback
 * against `fiw serve` on a new database (seeded with every published edition):
 *
 *   npm run build && npx tsx bench/web.ts [--runs 7]
 *
 * Each page load is a new browser context (empty cache). Measured:
 * - home page: JavaScript transferred before the map is interactive, gzipped
 *   (the browser is made to ask for gzip only, so the bytes are gzip's);
 *   everything transferred by then; first contentful paint; the time the map
 *   is interactive (its first render with geometry, a performance mark);
 * - switching editions on the slider, from the input event to the next frame
 *   after the repaint: to the adjacent edition and to a distant one (both
 *   from the metric's series, which the map fetches once when idle after it
 *   is drawn);
 * - the country page's first contentful paint with and without JavaScript.
 * Results: a Markdown table on stdout and JSON in bench/results/web.json.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../e2e/support/browser.js';
import { startServe } from '../test-support/serve.js';
import { REPO_ROOT } from '../test-support/shared.js';

const args = process.argv.slice(2);
const RUNS = Number(args[args.indexOf('--runs') + 1] ?? 7) || 7;
const FIW = join(REPO_ROOT, 'packages', 'cli', 'bundle', 'fiw.js');

const TARGETS = {
  homeJsKb: 100,
  homeTotalKb: 250,
  homeFcpMs: 800,
  mapInteractiveMs: 1500,
  editionSwitchMs: 50,
  countryFcpMs: 800,
};

interface Transfer {
  url: string;
  type: string;
  bytes: number;
  finishedAt: number;
}

/** A new context asking for gzip only, recording every response's bytes on the wire and when it finished. */
async function freshPage(browser: Browser): Promise<{ page: Page; transfers: Transfer[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setExtraHTTPHeaders', { headers: { 'accept-encoding': 'gzip' } });
  const transfers: Transfer[] = [];
  const requests = new Map<string, { url: string; type: string }>();
  cdp.on('Network.responseReceived', (e) => requests.set(e.requestId, { url: e.response.url, type: e.type }));
  cdp.on('Network.loadingFinished', (e) => {
    const r = requests.get(e.requestId);
    if (r) transfers.push({ ...r, bytes: e.encodedDataLength, finishedAt: e.timestamp });
  });
  return { page, transfers };
}

// Scripts run in the page are strings: tsx would wrap named functions in a helper the page does not have.
const FCP = `new Promise((resolve) => {
  const read = () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime;
  if (read() !== undefined) return resolve(read());
  new PerformanceObserver(() => read() !== undefined && resolve(read())).observe({ type: 'paint', buffered: true });
})`;
const fcp = (page: Page) => page.evaluate(FCP) as Promise<number>;

async function home(browser: Browser, url: string) {
  const { page, transfers } = await freshPage(browser);
  await page.goto(`${url}/`);
  await page.waitForFunction(() => performance.getEntriesByName('fiw:map-interactive').length > 0);
  const interactive = await page.evaluate(() => performance.getEntriesByName('fiw:map-interactive')[0]!.startTime);
  const paint = await fcp(page);
  // Everything that finished loading by the time the map was interactive (a margin for the event's delivery).
  const origin = await page.evaluate(() => performance.timeOrigin / 1000);
  const before = transfers.filter((t) => (t.finishedAt - origin) * 1000 <= interactive + 50);
  const kb = (list: Transfer[]) => list.reduce((s, t) => s + t.bytes, 0) / 1024;
  const jsKb = kb(before.filter((t) => t.type === 'Script' && !t.url.includes('world-geometry')));
  const result = { fcp: paint, interactive, jsKb, totalKb: kb(before), requests: before.length };
  await page.context().close();
  return result;
}

/** Milliseconds from moving the slider to the frame after the map repainted with the new edition. */
async function editionSwitches(browser: Browser, url: string) {
  const { page } = await freshPage(browser);
  await page.goto(`${url}/`);
  await page.waitForFunction(() => performance.getEntriesByName('fiw:map-interactive').length > 0);
  const step = (index: number) =>
    page.evaluate(`(async () => {
      const input = document.querySelector('#edition-slider-input');
      const heading = document.querySelector('h1');
      const before = heading.textContent;
      const t0 = performance.now();
      input.value = String(${index});
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((resolve) => {
        const check = () => (heading.textContent !== before ? resolve() : requestAnimationFrame(check));
        check();
      });
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      return performance.now() - t0;
    })()`) as Promise<number>;
  const max = Number(await page.getAttribute('#edition-slider-input', 'max'));
  // Let the series (every edition of the metric) land, as a reader's pause would.
  await page.waitForTimeout(500);
  const adjacent: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    adjacent.push(await step(max - 1 - (i % 2)));
    await page.waitForTimeout(300);
  }
  const distant: number[] = [];
  for (let i = 0; i < RUNS; i++) distant.push(await step(5 + i * 3));
  await page.context().close();
  return { adjacent: median(adjacent), distant: median(distant) };
}

/**
 * Without JavaScript means without the app's scripts: they are refused at the
 * network, so the page shows only its server-rendered HTML (the browser's own
 * script switch would also stop the measuring script).
 */
async function countryFcp(browser: Browser, url: string, javaScript: boolean) {
  const { page } = await freshPage(browser);
  if (!javaScript) await page.route('**/*.js', (route) => route.abort());
  await page.goto(`${url}/country/kazakhstan?edition=2014`);
  const paint = await fcp(page);
  await page.context().close();
  return paint;
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'fiw-bench-web-'));
  const server = await startServe(join(dir, 'bench.db'), [], {}, FIW);
  const browser = await launchBrowser();
  try {
    const say = (line: string) => process.stderr.write(`${line}\n`);
    say(`fiw serve at ${server.url}; warming up`);
    // One load to warm the server's caches, as a deployed server's would be.
    await home(browser, server.url);
    say('home page measured once');
    await countryFcp(browser, server.url, true);
    const homes: Awaited<ReturnType<typeof home>>[] = [];
    for (let i = 0; i < RUNS; i++) homes.push(await home(browser, server.url));
    say('home page runs done');
    const switches = await editionSwitches(browser, server.url);
    say('edition switches done');
    const withJs: number[] = [];
    const withoutJs: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      withJs.push(await countryFcp(browser, server.url, true));
      withoutJs.push(await countryFcp(browser, server.url, false));
    }
    const m = (f: (h: (typeof homes)[number]) => number) => median(homes.map(f));
    const rows: [string, number, string, number][] = [
      ['home: initial JavaScript, gzipped (KB)', m((h) => h.jsKb), '≤', TARGETS.homeJsKb],
      ['home: transferred before the map is interactive, gzipped (KB)', m((h) => h.totalKb), '≤', TARGETS.homeTotalKb],
      ['home: first contentful paint (ms)', m((h) => h.fcp), '<', TARGETS.homeFcpMs],
      ['home: map interactive (ms)', m((h) => h.interactive), '<', TARGETS.mapInteractiveMs],
      ['edition switch, adjacent edition (ms)', switches.adjacent, '<', TARGETS.editionSwitchMs],
      ['edition switch, distant edition (ms)', switches.distant, '<', TARGETS.editionSwitchMs],
      ['country page FCP with JavaScript (ms)', median(withJs), '<', TARGETS.countryFcpMs],
      ['country page FCP without JavaScript (ms)', median(withoutJs), '<', TARGETS.countryFcpMs],
    ];
    const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, load ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`;
    console.log(`Web explorer, median of ${RUNS} cold loads; ${machine}; ${browser.version()}`);
    console.log('| measure | result | target | met |');
    console.log('|---|---|---|---|');
    for (const [name, value, op, target] of rows) {
      const met = op === '≤' ? value <= target : value < target;
      console.log(`| ${name} | ${value.toFixed(1)} | ${op} ${target} | ${met ? 'yes' : 'NO'} |`);
    }
    console.log(`(home page: ${m((h) => h.requests)} requests before the map was interactive)`);
    mkdirSync(join(REPO_ROOT, 'bench', 'results'), { recursive: true });
    writeFileSync(
      join(REPO_ROOT, 'bench', 'results', 'web.json'),
      JSON.stringify({ machine, runs: RUNS, homes, switches, withJs, withoutJs }, null, 2),
    );
  } finally {
    await browser.close();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
