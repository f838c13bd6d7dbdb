import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { seriousViolations } from './support/axe.js';
import { launchBrowser } from './support/browser.js';
import { describeBrowser } from './support/describe-browser.js';
import { startExplorer, type Explorer } from './support/explorer-server.js';

interface Row {
  entity: { id: string; name: string; kind: string };
  region: string | null;
  figures: { status: string | null; total: number | null; pr: number | null; freedomRating: number };
  change: { total: number | null } | null;
}

/** The ratings table: server-rendered and readable without JavaScript, then sorted, filtered and downloaded in place. */
describeBrowser('the ratings table', () => {
  let explorer: Explorer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const errors: string[] = [];
  beforeAll(async () => {
    [explorer, browser] = await Promise.all([startExplorer(), launchBrowser()]);
    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    page = await context.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  });
  afterAll(async () => {
    await browser?.close();
    await explorer?.close();
  });

  const apiRows = async (query: string) => (await explorer.api<{ rows: Row[] }>(`/api/v1/editions/${query}`)).rows;
  const shownNames = (p: Page) => p.locator('.data-table tbody th').evaluateAll((ths) => ths.map((t) => t.textContent));
  const open = async (path: string) => {
    await page.goto(explorer.url + path);
    await page.waitForSelector('html[data-hydrated] .data-table');
  };

  it('is readable with JavaScript off: rows in the API’s order, sorting by links, filtering by a form', async () => {
    const noJs = await browser.newContext({ javaScriptEnabled: false });
    const plain = await noJs.newPage();
    await plain.goto(`${explorer.url}/table?edition=2014&sort=total&order=desc`);
    const expected = (await apiRows('2014/ratings?sort=total&order=desc')).map((r) => r.entity.name);
    expect(await shownNames(plain)).toEqual(expected);
    expect(await plain.locator('.data-table tbody tr').first().innerText()).toMatch(/\bFree\b/);
    await plain.locator('thead a[href*="sort=prRating"]').click();
    await plain.waitForURL(/sort=prRating&order=desc/);
    await plain.selectOption('#table-status', 'NF');
    await plain.selectOption('#table-kind', 'territory');
    await plain.getByRole('button', { name: 'Apply' }).click();
    await plain.waitForURL(/status=NF/);
    const territories = (await apiRows('2014/ratings?status=NF&kind=territory&sort=prRating&order=desc')).map(
      (r) => r.entity.name,
    );
    expect(await shownNames(plain)).toEqual(territories);
    await noJs.close();
  });

  it('sorts by any column, including the change, in both orders', async () => {
    await open('/table?edition=2024');
    await page.locator('thead a[href*="sort=change.total"]').click();
    await page.waitForURL(/sort=change\.total&order=desc/);
    // The URL changes before the table re-renders: poll rather than read once.
    const descending = (await apiRows('2024/ratings?sort=change.total&order=desc')).map((r) => r.entity.name);
    await expect.poll(() => shownNames(page)).toEqual(descending);
    await page.locator('thead a[href*="sort=change.total"]').click();
    await page.waitForURL(/sort=change\.total$/);
    await expect.poll(() => page.locator('th[aria-sort]').getAttribute('aria-sort')).toBe('ascending');
  });

  it('finds a country by another name and filters by region, status and kind', async () => {
    await open('/table?edition=2024');
    await page.fill('#table-q', 'Burma');
    await page.waitForURL(/q=Burma/);
    await expect.poll(() => shownNames(page)).toEqual(['Myanmar (matched “Burma”)']);
    await page.fill('#table-q', '');
    await page.waitForURL(/\/table\?edition=2024$/);
    await page.selectOption('#table-region', 'Eurasia');
    await page.selectOption('#table-status', 'NF');
    await page.waitForURL(/region=Eurasia&status=NF/);
    const expected = (await apiRows('2024/ratings?region=Eurasia&status=NF')).map((r) => r.entity.name);
    // The address changes first; the rows follow once the page has re-rendered.
    await expect.poll(() => shownNames(page)).toEqual(expected);
    expect(await page.locator('.table-summary [role=status]').innerText()).toContain(`Showing ${expected.length} of`);
  });

  it('downloads exactly the rows and columns shown as CSV, with the attribution', async () => {
    await open('/table?edition=2025&region=Eurasia&sort=total&order=desc&since=2015');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download these rows as CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('freedom-ratings-2025-table.csv');
    const lines = readFileSync((await download.path())!, 'utf8')
      .trimEnd()
      .split('\r\n');
    // Each column's full name: a short heading's abbreviation title, else the heading itself.
    const headers = await page
      .locator('.data-table thead th a')
      .evaluateAll((as) => as.map((a) => a.querySelector('abbr')?.title ?? a.childNodes[0]!.textContent));
    expect(lines[0]).toBe(headers.join(','));
    expect(headers).toContain('Total since 2015');
    const names = (await shownNames(page)) as string[];
    expect(lines.slice(1, -2).map((l) => l.split(',')[0])).toEqual(names);
    expect(lines.at(-1)).toBe('"Source: Freedom House, Freedom in the World."');
    // Figures as the API has them: Kazakhstan's total and its change since 2015.
    const [now, then] = await Promise.all([apiRows('2025/ratings'), apiRows('2015/ratings')]);
    const kaz = (rs: Row[]) => rs.find((r) => r.entity.id === 'kazakhstan')!;
    const cells = lines.find((l) => l.startsWith('Kazakhstan,'))!.split(',');
    expect(Number(cells[headers.indexOf('Total')])).toBe(kaz(now).figures.total);
    expect(Number(cells[headers.indexOf('Total since 2015')])).toBe(kaz(now).figures.total! - kaz(then).figures.total!);
  });

  it('shows a ratings-only edition and a negative PR as the API has them', async () => {
    await open('/table?edition=1985&sort=freedomRating');
    const rows1985 = await apiRows('1985/ratings?sort=freedomRating');
    expect(await shownNames(page)).toEqual(rows1985.map((r) => r.entity.name));
    const first = page.locator('.data-table tbody tr').first();
    expect(await first.locator('td').nth(3).innerText()).toBe('—');
    await open('/table?edition=2024&sort=pr');
    const syria = page.locator('.data-table tbody tr', { hasText: 'Syria' });
    const syriaApi = (await apiRows('2024/ratings')).find((r) => r.entity.id === 'syria')!;
    expect(await syria.locator('td').nth(4).innerText()).toBe(`\u2212${-syriaApi.figures.pr!}`);
  });

  it('fits the page at 1280 px with short headings under their groups, and keeps the names in view at 375 px', async () => {
    await page.setViewportSize({ width: 1280, height: 800 });
    for (const path of ['/table?edition=2024', '/table?edition=2024&since=2015']) {
      await open(path);
      const frame = await page.$eval('.table-scroll', (el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
      expect(frame.scroll, path).toBeLessThanOrEqual(frame.client);
    }
    const group = (name: string) => page.locator('thead th[scope=colgroup]', { hasText: name });
    expect(await group('Ratings').getAttribute('colspan')).toBe('3');
    expect(await group('Since 2015').getAttribute('colspan')).toBe('2');
    expect(await page.locator('thead a[href*="sort=prRating"] abbr').getAttribute('title')).toBe('PR rating');
    expect(await page.locator('thead a[href*="sort=freedomRating"] abbr').getAttribute('title')).toBe('Freedom Rating');
    // The figures stay under their headings: the ninth cell is the Freedom Rating.
    const kaz = page.locator('.data-table tbody tr', { hasText: 'Kazakhstan' });
    const fr = (await apiRows('2024/ratings')).find((r) => r.entity.id === 'kazakhstan')!.figures.freedomRating;
    expect(await kaz.locator('td').nth(8).innerText()).toBe(fr.toFixed(1));

    await page.setViewportSize({ width: 375, height: 800 });
    await open('/table?edition=2024&since=2015');
    const { scroll, client } = await page.$eval('.table-scroll', (el) => ({
      scroll: el.scrollWidth,
      client: el.clientWidth,
    }));
    expect(scroll).toBeGreaterThan(client);
    await page.$eval('.table-scroll', (el) => (el.scrollLeft = el.scrollWidth));
    const [frameLeft, nameLeft] = await page.evaluate(() => [
      document.querySelector('.table-scroll')!.getBoundingClientRect().left,
      document.querySelector('.data-table tbody th')!.getBoundingClientRect().left,
    ]);
    expect(nameLeft - frameLeft).toBeGreaterThanOrEqual(0);
    expect(nameLeft - frameLeft).toBeLessThan(2);
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('is usable by keyboard, passes axe, and scrolls only inside itself at phone width', async () => {
    await open('/table?edition=2024');
    await page.focus('#table-q');
    await page.keyboard.type('kaz');
    await page.waitForURL(/q=kaz/);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('table-edition');
    // One region keeps axe's run short; the table's structure is the same at any length.
    for (const width of [1280, 375]) {
      await page.setViewportSize({ width, height: 800 });
      await open('/table?edition=2024&since=2015&region=Eurasia');
      expect(await seriousViolations(page), `${width}px`).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(
        0,
      );
    }
    expect(errors).toEqual([]);
  }, 120_000);
});
