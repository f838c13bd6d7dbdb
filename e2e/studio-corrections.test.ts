import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { createUser } from '../packages/server/src/index.js';
import { launchBrowser } from './support/browser.js';
import { describeBrowser } from './support/describe-browser.js';
import { layoutProblems } from './support/explorer-page.js';
import { startExplorer, type Explorer } from './support/explorer-server.js';
import { signInToStudio } from './support/studio-sign-in.js';

const REASON = 'A1 was typed from an earlier draft';
const NOTE = 'Cite the electoral commission’s final record.';

/**
 * Issue 11 in the browser: an editor proposes a correction on a published
 * assessment (one indicator, with a reason), a reviewer returns it with a
 * note, the editor resubmits, the reviewer approves, the editor publishes —
 * and only then does the public country page show the new figure and list
 * the correction, and /downloads list release 2. A proposal without a reason
 * is refused at the Reason field and stores nothing.
 */
describeBrowser('corrections in the studio', () => {
  let server: Explorer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const passwords: Record<string, string> = {};
  const NEW_PASSWORD = 'a long new password 1';
  let edition: number;
  let assessmentId: number;
  let a1: { old: number; new: number };
  let editor: Page;
  let reviewer: Page;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startExplorer(), launchBrowser()]);
    for (const role of ['editor', 'reviewer'] as const) {
      const user = await createUser(server.conn.db, { email: `${role}@example.org`, name: `The ${role}`, role });
      passwords[role] = user.password;
    }
    const { editions } = await server.api<{ editions: { edition: number }[] }>('/api/v1/editions');
    edition = Math.max(...editions.map((e) => e.edition));
    ({ id: assessmentId } = await server.conn.db
      .selectFrom('assessments')
      .select('id')
      .where('entity_id', '=', 'kazakhstan')
      .where('edition', '=', edition)
      .executeTakeFirstOrThrow());
    const report = await server.api<{ figures: { indicators: Record<string, number> } }>(
      `/api/v1/entities/kazakhstan/reports/${edition}`,
    );
    const old = report.figures.indicators.A1!;
    a1 = { old, new: old < 4 ? old + 1 : old - 1 };
  }, 300_000);
  afterEach(async (ctx) => {
    if (ctx.task.result?.state !== 'fail') return;
    let i = 0;
    for (const c of contexts)
      for (const p of c.pages()) await p.screenshot({ path: `/tmp/corr-e2e-fail-${i++}.png`, fullPage: true });
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

  /** Signs in at /studio, replacing the one-time password. */
  const signIn = (page: Page, role: string) =>
    signInToStudio(page, server.url, {
      email: `${role}@example.org`,
      password: passwords[role]!,
      newPassword: NEW_PASSWORD,
    });

  const correctionCount = async () => (await server.conn.db.selectFrom('corrections').select('id').execute()).length;
  /** What the public country page prints for Kazakhstan's A1 (server-rendered, as a reader gets it). */
  const publicA1 = async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/country/kazakhstan?edition=${edition}`);
    const text = await page.locator('#report-a1').innerText();
    const corrections = await page.locator('.corrections').innerText();
    await page.close();
    return { text, corrections };
  };
  const correctionArticle = (page: Page): Locator =>
    page.locator('article.correction', { hasText: 'Kazakhstan' }).first();
  const stateOf = (page: Page) => correctionArticle(page).getByTestId('correction-state').textContent();

  async function openCorrectionForm(page: Page): Promise<Locator> {
    await page.goto(`${server.url}/studio/assessments/${assessmentId}`);
    await page.getByRole('heading', { name: 'Propose a correction' }).waitFor();
    await page.getByText('Correct a published value of Kazakhstan').click();
    return page.locator('form.correction-form');
  }

  it('refuses a proposal without a reason at the Reason field, and stores nothing', async () => {
    editor = await newPage();
    await signIn(editor, 'editor');
    const form = await openCorrectionForm(editor);
    const group = form.getByRole('group', { name: /^A1 / });
    expect(await group.locator('input:checked').getAttribute('value')).toBe(String(a1.old));
    // The keyboard sets the score; the preview (core, in the browser) shows the indicator and what it moves.
    await group.locator('input').first().focus();
    await editor.keyboard.press(String(a1.new));
    const preview = form.getByTestId('correction-preview');
    await expect.poll(() => preview.locator('[data-change="A1"]').textContent()).toBe(`A1: ${a1.old} → ${a1.new}`);
    expect(await preview.locator('[data-change="total"]').textContent()).toMatch(/^Total score: \d+ → \d+$/);
    await form.getByRole('button', { name: 'Propose the correction' }).click();
    const reason = form.getByLabel('Reason');
    await expect.poll(() => reason.getAttribute('aria-invalid')).toBe('true');
    const errorId = (await reason.getAttribute('aria-describedby'))!.split(' ').at(-1)!;
    expect(await editor.locator(`[id="${errorId}"]`).textContent()).toBeTruthy();
    expect(await correctionCount()).toBe(0);
  });

  it('goes through review by someone else, and the public sees it only once published as release 2', async () => {
    const form = editor.locator('form.correction-form');
    await form.getByLabel('Reason').fill(REASON);
    await form.getByRole('button', { name: 'Propose the correction' }).click();
    const proposed = editor.getByTestId('correction-proposed');
    await proposed.waitFor();
    expect(await proposed.locator('[data-change="A1"]').textContent()).toBe(`A1: ${a1.old} → ${a1.new}`);
    expect(await correctionCount()).toBe(1);
    // The form gave way to its outcome, and focus went there with it.
    expect(await editor.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'correction-proposed',
    );
    expect((await publicA1()).text).toContain(`${a1.old} / 4`);

    // The reviewer returns it with a note, with the keyboard.
    reviewer = await newPage();
    await signIn(reviewer, 'reviewer');
    await reviewer.getByRole('link', { name: 'Corrections', exact: true }).click();
    await reviewer.waitForURL('**/studio/corrections');
    const item = correctionArticle(reviewer);
    expect(await item.getByTestId('correction-reason').textContent()).toBe(REASON);
    expect(await item.locator('[data-change="A1"]').textContent()).toBe(`A1: ${a1.old} → ${a1.new}`);
    await item.getByLabel('Note').focus();
    await reviewer.keyboard.type(NOTE);
    await reviewer.keyboard.press('Tab');
    await reviewer.keyboard.press('Tab');
    expect(await reviewer.evaluate(() => document.activeElement?.textContent)).toBe('Return');
    await reviewer.keyboard.press('Enter');
    await expect.poll(() => stateOf(reviewer)).toBe('Returned to its author');

    // Its author sees the note, and resubmits with a better reason; the form starts from the proposed values.
    await editor.getByRole('link', { name: 'Corrections', exact: true }).click();
    await editor.waitForURL('**/studio/corrections');
    const mine = correctionArticle(editor);
    expect(await mine.getByTestId('correction-note').textContent()).toBe(NOTE);
    expect(await mine.getByRole('button', { name: 'Approve' }).count()).toBe(0);
    await mine.getByRole('button', { name: 'Resubmit' }).click();
    const again = mine.locator('form.correction-form');
    const group = again.getByRole('group', { name: /^A1 / });
    await expect.poll(() => group.locator('input:checked').getAttribute('value')).toBe(String(a1.new));
    await again.getByLabel('Reason').fill(`${REASON} (the commission’s final record)`);
    await again.getByRole('button', { name: 'Resubmit' }).click();
    await expect.poll(() => stateOf(editor)).toBe('Awaiting review');

    await reviewer.goto(`${server.url}/studio/corrections?state=submitted`);
    await correctionArticle(reviewer).getByRole('button', { name: 'Approve' }).click();
    await expect.poll(() => stateOf(reviewer)).toBe('Approved, awaiting publication');
    expect(
      await correctionArticle(reviewer)
        .getByRole('button', { name: /^Publish/ })
        .count(),
    ).toBe(0);
    expect((await publicA1()).text).toContain(`${a1.old} / 4`);

    await editor.reload();
    await correctionArticle(editor).getByRole('button', { name: 'Publish as the next release' }).click();
    const published = correctionArticle(editor).locator('.correction-published');
    await expect.poll(() => published.textContent()).toMatch(/^Published as release 2\./);
    expect(await published.getByRole('link', { name: /country page/ }).getAttribute('href')).toBe(
      `/country/kazakhstan?edition=${edition}`,
    );
    expect(await published.getByRole('link', { name: 'Downloads' }).getAttribute('href')).toBe('/downloads');
    expect(await stateOf(editor)).toBe('Published');

    const after = await publicA1();
    expect(after.text).toContain(`${a1.new} / 4`);
    expect(after.corrections).toContain(`${REASON} (the commission’s final record)`);
    expect(after.corrections).toContain(`${a1.old} → ${a1.new}`);
    const downloads = await browser.newPage();
    await downloads.goto(`${server.url}/downloads`);
    const newest = downloads.locator('details.release').first();
    expect(await newest.locator('.releases__item').count()).toBe(2);
    expect(await newest.locator('.releases__summary').first().innerText()).toMatch(/^Release 2 — /);
    await downloads.close();
  }, 120_000);

  it('has no serious accessibility problem and no sideways scrolling on both screens at 1280 and 375 px', async () => {
    // One more correction, pending, so the reviewer's list has its Note and buttons.
    const form = await openCorrectionForm(editor);
    const b1 = form.getByRole('group', { name: /^B1 / });
    const old = Number(await b1.locator('input:checked').getAttribute('value'));
    await b1.locator('input').first().focus();
    await editor.keyboard.press(String(old < 4 ? old + 1 : old - 1));
    await form.getByText('B1 text', { exact: true }).click();
    await form.getByLabel('Text for B1').fill('Parties registered freely this year.');
    await form.getByLabel('Reason').fill('B1 was misread');
    expect(
      await form.getByTestId('correction-preview').locator('[data-change="text:indicator:B1"]').textContent(),
    ).toMatch(/^B1 text: .* → “Parties registered freely this year\.”$/);
    for (const width of [1280, 375]) {
      await editor.setViewportSize({ width, height: 900 });
      expect(await layoutProblems(editor), `the correction form at ${width}`).toEqual([]);
    }
    await form.getByRole('button', { name: 'Propose the correction' }).click();
    const proposed = editor.getByTestId('correction-proposed');
    await proposed.waitFor();
    expect(await proposed.innerText()).toContain('B1 text: (none) → “Parties registered freely this year.”');
    for (const width of [1280, 375]) {
      for (const [who, page] of [
        ['reviewer', reviewer],
        ['editor', editor],
      ] as const) {
        await page.setViewportSize({ width, height: 900 });
        await page.goto(`${server.url}/studio/corrections`);
        await page.locator('article.correction').nth(1).waitFor();
        expect(await layoutProblems(page), `/studio/corrections for the ${who} at ${width}`).toEqual([]);
      }
    }
    expect(await reviewer.getByRole('button', { name: 'Approve' }).count()).toBe(1);
  }, 120_000);
});
