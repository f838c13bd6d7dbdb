import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { readMethodology } from '@freedom-ratings/contract';
import { connect, importFiles, migrateToLatest, storeMethodology, type Connection } from '@freedom-ratings/db';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../packages/server/src/build-server.js';
import { loadWebBuild } from '../packages/server/src/web/web-build.js';
import { REPO_ROOT } from '../test-support/shared.js';
import { launchBrowser } from './support/browser.js';
import { describeBrowser } from './support/describe-browser.js';
import { WEB_BUILD } from './support/explorer-server.js';

/**
 * The explorer on a database whose only edition is scored with an
 * organisation's own index (examples/methodologies/civic-index.json: five
 * categories, 0–10 indicators, five ratings, a status from the total): the
 * country page shows its categories, and /methodology?edition= its file.
 */
describeBrowser('the explorer on a custom methodology', () => {
  let dir: string;
  let conn: Connection;
  let app: FastifyInstance;
  let url: string;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'fiw-e2e-civic-'));
    conn = connect(join(dir, 'civic.db'));
    await migrateToLatest(conn);
    const file = JSON.parse(readFileSync(join(REPO_ROOT, 'examples', 'methodologies', 'civic-index.json'), 'utf8'));
    await storeMethodology(conn, readMethodology(file).methodology!);
    const bytes = readFileSync(join(REPO_ROOT, 'test', 'fixtures', 'civic-index-norway-2030.json'));
    await importFiles(conn, [{ name: 'civic-index-norway-2030.json', bytes }]);
    app = await buildServer({ conn, web: await loadWebBuild(WEB_BUILD), closeDatabaseOnClose: true });
    url = await app.listen({ port: 0, host: '127.0.0.1' });
    browser = await launchBrowser();
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('shows the country page of the custom-methodology assessment with its category scores and ratings', async () => {
    await page.goto(`${url}/country/norway?edition=2030`);
    await page.waitForSelector('html[data-hydrated] .country-page');
    expect(await page.locator('h1').innerText()).toBe('Norway, 2030 (civic-index)');
    const rows = await page.locator('.index-report__categories tbody tr').allInnerTexts();
    expect(rows.map((r) => r.replace(/\s+/g, ' ').trim())).toEqual([
      'VOTE Elections 33 / 40 1',
      'SPEAK Speech and press 24 / 40 3',
      'LAW Law and justice 29 / 40 2',
      'WORK Work and property 16 / 40 4',
      'LIFE Private life 7 / 40 5',
    ]);
    const text = await page.locator('.country-page').innerText();
    expect(text).toContain('109 / 200');
    expect(text).toContain('V1.1 Electoral integrity in law: 9 / 10');
    expect(text).toContain('Partly Free (total 109 of 200; Free from 140, Partly Free from 80)');
    expect(await page.title()).toBe('Norway — Partly Free, 109/200 (2030, civic-index)');
    expect(errors).toEqual([]);
  });

  it('lists the edition in the ratings table with a score and a rating column per category, sortable', async () => {
    await page.goto(`${url}/table?edition=2030&sort=cat.LAW&order=desc`);
    await page.waitForSelector('html[data-hydrated] .table-page tbody tr');
    const headers = (await page.locator('.table-page thead tr:last-child th').allInnerTexts()).map((h) =>
      h.replace(/[▲▼]/g, '').trim(),
    );
    // The last heading row holds the grouped columns (scores, ratings, change); name to status span both rows.
    expect(headers).toEqual([
      'Total',
      'VOTE',
      'SPEAK',
      'LAW',
      'WORK',
      'LIFE',
      'VOTE',
      'SPEAK',
      'LAW',
      'WORK',
      'LIFE',
      'Mean',
      'Total',
      'FR',
    ]);
    const cells = (await page.locator('.table-page tbody tr').first().allInnerTexts())[0]!
      .split('\t')
      .map((c) => c.trim());
    expect(cells.slice(0, 1)).toEqual(['Norway']);
    expect(cells.slice(3, 16)).toEqual([
      'Partly Free',
      '109',
      '33',
      '24',
      '29',
      '16',
      '7',
      '1',
      '3',
      '2',
      '4',
      '5',
      '3.0',
    ]);
    expect(await page.locator('th[aria-sort="descending"]').innerText()).toContain('LAW');
    expect(errors).toEqual([]);
  });

  it('shows the loaded methodology at /methodology?edition=2030', async () => {
    await page.goto(`${url}/methodology?edition=2030`);
    await page.waitForSelector('html[data-hydrated] .methodology-page');
    expect(await page.locator('h1').innerText()).toBe('Methodology: Civic Freedoms Index (example), 2030');
    const text = await page.locator('.methodology-page').innerText();
    expect(text).toContain('Elections (VOTE), 0–40');
    expect(text).toContain('Free: total score 140 or more');
    expect(errors).toEqual([]);
  });
});
