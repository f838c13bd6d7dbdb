import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { createUser } from '../packages/server/src/index.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seriousViolations } from './support/axe.js';
import { launchBrowser } from './support/browser.js';
import { describeBrowser } from './support/describe-browser.js';
import { startExplorer, type Explorer } from './support/explorer-server.js';
import { signInToStudio } from './support/studio-sign-in.js';

/**
 * The studio's whole cycle in Chromium, as its users work: an admin adds the
 * team, an editor opens an edition and assigns a region, an analyst scores
 * and writes, a reviewer comments and returns, the analyst fixes and
 * resubmits, the reviewer approves, the editor publishes — and the public
 * pages and API show the new figures then, and nothing of them before. Then
 * two browsers save the same assessment (the second is refused and sees both
 * versions) and a third goes offline mid-edit and saves when back.
 */
describeBrowser('the studio in the browser', () => {
  let server: Explorer;
  let browser: Browser;
  let adminPassword: string;
  const contexts: BrowserContext[] = [];
  const passwords: Record<string, string> = {};
  const NEW_PASSWORD = 'a long new password 1';

  beforeAll(async () => {
    [server, browser] = await Promise.all([startExplorer(), launchBrowser()]);
    const admin = await createUser(server.conn.db, { email: 'admin@example.org', name: 'Ada Admin', role: 'admin' });
    adminPassword = admin.password;
  }, 300_000);
  afterEach(async (ctx) => {
    if (ctx.task.result?.state !== 'fail') return;
    let i = 0;
    for (const c of contexts)
      for (const p of c.pages()) await p.screenshot({ path: `/tmp/h10-shots/fail-${i++}.png`, fullPage: true });
  });
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await server?.close();
  });

  async function newPage(): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    contexts.push(context);
    const page = await context.newPage();
    page.on('pageerror', (e) => {
      throw e;
    });
    return page;
  }

  /** Signs in at /studio, replacing the one-time password on the first visit. */
  const signIn = (page: Page, email: string, password: string, firstTime: boolean) =>
    signInToStudio(page, server.url, { email, password, newPassword: firstTime ? NEW_PASSWORD : undefined });

  const figure = (page: Page, name: string) => page.locator(`[data-figure="${name}"]`).first();
  const saved = (page: Page) => page.locator('[data-save-state="saved"]').waitFor();
  const scoreGroup = (page: Page, code: string) => page.getByRole('group', { name: new RegExp(`^${code} `) });

  const currentScore = async (page: Page, code: string) =>
    Number(await scoreGroup(page, code).locator('input:checked').getAttribute('value'));

  /** Focus into an indicator's control and type its score, as a keyboard user does. */
  async function typeScore(page: Page, code: string, digit: number): Promise<void> {
    await scoreGroup(page, code).locator('input').first().focus();
    await page.keyboard.press(String(digit));
  }

  let edition: number;
  let assessmentUrl: string;

  it('admin adds an editor, an analyst and a reviewer', async () => {
    const page = await newPage();
    await signIn(page, 'admin@example.org', adminPassword, true);
    await page.getByRole('link', { name: 'Users' }).click();
    for (const [name, role] of [
      ['Edda Editor', 'editor'],
      ['Ana Analyst', 'analyst'],
      ['Rey Reviewer', 'reviewer'],
    ] as const) {
      const form = page.locator('form.add-user');
      await form.getByLabel('Email').fill(`${role}@example.org`);
      await form.getByLabel('Name').fill(name);
      await form.getByLabel('Role').selectOption(role);
      await form.getByRole('button', { name: 'Add user' }).click();
      const shown = page.getByTestId('add-user-result');
      await expect.poll(() => shown.textContent()).toContain(`${role}@example.org: one-time password `);
      const result = await shown.textContent();
      passwords[role] = result!.split('one-time password ')[1]!.trim();
      await page.getByRole('row', { name: new RegExp(name) }).waitFor();
    }
    expect(await page.getByRole('row', { name: /Ana Analyst/ }).textContent()).toContain('never');
  });

  it('editor opens an edition and assigns a region to the analyst and the reviewer', async () => {
    const editions = await server.api<{ editions: { edition: number }[] }>('/api/v1/editions');
    edition = Math.max(...editions.editions.map((e) => e.edition)) + 1;
    const page = await newPage();
    await signIn(page, 'editor@example.org', passwords.editor!, true);
    await page.getByLabel('Open a new edition (year)').fill(String(edition));
    await page.getByRole('button', { name: 'Open edition' }).click();
    await page.waitForURL(`**/studio/editions/${edition}`);
    await page.getByRole('heading', { name: new RegExp(`${edition}`) }).waitFor();
    const form = page.locator('form.bulk-assign');
    await form.getByLabel('Region or assessment').selectOption({ label: 'Eurasia' });
    await form.getByRole('combobox', { name: /^Analyst/ }).selectOption({ label: 'Ana Analyst (analyst)' });
    await form.getByLabel('Analyst’s deadline').fill('2020-01-31');
    await form.getByRole('combobox', { name: /^Reviewer/ }).selectOption({ label: 'Rey Reviewer (reviewer)' });
    await form.getByLabel('Reviewer’s deadline').fill('2999-12-31');
    await form.getByRole('button', { name: 'Assign' }).click();
    await expect.poll(() => form.getByRole('status').textContent()).toMatch(/Assigned \d+ assessments/);
    const row = page.getByRole('row', { name: /Kazakhstan/ });
    await expect
      .poll(() => row.textContent())
      .toContain('Ana Analyst (analyst), due 2020-01-31 overdue; Rey Reviewer (reviewer), due 2999-12-31');
    // One assessment on its own: Kyrgyzstan gets the same analyst, no deadline.
    await form.getByLabel('Region or assessment').selectOption({ label: 'Kyrgyzstan' });
    await form.getByLabel('Analyst’s deadline').fill('');
    await form.getByRole('combobox', { name: /^Reviewer/ }).selectOption('');
    await form.getByRole('button', { name: 'Assign' }).click();
    await expect.poll(() => form.getByRole('status').textContent()).toBe('Assigned Kyrgyzstan.');
    await expect
      .poll(() =>
        page
          .getByRole('row', { name: /Kyrgyzstan/ })
          .locator('td')
          .last()
          .textContent(),
      )
      .toBe('Ana Analyst (analyst)');
  });

  it('analyst scores with the keyboard and sees the figures change at once, writes, and submits', async () => {
    const page = await newPage();
    await signIn(page, 'analyst@example.org', passwords.analyst!, true);
    // The dashboard shows my deadline, and that it has passed.
    await expect.poll(() => page.getByRole('row', { name: /Kazakhstan/ }).textContent()).toMatch(/2020-01-31 overdue/);
    expect(await seriousViolations(page), 'the analyst’s dashboard with deadlines').toEqual([]);
    await page.getByRole('link', { name: 'Kazakhstan' }).click();
    await page.waitForURL('**/studio/assessments/*');
    assessmentUrl = page.url();
    const before = Number(await figure(page, 'total').textContent());
    const b2 = await currentScore(page, 'B2');
    const target = b2 === 0 ? 1 : 0;
    await typeScore(page, 'B2', target);
    expect(Number(await figure(page, 'total').textContent())).toBe(before + target - b2);
    await expect.poll(() => page.locator('[data-warning="score-changed-without-text"]').count()).toBeGreaterThan(0);
    await page.getByLabel('Text for B2').fill('The opposition was kept off the ballot this year.');
    await page.getByLabel('Key Developments').fill('Parliamentary elections were held early.');
    await saved(page);
    await page.getByRole('button', { name: 'Submit for review' }).click();
    await expect.poll(() => page.getByTestId('workflow-state').textContent()).toBe('Submitted for review');
  });

  it('before publication the public API and pages show nothing of the new edition', async () => {
    const report = await fetch(`${server.url}/api/v1/entities/kazakhstan/reports/${edition}`);
    expect(report.status).toBe(404);
    const editions = await server.api<{ editions: { edition: number }[] }>('/api/v1/editions');
    expect(editions.editions.map((e) => e.edition)).not.toContain(edition);
    const page = await fetch(`${server.url}/country/kazakhstan?edition=${edition}`);
    expect(page.status).toBe(404);
    expect(await page.text()).not.toContain('kept off the ballot');
  });

  it('reviewer comments on an indicator and returns it; analyst answers, fixes and resubmits; reviewer approves', async () => {
    const reviewer = await newPage();
    await signIn(reviewer, 'reviewer@example.org', passwords.reviewer!, true);
    await reviewer
      .getByRole('table', { name: 'Waiting for my review' })
      .getByRole('link', { name: 'Kazakhstan' })
      .click();
    await reviewer.getByText('Comments on B2 (0)').click();
    await reviewer.getByLabel('Comment on B2').fill('Cite the electoral commission’s decision.');
    await reviewer.locator('#indicator-B2').getByRole('button', { name: 'Add comment' }).click();
    await reviewer.getByText('Comments on B2 (1)').waitFor();
    await reviewer.getByLabel(/^Note with the move/).fill('B2 needs its source.');
    await reviewer.getByRole('button', { name: 'Return to analyst' }).click();
    await expect.poll(() => reviewer.getByTestId('workflow-state').textContent()).toBe('Returned to analyst');

    const analyst = contexts[2]!.pages()[0]!;
    await analyst.goto(assessmentUrl);
    await analyst.getByText('Comments on B2 (1)').click();
    expect(await analyst.locator('#indicator-B2 .comment-list').textContent()).toContain('electoral commission');
    await analyst.getByLabel('Comment on B2').fill('Added the decision’s date and number.');
    await analyst.locator('#indicator-B2').getByRole('button', { name: 'Add comment' }).click();
    await analyst
      .getByLabel('Text for B2')
      .fill('The electoral commission’s decision kept the opposition off the ballot.');
    await saved(analyst);
    await analyst.getByRole('button', { name: 'Submit for review' }).click();
    await expect.poll(() => analyst.getByTestId('workflow-state').textContent()).toBe('Submitted for review');

    await reviewer.reload();
    await reviewer.getByRole('button', { name: 'Approve' }).click();
    await expect.poll(() => reviewer.getByTestId('workflow-state').textContent()).toBe('Approved');
  });

  it(
    'two browsers save the same assessment: the second is refused and sees both versions; a third saves after going offline',
    { timeout: 120_000 },
    async () => {
      // Another of the analyst's drafts (it is withheld at publication).
      const editor = contexts[1]!.pages()[0]!;
      const first = contexts[2]!.pages()[0]!;
      await first.goto(`${server.url}/studio`);
      await first
        .getByRole('table', { name: 'My assignments to write' })
        .getByRole('link')
        .filter({ hasNotText: 'Kazakhstan' })
        .first()
        .click();
      await first.waitForURL('**/studio/assessments/*');
      const url = first.url();
      // The second browser: the editor, who may edit any draft.
      const second = editor;
      await second.goto(url);
      await scoreGroup(second, 'B3').waitFor();

      const b3 = await currentScore(first, 'B3');
      const theirs = (b3 + 1) % 5;
      const mine = (b3 + 2) % 5;
      await typeScore(first, 'B3', theirs);
      await saved(first);
      await typeScore(second, 'B3', mine);
      const conflict = second.getByRole('alert').filter({ hasText: 'Someone else saved' });
      await conflict.waitFor();
      const row = conflict.locator('tr[data-field="score:B3"]');
      expect(await row.locator('.conflict-theirs').textContent()).toBe(String(theirs));
      expect(await row.locator('.conflict-mine').textContent()).toBe(String(mine));
      await row.getByLabel('Mine (B3)').check();
      await conflict.getByRole('button', { name: 'Keep these versions' }).click();
      await saved(second);

      const third = await newPage();
      await signIn(third, 'analyst@example.org', NEW_PASSWORD, false);
      await third.goto(url);
      await scoreGroup(third, 'C1').waitFor();
      await third.context().setOffline(true);
      const c1 = ((await currentScore(third, 'C1')) + 1) % 5;
      await typeScore(third, 'C1', c1);
      await third.getByLabel('Text for C1').fill('Written while offline.');
      await third.locator('[data-save-state="offline"]').waitFor({ timeout: 15_000 });
      expect(await third.locator('[data-save-state]').textContent()).toMatch(/Offline — 2 changes kept/);
      await third.context().setOffline(false);
      await saved(third);
      const id = Number(url.split('/').pop());
      const text = await third.evaluate(async (assessment) => {
        const r = await fetch(`/api/v1/studio/assessments/${assessment}`);
        return (await r.json()) as { scores: Record<string, number>; narratives: { code: string; body: string }[] };
      }, id);
      expect(text.scores.B3).toBe(mine);
      expect(text.scores.C1).toBe(c1);
      expect(text.narratives.find((n) => n.code === 'C1')?.body).toBe('Written while offline.');
    },
  );

  it('editor publishes, withholding what is not approved, and the public pages show the new figures at once', async () => {
    const editor = contexts[1]!.pages()[0]!;
    await editor.goto(`${server.url}/studio/editions/${edition}`);
    await editor.getByRole('button', { name: /^Withhold all \d+ not approved$/ }).click();
    await editor.getByLabel('Reason (recorded with the release)').fill('First release of the edition.');
    await editor.getByRole('button', { name: new RegExp(`^Publish`) }).click();
    await expect
      .poll(() => editor.locator('.published [role=status]').textContent(), { timeout: 20_000 })
      .toMatch(/Published 1 assessments \(\d+ withheld\)/);

    const report = (await (await fetch(`${server.url}/api/v1/entities/kazakhstan/reports/${edition}`)).json()) as {
      figures: { total: number; indicators: Record<string, number> };
    };
    const analyst = contexts[2]!.pages()[0]!;
    await analyst.goto(assessmentUrl);
    const studioFigures = Number(await figure(analyst, 'total').textContent());
    expect(report.figures.total).toBe(studioFigures);

    const page = await newPage();
    await page.goto(`${server.url}/country/kazakhstan?edition=${edition}`);
    expect(await page.title()).toContain(`${report.figures.total}/100 (FIW ${edition})`);
    await page.goto(`${server.url}/map?edition=${edition}&metric=total`);
    const shape = page.getByRole('link', { name: /^Kazakhstan: / }).first();
    await shape.waitFor({ state: 'attached' });
    expect(await shape.getAttribute('aria-label')).toContain(String(report.figures.total));
  });

  it('every studio screen is axe-clean and fits a phone, at 1280 and 375 px', { timeout: 120_000 }, async () => {
    const page = await newPage();
    await signIn(page, 'admin@example.org', NEW_PASSWORD, false);
    const screens = [
      '/studio',
      assessmentUrl.replace(server.url, ''),
      `/studio/editions/${edition}`,
      `/studio/calibrate?edition=${edition}&indicator=B2&region=Eurasia`,
      '/studio/users',
    ];
    for (const width of [1280, 375]) {
      await page.setViewportSize({ width, height: 900 });
      for (const path of screens) {
        await page.goto(server.url + path);
        await page.locator('main h1').first().waitFor();
        await expect.poll(() => page.locator('[role=status]', { hasText: 'Loading' }).count()).toBe(0);
        const name = path.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '');
        await page.screenshot({ path: join(tmpdir(), `studio-${name}-${width}.png`), fullPage: true });
        expect(await seriousViolations(page), `${path} at ${width} px`).toEqual([]);
        const sideways = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
        expect(sideways, `${path} at ${width} px scrolls sideways`).toBeLessThanOrEqual(0);
      }
    }
  });
});
