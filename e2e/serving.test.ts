import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchBrowser } from './support/browser.js';
import { describeBrowser } from './support/describe-browser.js';
import { startExplorer, type Explorer } from './support/explorer-server.js';

/** `fiw serve` serves the explorer at / beside the API: deep links, server rendering, 404s of both kinds. */
describeBrowser('the explorer served next to the API', () => {
  let explorer: Explorer;
  let browser: Browser;
  beforeAll(async () => {
    [explorer, browser] = await Promise.all([startExplorer(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await explorer?.close();
  });

  const get = (path: string, headers: Record<string, string> = {}) => fetch(explorer.url + path, { headers });

  it('answers / and deep links with server-rendered pages that name themselves', async () => {
    const home = await get('/');
    expect(home.status).toBe(200);
    expect(home.headers.get('content-type')).toMatch(/text\/html/);
    expect(home.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await home.text()).toMatch(/<title>World map: Status \(FIW 2025\) — Freedom Ratings<\/title>/);

    const country = await (await get('/country/kazakhstan?edition=2014')).text();
    expect(country).toContain('<title>Kazakhstan — Not Free, 25/100 (FIW 2014)</title>');
    expect(country).toMatch(/<meta property="og:description" content="[^"]*Not Free/);

    const table = await get('/table?edition=2014&sort=total&order=desc');
    expect(table.status).toBe(200);
    expect(await table.text()).toContain('Ratings table — FIW 2014');
  });

  it('keeps JSON 404s for unknown API paths and answers unknown pages with an HTML 404', async () => {
    const api = await get('/api/v1/no-such-thing', { accept: 'text/html' });
    expect(api.status).toBe(404);
    expect((await api.json()).error.code).toBe('not-found');

    const page = await get('/no-such-page');
    expect(page.status).toBe(404);
    const html = await page.text();
    expect(html).toContain('Page not found');
    expect(html).toContain('href="/"');

    const asset = await get('/assets/no-such-file.js');
    expect(asset.status).toBe(404);
  });

  it('answers an unknown edition, entity, metric or sort with a 404 page that says so and links back', async () => {
    const cases: [string, RegExp][] = [
      ['/table?edition=1850', /no published edition 1850/i],
      ['/country/atlantis', /atlantis/i],
      ['/map?metric=happiness', /Unknown metric “happiness”/],
      ['/table?sort=shoe-size', /Unknown column “shoe-size”/],
      ['/map?edition=soon', /“soon” is not an edition/],
    ];
    for (const [path, message] of cases) {
      const res = await get(path);
      expect(res.status, path).toBe(404);
      const html = await res.text();
      expect(html, path).toMatch(message);
      expect(html, path).toMatch(/<a class="button" href="[^"]+">/);
    }
  });

  it('serves hashed assets as immutable, precompressed files', async () => {
    const html = await (await get('/')).text();
    const script = /<script type="module" crossorigin src="([^"]+)"/.exec(html)![1]!;
    const res = await get(script, { 'accept-encoding': 'br, gzip' });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toContain('immutable');
    expect(res.headers.get('content-encoding')).toBe('br');
  });

  it('hydrates without errors and navigates between pages in place', async () => {
    const page = await (await browser.newContext()).newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(`${explorer.url}/table?edition=2024`);
    await page.waitForSelector('html[data-hydrated]');
    await page.getByRole('link', { name: 'Map', exact: true }).click();
    await page.waitForURL(`${explorer.url}/`);
    await page.waitForSelector('.world-map svg a');
    await expect.poll(() => page.title()).toBe('World map: Status (FIW 2025) — Freedom Ratings');
    await page.goBack();
    await page.waitForURL(/\/table\?edition=2024$/);
    await page.waitForSelector('#table-title');
    expect(errors).toEqual([]);
    await page.close();
  });
});
