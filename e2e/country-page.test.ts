import {
  formatScore,
  layoutForEdition,
  STATUS_NAMES,
  SUBCATEGORIES,
  SUBCATEGORY_CODES,
  type SubcategoryCode,
} from '@freedom-ratings/core';
import type { Browser, Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import type { CountryReport } from '../packages/web/src/api/client.js';
import { describeBrowser } from './support/describe-browser.js';
import { layoutProblems, useExplorerPage } from './support/explorer-page.js';
import type { Explorer } from './support/explorer-server.js';

/**
 * The country page against the API it is made from: a subcategory-era
 * country, territories, a ratings-only edition and negative PR scores;
 * readable with JavaScript off; the URL as its state.
 */
describeBrowser('the country page', () => {
  const suite = useExplorerPage();
  let explorer: Explorer;
  let browser: Browser;
  let page: Page;
  let errors: string[];
  beforeAll(() => ({ explorer, browser, page, errors } = suite()));

  const report = (slug: string, edition: number) =>
    explorer.api<CountryReport>(`/api/v1/entities/${slug}/reports/${edition}`);
  const open = async (path: string) => {
    await page.goto(explorer.url + path);
    await page.waitForSelector('html[data-hydrated] .country-page');
  };
  /** The report's text with the minus sign as printed, for comparing with the API's numbers. */
  const reportText = () => page.locator('.country-page').innerText();

  it('shows each entity’s figures as the API states them, in the layout of its era', async () => {
    const cases: [string, number][] = [
      ['kazakhstan', 2014],
      ['hong-kong', 2024],
      ['tibet', 2020],
      ['chile', 1990],
      ['syria', 2024],
      ['eritrea', 2023],
    ];
    for (const [slug, edition] of cases) {
      const r = await report(slug, edition);
      const f = r.figures;
      await open(`/country/${slug}?edition=${edition}`);
      const text = await reportText();
      const where = `${slug} ${edition}`;
      expect(text, where).toContain(`Freedom in the World ${edition} - ${r.entity.name}`);
      expect(text, where).toContain(STATUS_NAMES[f.status!]);
      expect(text, where).toContain(r.entity.kind === 'territory' ? 'Territory' : 'Country');
      if (f.pr !== null) expect(text, where).toMatch(new RegExp(`Political Rights:?\\s+${formatScore(f.pr)} / 40`));
      if (f.cl !== null) expect(text, where).toMatch(new RegExp(`Civil Liberties:?\\s+${f.cl} / 60`));
      for (const code of SUBCATEGORY_CODES) {
        const score = f.subcategories?.[code as SubcategoryCode];
        if (score === undefined) continue;
        const name = SUBCATEGORIES[code].name;
        expect(text, `${where} ${code}`).toMatch(
          new RegExp(`${code}\\.? ${name}:?\\s+${score} / ${SUBCATEGORIES[code].max}`),
        );
      }
      // The 2014 layout (to FIW 2017) prints no indicator lines, though FH's data has them from FIW 2013.
      const indicators = layoutForEdition(edition) === '2014' ? {} : (f.indicators ?? {});
      for (const [code, score] of Object.entries(indicators))
        expect(await page.locator(`#report-${code.toLowerCase()}`).innerText(), `${where} ${code}`).toContain(
          `${score} / 4`,
        );
      // Every era shows both ratings and the Freedom Rating, in its header or beside it.
      const rating = (name: string, n: number) =>
        new RegExp(`${name} (rating|\\(1 = best, 7 = worst\\))\\s+${n}\\b|${name}\\s+${n} \\(1 = Most Free`);
      expect(text, where).toMatch(rating('Political Rights', f.prRating!));
      expect(text, where).toMatch(rating('Civil Liberties', f.clRating!));
      expect(text, where).toContain(f.freedomRating.toFixed(1));
      for (const line of [r.explanation.pr, r.explanation.cl, r.explanation.status])
        if (line) expect(text).toContain(line);
      const total = f.total === null ? `PR ${f.prRating}, CL ${f.clRating}` : `${formatScore(f.total)}/100`;
      expect(await page.title(), where).toBe(
        `${r.entity.name} — ${STATUS_NAMES[f.status!]}, ${total} (FIW ${r.edition.label})`,
      );
    }
    expect(errors).toEqual([]);
  }, 120_000);

  it('is readable with JavaScript off, and its edition form works as a plain form', async () => {
    const noJs = await browser.newContext({ javaScriptEnabled: false });
    const plain = await noJs.newPage();
    const res = await plain.goto(`${explorer.url}/country/syria?edition=2024`);
    expect(res?.status()).toBe(200);
    expect(await plain.locator('h1').innerText()).toBe('Freedom in the World 2024 - Syria');
    expect(await plain.locator('.classic-report__figures').innerText()).toContain('−3 / 40');
    const og = await plain.locator('meta[property="og:description"]').getAttribute('content');
    expect(og).toContain('Syria (country) is Not Free, 1/100');
    await plain.selectOption('#country-edition', '2019');
    await plain.locator('.country-page__switcher button').click();
    await plain.waitForURL(/\/country\/syria\?edition=2019$/);
    const r2019 = await report('syria', 2019);
    expect(await plain.locator('.classic-report').innerText()).toContain(
      `Political Rights: ${formatScore(r2019.figures.pr!)} / 40`,
    );
    // The history's values are there as a table, and the breaks as a list.
    expect(await plain.locator('#history-ratings-title').count()).toBe(1);
    expect(await plain.locator('.history-chart__breaks li').first().textContent()).toMatch(/FIW/);
    await noJs.close();
  });

  it('answers an edition the entity lacks with a 404 that says what exists and links to its page', async () => {
    const res = await fetch(`${explorer.url}/country/syria?edition=1850`);
    expect(res.status).toBe(404);
    const html = await res.text();
    expect(html).toMatch(/Syria has no published report in edition 1850/);
    expect(html).toContain('<a class="button" href="/country/syria">');
    const vs = await fetch(`${explorer.url}/country/syria?edition=2024&vs=1850`);
    expect(vs.status).toBe(200);
    expect(await vs.text()).toContain('no published report in edition 1850 to compare with');
  });

  it('switches editions and sets two side by side, with the address as the state', async () => {
    await open('/country/kazakhstan?edition=2024');
    await page.selectOption('#country-edition', '2019');
    await page.waitForURL(/\/country\/kazakhstan\?edition=2019$/);
    await page.waitForSelector('text=Freedom in the World 2019 - Kazakhstan');
    await page.goBack();
    await page.waitForURL(/edition=2024$/);
    await page.waitForSelector('text=Freedom in the World 2024 - Kazakhstan');

    await page.selectOption('#pair-vs', '2019');
    await page.waitForURL(/\/country\/kazakhstan\?edition=2024&vs=2019$/);
    // The address changes first; the comparison follows once its data is in.
    await page.waitForSelector('#pair-A1');
    const [a, b] = await Promise.all([report('kazakhstan', 2019), report('kazakhstan', 2024)]);
    for (const code of ['A1', 'D1', 'G4'] as const) {
      const row = await page.locator(`#pair-${code} td`).allInnerTexts();
      const diff = b.figures.indicators![code] - a.figures.indicators![code];
      expect(row.slice(0, 2), code).toEqual([
        `${a.figures.indicators![code]} / 4`,
        `${b.figures.indicators![code]} / 4`,
      ]);
      expect(row[2]!.startsWith(diff === 0 ? '0' : diff > 0 ? `+${diff}` : `−${-diff}`), code).toBe(true);
    }
    expect(await page.locator('#pair-total td').nth(1).innerText()).toBe(`${b.figures.total} / 100`);
    await page.reload();
    await page.waitForSelector('html[data-hydrated] #pair-A1');
    expect(page.url()).toMatch(/edition=2024&vs=2019$/);
    expect(errors).toEqual([]);
  });

  it('shows only the figures that changed between the two editions, by a link, with and without JavaScript', async () => {
    const [a, b] = await Promise.all([report('kazakhstan', 2019), report('kazakhstan', 2024)]);
    const changedIndicators = (Object.keys(b.figures.indicators!) as (keyof typeof b.figures.indicators)[]).filter(
      (code) => b.figures.indicators![code] !== a.figures.indicators![code],
    );
    expect(changedIndicators.length).toBeGreaterThan(0);
    const shownIndicators = (p: Page) =>
      p
        .locator('.pair__row--indicator')
        .evaluateAll((trs) => trs.map((tr) => tr.id.replace('pair-', '')).filter((id) => /^[A-G]\d$/.test(id)));

    await open('/country/kazakhstan?edition=2024&vs=2019');
    expect((await shownIndicators(page)).length).toBe(25);
    await page.getByRole('link', { name: 'Show only the figures that changed' }).click();
    await page.waitForURL(/\/country\/kazakhstan\?edition=2024&vs=2019&changed=1$/);
    await page.waitForSelector('text=Show all figures');
    expect(await shownIndicators(page)).toEqual(changedIndicators);
    // Another edition keeps the filter.
    await page.selectOption('#pair-vs', '2018');
    await page.waitForURL(/edition=2024&vs=2018&changed=1$/);
    await page.getByRole('link', { name: 'Show all figures' }).click();
    await page.waitForURL(/edition=2024&vs=2018$/);

    const noJs = await browser.newContext({ javaScriptEnabled: false });
    const plain = await noJs.newPage();
    await plain.goto(`${explorer.url}/country/kazakhstan?edition=2024&vs=2019`);
    await plain.getByRole('link', { name: 'Show only the figures that changed' }).click();
    await plain.waitForURL(/changed=1$/);
    expect(await shownIndicators(plain)).toEqual(changedIndicators);
    await noJs.close();
    expect(errors).toEqual([]);
  });

  it('explains each methodology break on keyboard focus', async () => {
    await open('/country/chile');
    const markers = page.locator('#history-ratings-title ~ .history-chart__plot .break-marker');
    await markers.first().focus();
    await expect.poll(() => page.locator('[role="tooltip"]').innerText()).toMatch(/FIW 1982/);
    // Tab walks the markers in order, each explained as it is reached.
    const labels: string[] = [];
    for (let i = 0; i < 7; i++) {
      await page.keyboard.press('Tab');
      labels.push((await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))) ?? '');
    }
    expect(labels.join('\n')).toMatch(/FIW 2018: Add A dropped, rules revised/);
    expect(labels.join('\n')).toMatch(/FIW 2013: Indicator scores/);
    expect(await page.locator('[role="tooltip"]').innerText()).toMatch(/FIW 20\d\d/);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('[role="tooltip"]').count()).toBe(0);
  });

  it('has no serious accessibility problem and no sideways scrolling at 1280 and 375 px', async () => {
    for (const width of [1280, 375]) {
      await page.setViewportSize({ width, height: 800 });
      for (const path of ['/country/hong-kong?edition=2024&vs=2014&changed=1', '/country/chile?edition=1990']) {
        await open(path);
        expect(await layoutProblems(page), `${path} at ${width}`).toEqual([]);
      }
    }
    expect(errors).toEqual([]);
  }, 120_000);
});
