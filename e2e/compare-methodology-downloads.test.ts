import { createHash } from 'node:crypto';
import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import type { EditionList, EntityHistory } from '../packages/web/src/api/client.js';
import { describeBrowser } from './support/describe-browser.js';
import { layoutProblems, useExplorerPage } from './support/explorer-page.js';
import type { Explorer } from './support/explorer-server.js';

/** Compare, methodology and downloads: figures against the API, the address as the state, files as served. */
describeBrowser('the compare, methodology and downloads pages', () => {
  const suite = useExplorerPage();
  let explorer: Explorer;
  let page: Page;
  let errors: string[];
  beforeAll(() => ({ explorer, page, errors } = suite()));

  const open = async (path: string, ready: string) => {
    await page.goto(explorer.url + path);
    await page.waitForSelector(`html[data-hydrated] ${ready}`);
  };

  it('compares entities over time and by subcategory, as the API states their figures', async () => {
    await open('/compare?entities=kazakhstan,uzbekistan&metric=total', '.compare-page');
    const [kaz, uzb] = await Promise.all(
      ['kazakhstan', 'uzbekistan'].map((s) => explorer.api<EntityHistory>(`/api/v1/entities/${s}/history`)),
    );
    expect(await page.locator('.history-chart__legend').first().innerText()).toMatch(/Kazakhstan[\s\S]*Uzbekistan/);
    // The chart's table alternative holds every published total.
    const table = page.locator('#compare-chart-title ~ .history-chart__table table');
    for (const entry of kaz!.history.filter((h) => h.figures.total !== null).slice(-3)) {
      const row = table.locator('tbody tr', { has: page.locator(`th:text-is("${entry.edition.label}")`) });
      // The table sits in a closed disclosure: its text is there, not shown.
      expect(await row.locator('td').first().textContent()).toBe(String(entry.figures.total));
    }
    // By subcategory: the newest edition both have subcategory scores in.
    const newest = uzb!.history.filter((h) => h.figures.subcategories).at(-1)!;
    expect(await page.locator('#by-subcategory-heading').innerText()).toContain(newest.edition.label);
    const cells = await page.locator('.compare-page__parts tbody tr').nth(2).locator('td').allInnerTexts();
    const kazThen = kaz!.history.find((h) => h.edition.edition === newest.edition.edition)!;
    expect(cells).toEqual([String(kazThen.figures.subcategories!.A), String(newest.figures.subcategories!.A)]);
    expect(errors).toEqual([]);
  });

  it('keeps the comparison in the address: metric, added and removed entities, back and reload', async () => {
    await open('/compare?entities=kazakhstan,uzbekistan', '.compare-page');
    await page.selectOption('#compare-metric', 'prRating');
    await page.waitForURL(/\/compare\?entities=kazakhstan,uzbekistan&metric=prRating$/);
    await page.selectOption('#compare-add', 'tibet');
    await page.waitForURL(/entities=kazakhstan,uzbekistan,tibet&metric=prRating$/);
    await page.waitForSelector('.chip:has-text("Tibet")');
    await page.getByRole('link', { name: 'Remove Uzbekistan' }).click();
    await page.waitForURL(/entities=kazakhstan,tibet&metric=prRating$/);
    await page.goBack();
    await page.waitForURL(/entities=kazakhstan,uzbekistan,tibet&metric=prRating$/);
    await page.reload();
    await page.waitForSelector('html[data-hydrated] .chip:has-text("Uzbekistan")');
    expect(await page.locator('#compare-metric').inputValue()).toBe('prRating');
    const unknown = await fetch(`${explorer.url}/compare?entities=kazakhstan,atlantis`);
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain('No published data for “atlantis”');
    expect(errors).toEqual([]);
  });

  it('states an edition’s rules and what changed, and 404s an edition without rules', async () => {
    await open('/methodology?edition=2018', '.methodology-page');
    const text = await page.locator('.methodology-page').innerText();
    expect(text).toContain('What changed from FIW 2017');
    expect(text).toContain('Add A (the monarchy question, added to PR) was eliminated.');
    expect(text).toMatch(/Rating\s+Political Rights aggregate\s+Civil Liberties aggregate\s+1\s+36–40\s+53–60/);
    await page.selectOption('#methodology-edition', '1983');
    await page.waitForURL(/\/methodology\?edition=1983$/);
    await page.waitForSelector('text=Methodology: Freedom in the World 1983-84');
    expect(await page.locator('.methodology-page').innerText()).toContain('None published');
    const missing = await fetch(`${explorer.url}/methodology?edition=2002`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('There is no edition 2002 with built-in rules');
    expect(errors).toEqual([]);
  });

  it('lists every published release with each file’s size and SHA-256 as served, and a citation', async () => {
    const { editions } = await explorer.api<EditionList>('/api/v1/editions');
    await open('/downloads', '.downloads-page');
    expect(await page.locator('details.release').count()).toBe(editions.length);
    const newest = editions.at(-1)!;
    const first = page.locator('details.release').first();
    expect(await first.locator('h2').innerText()).toBe(`FIW ${newest.label}`);
    const row = first.locator('tr', { hasText: 'CSV, indicator layout' });
    await expect.poll(() => row.locator('td.sha code').count(), { timeout: 20_000 }).toBe(1);
    const href = await row.locator('a').getAttribute('href');
    const body = Buffer.from(await (await fetch(explorer.url + href)).arrayBuffer());
    expect(await row.locator('td.sha code').innerText()).toBe(createHash('sha256').update(body).digest('hex'));
    expect(await row.locator('td').first().innerText()).toBe(`${(body.length / 1000).toFixed(1)} kB`);
    const citation = await first.locator('.citation').innerText();
    expect(citation).toContain(`Freedom in the World ${newest.label}`);
    if (newest.releaseChecksum) expect(citation).toContain(newest.releaseChecksum);
    expect(citation).toContain(`${explorer.url}/api/v1/editions/${newest.edition}/export?format=json`);
    expect(await first.locator('pre.bibtex').innerText()).toMatch(/^@misc\{fiw\d{4}/);
    // A closed edition asks for its digests only once it is opened.
    const older = page.locator('details.release').nth(1);
    expect(await older.locator('td.sha').first().textContent()).toBe('open to check');
    await older.locator('summary').click();
    await expect.poll(() => older.locator('td.sha code').count(), { timeout: 20_000 }).toBe(7);
    expect(errors).toEqual([]);
  });

  it('has no serious accessibility problem and no sideways scrolling at 1280 and 375 px', async () => {
    const pages: [string, string][] = [
      ['/compare?entities=kazakhstan,uzbekistan,hong-kong&metric=total', '.compare-page'],
      ['/methodology?edition=2024', '.methodology-page'],
      ['/downloads', '.downloads-page'],
    ];
    for (const width of [1280, 375]) {
      await page.setViewportSize({ width, height: 800 });
      for (const [path, ready] of pages) {
        await open(path, ready);
        expect(await layoutProblems(page), `${path} at ${width}`).toEqual([]);
      }
    }
    expect(errors).toEqual([]);
  }, 120_000);
});
