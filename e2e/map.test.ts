import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { seriousViolations } from './support/axe.js';
import { launchBrowser } from './support/browser.js';
import { describeBrowser } from './support/describe-browser.js';
import { startExplorer, type Explorer } from './support/explorer-server.js';

interface Row {
  entity: { id: string; name: string; kind: string };
  figures: { status: string | null; pr: number | null; total: number | null; freedomRating: number };
}

/** The world map in Chromium, its figures checked against the API's. */
describeBrowser('the world map', () => {
  let explorer: Explorer;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];
  beforeAll(async () => {
    [explorer, browser] = await Promise.all([startExplorer(), launchBrowser()]);
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  });
  afterAll(async () => {
    await browser?.close();
    await explorer?.close();
  });

  const rows = async (edition: number) =>
    (await explorer.api<{ rows: Row[] }>(`/api/v1/editions/${edition}/ratings`)).rows;
  const open = async (path: string) => {
    await page.goto(explorer.url + path);
    await page.waitForSelector('html[data-hydrated] .world-map svg a');
  };
  const label = (id: string) => page.locator(`.world-map a[data-id="${id}"]`).first().getAttribute('aria-label');

  it('colours every country of the newest edition by status, each a link that says its status', async () => {
    await open('/');
    const latest = await rows(2025);
    const kaz = latest.find((r) => r.entity.id === 'kazakhstan')!;
    expect(await label('kazakhstan')).toBe(
      `Kazakhstan: ${{ F: 'Free', PF: 'Partly Free', NF: 'Not Free' }[kaz.figures.status!]}`,
    );
    // Every rated entity is on the map, as a shape or as a marked point.
    const ids = await page
      .locator('.world-map a[data-id]')
      .evaluateAll((as) => as.map((a) => a.getAttribute('data-id')));
    expect(new Set(ids)).toEqual(new Set(latest.map((r) => r.entity.id)));
    const legend = await page.locator('.legend').innerText();
    const free = latest.filter((r) => r.figures.status === 'F').length;
    expect(legend).toMatch(new RegExp(`Free\\s+${free}\\b`));
  });

  it('marks territories without a shape as points, listed beside the map with their figure', async () => {
    await open('/map?edition=2024&metric=total');
    const tibet = (await rows(2024)).find((r) => r.entity.id === 'tibet')!;
    expect(await page.locator('circle').count()).toBeGreaterThan(20);
    expect(await label('tibet')).toBe(`Tibet: ${tibet.figures.total} / 100 (territory)`);
    const listed = await page.locator('.points-list li', { hasText: 'Tibet' }).innerText();
    expect(listed).toContain(`${tibet.figures.total} / 100`);
    for (const name of ['Gaza Strip', 'Transnistria', 'Pakistani Kashmir', 'Andorra']) {
      expect(await page.locator('.points-list li', { hasText: name }).count(), name).toBe(1);
    }
  });

  it('shows a negative Political Rights score with its minus sign', async () => {
    await open('/map?edition=2024&metric=pr');
    const syria = (await rows(2024)).find((r) => r.entity.id === 'syria')!;
    expect(syria.figures.pr).toBeLessThan(0);
    expect(await label('syria')).toBe(`Syria: \u2212${-syria.figures.pr!} / 40`);
  });

  it('draws a ratings-only edition with former states on their successors’ shapes', async () => {
    await open('/map?edition=1990&metric=freedomRating');
    const ussr = (await rows(1990)).find((r) => r.entity.id === 'ussr')!;
    expect(await label('ussr')).toBe(`USSR: ${ussr.figures.freedomRating.toFixed(1)}`);
    expect(await page.locator('.world-map a[data-id="ussr"]').count()).toBe(15);
    // A metric the edition was not published in says so instead of an empty map.
    await open('/map?edition=1990&metric=total');
    expect(await page.locator('.notice').innerText()).toContain('FIW 1990');
  });

  it('colours by the change between two editions in change mode', async () => {
    await open('/map?edition=2025&since=2015&metric=total');
    const [now, then] = await Promise.all([rows(2025), rows(2015)]);
    const t = (rs: Row[]) => rs.find((r) => r.entity.id === 'kazakhstan')!.figures.total!;
    const delta = t(now) - t(then);
    const signed = delta > 0 ? `+${delta}` : delta < 0 ? `\u2212${-delta}` : '';
    expect(await label('kazakhstan')).toContain(delta === 0 ? 'no change' : signed);
    expect(await page.locator('.legend figcaption').innerText()).toBe('Total score: change since FIW 2015');
  });

  it('keeps its state in the address: metric, edition slider and back button', async () => {
    await open('/');
    await page.selectOption('#map-metric', 'B');
    await page.waitForURL(/\/map\?metric=B$/);
    await page.waitForFunction(() => document.title.startsWith('World map: B. Political Pluralism'));
    await page.focus('#edition-slider-input');
    await page.keyboard.press('ArrowLeft');
    await page.waitForURL(/\/map\?edition=2024&metric=B$/);
    const kaz = (
      await explorer.api<{ rows: { entity: { id: string }; figures: { subcategories: Record<string, number> } }[] }>(
        '/api/v1/editions/2024/ratings',
      )
    ).rows.find((r) => r.entity.id === 'kazakhstan')!;
    await page.waitForFunction(
      (text) => document.querySelector('.world-map a[data-id="kazakhstan"]')?.getAttribute('aria-label') === text,
      `Kazakhstan: ${kaz.figures.subcategories.B} / 16`,
    );
    await page.reload();
    await page.waitForSelector('html[data-hydrated]');
    expect(await page.inputValue('#map-metric')).toBe('B');
    expect(await page.locator('h1').innerText()).toContain('FIW 2024');
  });

  it('lists the points beside the map tidily: long names and values wrap under themselves, never under the swatch', async () => {
    for (const width of [1280, 375]) {
      await page.setViewportSize({ width, height: 900 });
      await open('/map?metric=total&since=2015');
      const items = await page.$$eval('.points-list li', (lis) =>
        lis.map((li) => {
          const rects = (el: Element) => [...el.getClientRects()];
          const swatch = li.querySelector('.swatch')!.getBoundingClientRect();
          const text = [...li.querySelectorAll('a, .point-value span')].flatMap(rects);
          const list = li.parentElement!.getBoundingClientRect();
          return {
            name: li.querySelector('a')!.textContent!,
            swatchRight: swatch.right,
            // The left edge of each line of text (rects on one line share their top).
            lefts: [...new Set(text.map((r) => Math.round(r.top)))].map((top) =>
              Math.min(...text.filter((r) => Math.round(r.top) === top).map((r) => r.left)),
            ),
            right: Math.max(...text.map((r) => r.right)),
            listRight: list.right,
          };
        }),
      );
      expect(items.map((i) => i.name)).toContain('Russian-Occupied Territories of Ukraine');
      for (const item of items) {
        const where = `${width}: ${item.name}`;
        const left = Math.min(...item.lefts);
        expect(left, where).toBeGreaterThan(item.swatchRight);
        // Every line of the name and of the value starts at the same edge.
        for (const l of item.lefts) expect(Math.abs(l - left), where).toBeLessThan(1);
        expect(item.right, where).toBeLessThanOrEqual(item.listRight + 0.5);
      }
    }
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('puts the first and last editions under the two ends of the slider, at desktop and phone width', async () => {
    for (const width of [1280, 375]) {
      await page.setViewportSize({ width, height: 900 });
      await open('/');
      const boxes = await page.evaluate(() => {
        const box = (el: Element) => el.getBoundingClientRect();
        const range = box(document.querySelector('#edition-slider-input')!);
        const [first, last] = [...document.querySelectorAll('.edition-slider-ends span')].map(box);
        return { range, first: first!, last: last! };
      });
      expect(Math.abs(boxes.first.left - boxes.range.left), `${width}: first label`).toBeLessThan(1.5);
      expect(Math.abs(boxes.last.right - boxes.range.right), `${width}: last label`).toBeLessThan(1.5);
      expect(boxes.first.top, `${width}: under the slider`).toBeGreaterThanOrEqual(boxes.range.bottom - 1);
      expect(boxes.last.top).toBeCloseTo(boxes.first.top, 0);
    }
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('moves the slider to a distant edition without asking the server, once the series has arrived', async () => {
    const series = page.waitForResponse((r) => r.url().endsWith('/api/v1/metrics/total/series'));
    await open('/map?metric=total');
    await series;
    const requests: string[] = [];
    const onRequest = (r: { url(): string }) => requests.push(r.url());
    page.on('request', onRequest);
    const editions = await page.getAttribute('#edition-slider-input', 'max');
    // FIW 2006 is index 33 of 52 editions (1973 first): far from 2025.
    const index = (await explorer.api<{ editions: { edition: number }[] }>('/api/v1/editions')).editions.findIndex(
      (e) => e.edition === 2006,
    );
    expect(Number(editions)).toBeGreaterThan(index + 10);
    await page.$eval(
      '#edition-slider-input',
      (input, i) => {
        (input as HTMLInputElement).value = String(i);
        input.dispatchEvent(new Event('input', { bubbles: true }));
      },
      index,
    );
    const kaz = (await rows(2006)).find((r) => r.entity.id === 'kazakhstan')!;
    await page.waitForFunction(
      (text) => document.querySelector('.world-map a[data-id="kazakhstan"]')?.getAttribute('aria-label') === text,
      `Kazakhstan: ${kaz.figures.total} / 100`,
    );
    await page.waitForURL(/edition=2006/);
    page.off('request', onRequest);
    expect(requests.filter((u) => u.includes('/api/'))).toEqual([]);
  });

  it('shows a tooltip on hover and on keyboard focus, zooms, and leads to the country page', async () => {
    await open('/map?edition=2024');
    await page.locator('.world-map a[data-id="brazil"] path').first().hover();
    expect(await page.locator('.map-tooltip').innerText()).toMatch(/^Brazil: /);
    await page.locator('.world-map a[data-id]').first().focus();
    await expect.poll(() => page.locator('.map-tooltip').count()).toBe(1);
    await page.getByRole('button', { name: 'Zoom in' }).click();
    expect(await page.locator('.world-map svg > g').getAttribute('transform')).toContain('scale(1.5)');
    await page.keyboard.press('0');
    await page.getByRole('button', { name: 'Show the whole world' }).isDisabled();
    await page.locator('.world-map a[data-id="brazil"] path').first().click();
    await page.waitForURL(/\/country\/brazil\?edition=2024$/);
  });

  it('zooms with a two-finger pinch on a touch screen, then pans with one finger', async () => {
    const touch = await browser.newContext({ viewport: { width: 375, height: 800 }, hasTouch: true, isMobile: true });
    const phone = await touch.newPage();
    await phone.goto(explorer.url + '/');
    await phone.waitForSelector('html[data-hydrated] .world-map svg a');
    const cdp = await touch.newCDPSession(phone);
    const box = (await phone.locator('.world-map svg').boundingBox())!;
    const [cx, cy] = [box.x + box.width / 2, box.y + box.height / 2];
    const touchAt = (type: 'touchStart' | 'touchMove' | 'touchEnd', points: [number, number][]) =>
      cdp.send('Input.dispatchTouchEvent', {
        type,
        touchPoints: points.map(([x, y], id) => ({ x, y, id })),
      });
    const transform = () => phone.locator('.world-map svg > g').getAttribute('transform');
    const scale = async () => Number(/scale\(([\d.]+)\)/.exec((await transform())!)![1]);
    expect(await scale()).toBe(1);
    await touchAt('touchStart', [
      [cx - 20, cy],
      [cx + 20, cy],
    ]);
    for (let step = 1; step <= 5; step++) {
      await touchAt('touchMove', [
        [cx - 20 - step * 8, cy],
        [cx + 20 + step * 8, cy],
      ]);
    }
    await touchAt('touchEnd', []);
    // The fingers went from 40 to 120 px apart: three times as close.
    await expect.poll(scale).toBeCloseTo(3, 1);
    expect(await phone.getByRole('button', { name: 'Show the whole world' }).isEnabled()).toBe(true);
    const before = await transform();
    await touchAt('touchStart', [[cx, cy]]);
    for (let step = 1; step <= 5; step++) await touchAt('touchMove', [[cx + step * 10, cy + step * 4]]);
    await touchAt('touchEnd', []);
    await expect.poll(transform).not.toBe(before);
    expect(await scale()).toBeCloseTo(3, 1);
    await touch.close();
  });

  it('has no serious accessibility violations, at desktop and phone width, and no page scrolling sideways', async () => {
    // axe takes seconds on a map of four hundred links: each view once, at one width each.
    const views: [number, string][] = [
      [1280, '/'],
      [375, '/map?edition=2025&since=2015&metric=total'],
    ];
    for (const [width, path] of views) {
      await page.setViewportSize({ width, height: 800 });
      await open(path);
      expect(await seriousViolations(page), `${path} at ${width}px`).toEqual([]);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${path} at ${width}px`).toBeLessThanOrEqual(0);
    }
    expect(errors).toEqual([]);
  }, 120_000);
});
