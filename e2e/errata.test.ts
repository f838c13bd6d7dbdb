import { createHash } from 'node:crypto';
import { freezeRelease, importFiles } from '@freedom-ratings/db';
import type { Browser, Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import type { EditionList, ErrataList, ReleaseList } from '../packages/web/src/api/client.js';
import { describeBrowser } from './support/describe-browser.js';
import { layoutProblems, useExplorerPage } from './support/explorer-page.js';
import type { Explorer } from './support/explorer-server.js';

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const REASON = 'B2 was typed from an earlier draft';

/**
 * Releases and the errata log as the public explorer shows them: the newest
 * edition corrected once (Kazakhstan's B2 one point off), so it has release 1
 * and 2; the downloads page lists both with the API's checksums and the
 * errata, and the country page lists the correction, with JavaScript and without.
 */
describeBrowser('releases and the errata log', () => {
  const suite = useExplorerPage();
  let explorer: Explorer;
  let browser: Browser;
  let page: Page;
  let errors: string[];
  let edition: number;
  let releases: ReleaseList['releases'];
  let b2: { old: number; new: number };

  beforeAll(async () => {
    ({ explorer, browser, page, errors } = suite());
    const { editions } = await explorer.api<EditionList>('/api/v1/editions');
    edition = editions.at(-1)!.edition;
    const now = new Date().toISOString();
    // The one before it has a single release: it is listed when its edition is opened.
    await freezeRelease(explorer.conn.db, edition - 1, { now, userId: null });
    await freezeRelease(explorer.conn.db, edition, { now, userId: null });
    const first = await explorer.app.inject({ method: 'GET', url: `/api/v1/editions/${edition}/export?format=json` });
    const rows = JSON.parse(first.body) as { entity: string; indicators?: Record<string, number> }[];
    const kaz = rows.find((r) => r.entity === 'Kazakhstan')!;
    const old = kaz.indicators!.B2!;
    kaz.indicators!.B2 = old < 4 ? old + 1 : old - 1;
    b2 = { old, new: kaz.indicators!.B2 };
    const file = { name: `corrected-${edition}.json`, bytes: Buffer.from(JSON.stringify(rows)) };
    await importFiles(explorer.conn, [file], { correction: { reason: REASON } });
    // The import ran beside the server, as `fiw import` does: wait until the server has noticed it. Answers cached
    // before (the editions list) are dropped within 0.5 s, so wait for the editions list too, not only the releases.
    for (let waited = 0; ; waited += 100) {
      releases = (await explorer.api<ReleaseList>(`/api/v1/editions/${edition}/releases`)).releases;
      const listed = (await explorer.api<EditionList>('/api/v1/editions')).editions.find((e) => e.edition === edition);
      if (releases.length === 2 && listed?.release === 2) break;
      if (waited > 10_000) throw new Error(`the server still lists ${releases.length} releases of ${edition}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }, 120_000);

  const open = async (path: string, ready: string) => {
    await page.goto(explorer.url + path);
    await page.waitForSelector(`html[data-hydrated] ${ready}`);
  };

  it('lists every release of the newest edition with the API’s checksums, and its errata log', async () => {
    await open('/downloads', '.downloads-page');
    const newest = page.locator('details.release').first();
    const items = newest.locator('.releases__item');
    expect(await items.count()).toBe(2);
    // Newest first, the latest marked.
    const [second, first] = [items.nth(0), items.nth(1)];
    expect(await second.locator('.releases__summary').innerText()).toMatch(
      new RegExp(`^Release 2 — \\d{4}-\\d{2}-\\d{2} — ${REASON} — ${releases[1]!.errata} errata \\(latest`),
    );
    expect(await first.locator('.releases__summary').innerText()).toMatch(/^Release 1 — .* — first publication$/);
    expect(await second.locator('code').innerText()).toBe(releases[1]!.checksum);
    expect(await first.locator('code').innerText()).toBe(releases[0]!.checksum);
    expect(await newest.locator('.release__checksum code').innerText()).toBe(releases[1]!.checksum);
    // Release 1 downloads byte for byte as first published.
    const href = await first.locator('a').first().getAttribute('href');
    expect(href).toBe(`/api/v1/editions/${edition}/export?format=json&release=1`);
    const body = Buffer.from(await (await fetch(explorer.url + href)).arrayBuffer());
    expect(sha256(body)).toBe(releases[0]!.checksum);
    expect(body.length).toBe(releases[0]!.size);
    // Its CSV is written from it: Kazakhstan's B2 as first published.
    const csvHref = await first.getByRole('link', { name: 'CSV' }).getAttribute('href');
    expect(csvHref).toBe(`/api/v1/editions/${edition}/export?format=csv&release=1`);
    const [header, ...rows] = (await (await fetch(explorer.url + csvHref)).text()).trim().split('\n');
    const kazakhstan = rows.find((r) => r.startsWith('Kazakhstan,'))!.split(',');
    expect(Number(kazakhstan[header!.split(',').indexOf('B2')])).toBe(b2.old);
    expect(await second.getByRole('link', { name: 'CSV' }).count()).toBe(0);

    const { errata } = await explorer.api<ErrataList>(`/api/v1/editions/${edition}/errata`);
    const log = newest.locator('details.releases__errata');
    expect(await log.locator('summary').innerText()).toBe(`Errata log: ${errata.length} entries`);
    await log.locator('summary').click();
    const row = log.locator('tbody tr', { hasText: 'B2' }).first();
    expect(await row.locator('td').allInnerTexts()).toEqual([
      'Kazakhstan',
      'B2',
      `${b2.old} → ${b2.new}`,
      REASON,
      '2',
      errata[0]!.at.slice(0, 10),
    ]);
    expect(await row.locator('a').getAttribute('href')).toBe(`/country/kazakhstan?edition=${edition}`);

    // An edition opened later fetches its releases then.
    const older = page.locator('details.release').nth(1);
    await older.locator('summary').click();
    await expect.poll(() => older.locator('.releases__item').count(), { timeout: 20_000 }).toBe(1);
    expect(await older.locator('.releases__errata').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('server-renders the newest edition’s releases', async () => {
    const html = await (await fetch(`${explorer.url}/downloads`)).text();
    for (const r of releases) expect(html).toContain(r.checksum);
    expect(html).toContain(REASON);
  });

  it('lists the correction on the country page, also without JavaScript', async () => {
    await open('/country/kazakhstan', '.country-page');
    const row = page.locator('.corrections tbody tr', { hasText: 'B2' }).first();
    expect(await row.locator('td').allInnerTexts()).toEqual([
      `FIW ${edition}`,
      'B2',
      `${b2.old} → ${b2.new}`,
      REASON,
      '2',
      expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    ]);
    await open('/country/norway', '.country-page');
    expect(await page.locator('.corrections').innerText()).toContain('No published figure or text of Norway');

    const noJs = await browser.newContext({ javaScriptEnabled: false });
    const plain = await noJs.newPage();
    const res = await plain.goto(`${explorer.url}/country/kazakhstan`);
    expect(res?.status()).toBe(200);
    expect(await plain.locator('.corrections tbody tr', { hasText: 'B2' }).first().innerText()).toContain(REASON);
    await noJs.close();
    expect(errors).toEqual([]);
  });

  it('has no serious accessibility problem and no sideways scrolling at 1280 and 375 px', async () => {
    for (const width of [1280, 375]) {
      await page.setViewportSize({ width, height: 800 });
      await open('/downloads', '.downloads-page');
      await page.locator('details.releases__errata summary').first().click();
      expect(await layoutProblems(page), `/downloads at ${width}`).toEqual([]);
      await open('/country/kazakhstan', '.country-page');
      expect(await layoutProblems(page), `/country/kazakhstan at ${width}`).toEqual([]);
    }
    expect(errors).toEqual([]);
  }, 120_000);
});
