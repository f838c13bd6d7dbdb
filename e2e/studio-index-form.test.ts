import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { readMethodology } from '@freedom-ratings/contract';
import { connect, importFiles, migrateToLatest, storeMethodology, type Connection } from '@freedom-ratings/db';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../packages/server/src/build-server.js';
import { createUser } from '../packages/server/src/index.js';
import { loadWebBuild } from '../packages/server/src/web/web-build.js';
import { REPO_ROOT } from '../test-support/shared.js';
import { seriousViolations } from './support/axe.js';
import { launchBrowser } from './support/browser.js';
import { describeBrowser } from './support/describe-browser.js';
import { WEB_BUILD } from './support/explorer-server.js';
import { signInToStudio } from './support/studio-sign-in.js';

/** Where the form's screenshots go for a person to look at (not the repository). */
const SHOTS = '/tmp/shots-form';

/**
 * The studio's generic scoring form in Chromium, on a draft of an
 * organisation's own index (examples/methodologies/civic-index.json: five
 * categories, 0–10 indicators, discretionary questions in its own codes): an
 * editor scores with the keyboard ("1", "0" is 10), the figures follow as core
 * computes them, the edits save with If-Match, and a reload shows them.
 */
describeBrowser('the studio form of a custom methodology', () => {
  let dir: string;
  let conn: Connection;
  let app: FastifyInstance;
  let url: string;
  let browser: Browser;
  let id: number;
  const PASSWORD = 'an editor password 1';

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'fiw-e2e-civic-form-'));
    conn = connect(join(dir, 'civic.db'));
    await migrateToLatest(conn);
    const file = JSON.parse(readFileSync(join(REPO_ROOT, 'examples', 'methodologies', 'civic-index.json'), 'utf8'));
    await storeMethodology(conn, readMethodology(file).methodology!);
    const bytes = readFileSync(join(REPO_ROOT, 'test', 'fixtures', 'civic-index-norway-2030.json'));
    await importFiles(conn, [{ name: 'civic-index-norway-2030.json', bytes }], { asDraft: true });
    await createUser(conn.db, { email: 'ed@example.org', name: 'Edi Editor', role: 'editor', password: PASSWORD });
    const row = await conn.db
      .selectFrom('assessments')
      .select('id')
      .where('edition', '=', 2030)
      .executeTakeFirstOrThrow();
    id = row.id;
    app = await buildServer({ conn, web: await loadWebBuild(WEB_BUILD), closeDatabaseOnClose: true });
    url = await app.listen({ port: 0, host: '127.0.0.1' });
    browser = await launchBrowser();
    mkdirSync(SHOTS, { recursive: true });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function signedIn(width: number): Promise<Page> {
    const page = await (await browser.newContext({ viewport: { width, height: 900 } })).newPage();
    page.on('pageerror', (e) => {
      throw e;
    });
    await signInToStudio(page, url, { email: 'ed@example.org', password: PASSWORD });
    await page.goto(`${url}/studio/assessments/${id}`);
    await page.locator('#assessment-heading').waitFor();
    return page;
  }

  const checkedOf = (page: Page, code: string) =>
    page
      .getByRole('group', { name: new RegExp(`^${code.replace('.', '\\.')} `) })
      .locator('input:checked')
      .getAttribute('value');
  const figure = (page: Page, name: string) => page.locator(`[data-figure="${name}"]`).textContent();

  /** Tabs until focus is in `code`'s control, then types `keys`. */
  async function score(page: Page, code: string, keys: string[]) {
    let presses = 0;
    const focused = () =>
      page.evaluate(
        () => document.activeElement?.closest('fieldset.score-control')?.querySelector('.code')?.textContent ?? null,
      );
    while ((await focused()) !== code) {
      await page.keyboard.press('Tab');
      if (++presses > 80) throw new Error(`Tab never reached ${code}'s score control`);
    }
    for (const key of keys) await page.keyboard.press(key);
  }

  it('scores with the keyboard, shows live figures from core, saves and shows them after a reload', async () => {
    const page = await signedIn(1280);
    expect(await page.locator('#assessment-heading').innerText()).toContain('Norway');
    // Categories → subcategories → indicators, each control named by its code and 0–10.
    expect(await page.locator('.index-category h2').allInnerTexts()).toEqual([
      'VOTE Elections 33/40',
      'SPEAK Speech and press 24/40',
      'LAW Law and justice 29/40',
      'WORK Work and property 16/40',
      'LIFE Private life 7/40',
    ]);
    expect(
      await page
        .getByRole('group', { name: /^V1\.1 / })
        .getByRole('radio')
        .count(),
    ).toBe(11);
    expect([await figure(page, 'total'), await figure(page, 'VOTE')]).toEqual(['109', '33']);

    await page.locator('body').focus();
    await score(page, 'V1.1', ['1', '0']);
    expect(await checkedOf(page, 'V1.1')).toBe('10');
    await score(page, 'V1.2', ['9']);
    expect(await checkedOf(page, 'V1.2')).toBe('9');
    await score(page, 'emergency', ['1']);
    expect(await checkedOf(page, 'emergency')).toBe('1');
    // VOTE 33 + 1 + 1; LAW 29 + 2 (emergency rule 3 → 1 subtracts 2 less); the total follows.
    expect([await figure(page, 'VOTE'), await figure(page, 'LAW'), await figure(page, 'total')]).toEqual([
      '35',
      '31',
      '113',
    ]);
    expect(await page.locator('#cat-VOTE').innerText()).toBe('VOTE Elections 35/40');
    // Texts in the methodology's own codes: an indicator's, and the overview.
    await page.getByLabel('Text for V1.1').fill('The electoral law was applied in full.');
    await page.getByLabel('Overview', { exact: true }).fill('A year of orderly elections.');
    await expect.poll(() => page.locator('.save-state').textContent(), { timeout: 15_000 }).toMatch(/^Saved/);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SHOTS, 'index-form-1280.png'), fullPage: false });

    await page.reload();
    await page.locator('#assessment-heading').waitFor();
    expect([await checkedOf(page, 'V1.1'), await checkedOf(page, 'V1.2'), await checkedOf(page, 'emergency')]).toEqual([
      '10',
      '9',
      '1',
    ]);
    expect(await figure(page, 'total')).toBe('113');
    expect(await page.getByLabel('Text for V1.1').inputValue()).toBe('The electoral law was applied in full.');
    const texts = await conn.db
      .selectFrom('narratives')
      .select(['section', 'code', 'body'])
      .where('assessment_id', '=', id)
      .orderBy('section')
      .execute();
    expect(texts).toEqual([
      { section: 'indicator', code: 'V1.1', body: 'The electoral law was applied in full.' },
      { section: 'overview', code: '', body: 'A year of orderly elections.' },
    ]);
    const stored = await conn.db
      .selectFrom('scores')
      .select(['code', 'value'])
      .where('assessment_id', '=', id)
      .where('code', 'in', ['V1.1', 'V1.2', 'emergency'])
      .orderBy('code')
      .execute();
    expect(stored).toEqual([
      { code: 'V1.1', value: 10 },
      { code: 'V1.2', value: 9 },
      { code: 'emergency', value: 1 },
    ]);

    // The same review bar as FIW's form: submitted, then approved (an editor may do both).
    await page.getByRole('button', { name: 'Submit for review' }).click();
    await expect.poll(() => page.getByTestId('workflow-state').textContent()).toBe('Submitted for review');
    await page.getByLabel('Note with the move (why it is returned, what changed)').fill('Checked against the sources.');
    await page.getByRole('button', { name: 'Approve' }).click();
    await expect.poll(() => page.getByTestId('workflow-state').textContent()).toBe('Approved');
    const row = await conn.db.selectFrom('assessments').select('state').where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.state).toBe('approved');
  });

  it('fits a phone: no sideways scrolling at 375 px', async () => {
    const page = await signedIn(375);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.getByRole('group', { name: /^V1\.1 / }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, 'index-form-375.png'), fullPage: false });
  });
});
