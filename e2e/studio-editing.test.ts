import { INDICATOR_CODES } from '@freedom-ratings/core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createUser } from '../packages/server/src/index.js';
import { seriousViolations } from './support/axe.js';
import { launchBrowser } from './support/browser.js';
import { describeBrowser } from './support/describe-browser.js';
import { startExplorer, type Explorer } from './support/explorer-server.js';
import { signInToStudio } from './support/studio-sign-in.js';

/**
 * The scoring form's hard cases in Chromium: a whole assessment scored with
 * the keyboard alone, a session that expires mid-edit (sign in again, nothing
 * lost), a text over the limit (said at the field, not saved), and the diff of
 * two versions word by word.
 */
describeBrowser('editing in the studio', () => {
  let server: Explorer;
  let browser: Browser;
  let edition: number;
  const ids: Record<string, number> = {};
  const contexts: BrowserContext[] = [];
  const PASSWORD = 'an analyst password 1';

  /** A signed-in API session for the test's own set-up, as the browser would be. */
  async function apiAs(email: string, password: string) {
    const login = await server.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
    const cookie = String([login.headers['set-cookie']].flat()[0]).split(';')[0]!;
    const csrf = login.json().csrfToken as string;
    return async (method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) => {
      const r = await server.app.inject({ method, url, payload, headers: { cookie, 'x-csrf-token': csrf } });
      if (r.statusCode >= 300) throw new Error(`${method} ${url}: ${r.statusCode} ${r.body}`);
      return r.json();
    };
  }

  beforeAll(async () => {
    [server, browser] = await Promise.all([startExplorer(), launchBrowser()]);
    await createUser(server.conn.db, {
      email: 'ed@example.org',
      name: 'Edi Editor',
      role: 'editor',
      password: PASSWORD,
    });
    const analyst = await createUser(server.conn.db, {
      email: 'ana@example.org',
      name: 'Ana Analyst',
      role: 'analyst',
      password: PASSWORD,
    });
    const editor = await apiAs('ed@example.org', PASSWORD);
    const editions = await editor('GET', '/api/v1/editions');
    edition = Math.max(...editions.editions.map((e: { edition: number }) => e.edition)) + 1;
    await editor('POST', '/api/v1/studio/editions', { edition, reason: 'e2e' });
    const board = await editor('GET', `/api/v1/studio/editions/${edition}/board`);
    for (const entity of ['kazakhstan', 'norway', 'chile']) {
      const id = board.assessments.find((a: { entity: { id: string } }) => a.entity.id === entity).id as number;
      ids[entity] = id;
      await editor('PUT', `/api/v1/studio/assessments/${id}/assignees`, {
        assignees: [{ userId: analyst.user.id, deadline: null }],
      });
    }
  }, 300_000);
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await server?.close();
  });

  async function signedIn(path: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    contexts.push(context);
    const page = await context.newPage();
    page.on('pageerror', (e) => {
      throw e;
    });
    await signInToStudio(page, server.url, { email: 'ana@example.org', password: PASSWORD });
    await page.goto(server.url + path);
    await page.locator('#assessment-heading').waitFor();
    return page;
  }

  const saved = (page: Page) =>
    expect.poll(() => page.locator('.save-state').textContent(), { timeout: 15_000 }).toMatch(/^Saved/);

  /** The code of the score control holding focus, or null when focus is elsewhere. */
  const focusedControl = (page: Page) =>
    page.evaluate(
      () => document.activeElement?.closest('fieldset.score-control')?.querySelector('.code')?.textContent ?? null,
    );

  it('scores a whole assessment with the keyboard alone: Tab to each control, a digit, then submit', async () => {
    const page = await signedIn(`/studio/assessments/${ids.kazakhstan}`);
    const wanted = Object.fromEntries(INDICATOR_CODES.map((code, i) => [code, (i * 3) % 5]));
    await page.locator('body').focus();
    for (const code of INDICATOR_CODES) {
      let presses = 0;
      while ((await focusedControl(page)) !== code) {
        await page.keyboard.press('Tab');
        if (++presses > 60) throw new Error(`Tab never reached ${code}'s score control`);
      }
      await page.keyboard.press(String(wanted[code]));
      const checked = await page.getByRole('group', { name: new RegExp(`^${code} `) }).locator('input:checked');
      expect(await checked.getAttribute('value'), code).toBe(String(wanted[code]));
    }
    // The figures follow: A–G are the sums, as core computes them.
    const total = INDICATOR_CODES.reduce((sum, code) => sum + wanted[code]!, 0);
    expect(Number(await page.locator('[data-figure="total"]').textContent())).toBe(total);
    await saved(page);

    // Submit by keyboard: Tab on to the button, Enter.
    let presses = 0;
    while ((await page.evaluate(() => document.activeElement?.textContent)) !== 'Submit for review') {
      await page.keyboard.press('Tab');
      if (++presses > 200) throw new Error('Tab never reached "Submit for review"');
    }
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('workflow-state').textContent()).toBe('Submitted for review');

    await page.reload();
    await page.locator('#assessment-heading').waitFor();
    for (const code of INDICATOR_CODES) {
      const checked = page.getByRole('group', { name: new RegExp(`^${code} `) }).locator('input:checked');
      expect(await checked.getAttribute('value'), `${code} after reload`).toBe(String(wanted[code]));
    }
  });

  it('keeps the edits when the session expires mid-edit, and saves them after signing in again', async () => {
    const page = await signedIn(`/studio/assessments/${ids.norway}`);
    await page.getByLabel('Text for B3').fill('Written before the session ended.');
    await saved(page);
    // The session ends on the server (as at its expiry time); the browser does not know yet.
    await server.conn.db.updateTable('sessions').set({ expires_at: '2000-01-01T00:00:00.000Z' }).execute();
    await page.getByLabel('Text for B3').fill('Written after the session ended, kept through the new sign-in.');
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('heading', { name: /session ended/ }).waitFor({ timeout: 15_000 });
    expect(await page.locator('.save-state').textContent()).toMatch(/Signed out — 1 change kept/);
    expect(await page.getByLabel('Text for B3').inputValue()).toMatch(/after the session ended/);
    expect(await seriousViolations(page)).toEqual([]);
    await dialog.getByLabel('Email').fill('ana@example.org');
    await dialog.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await dialog.getByRole('button', { name: 'Sign in' }).click();
    await dialog.waitFor({ state: 'detached' });
    await saved(page);
    await page.reload();
    await page.locator('#assessment-heading').waitFor();
    expect(await page.getByLabel('Text for B3').inputValue()).toBe(
      'Written after the session ended, kept through the new sign-in.',
    );
  });

  it('says at the field that a text is over the limit, saves nothing of it, and saves once it is shortened', async () => {
    const page = await signedIn(`/studio/assessments/${ids.chile}`);
    const field = page.getByLabel('Text for C2');
    await field.fill('x'.repeat(200_001));
    const error = page.locator('#text-C2-error');
    await expect.poll(() => error.textContent()).toBe('200,001 characters: the limit is 200,000. Shorten it to save.');
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    expect(await field.getAttribute('aria-describedby')).toBe('text-C2-error');
    // Refused by the API too: it is not stored, and the form says the save was refused.
    await expect
      .poll(() => page.locator('.save-state').textContent(), { timeout: 15_000 })
      .toMatch(/^Not saved: .*narratives\.0\.body.* — 1 change kept/);
    const stored = await server.conn.db
      .selectFrom('narratives')
      .select('body')
      .where('assessment_id', '=', ids.chile!)
      .where('code', '=', 'C2')
      .executeTakeFirst();
    expect(stored?.body.length ?? 0).toBeLessThan(200_001);
    await field.fill('A short text about corruption safeguards.');
    await expect.poll(() => error.count()).toBe(0);
    await saved(page);
  });

  it('shows two versions’ difference, texts word by word', async () => {
    const page = await signedIn(`/studio/assessments/${ids.chile}`);
    await page.getByLabel('Text for C3').fill('The government published budgets on time.');
    await saved(page);
    await page.getByLabel('Text for C3').fill('The government published audited budgets late.');
    await saved(page);
    const history = page.locator('section.history');
    const version = Number(
      /version (\d+)/.exec((await page.locator('.assessment-header p').first().textContent())!)![1],
    );
    await history.getByLabel('From version').fill(String(version - 1));
    await history.getByLabel('To version').fill(String(version));
    await history.getByRole('button', { name: 'Compare versions' }).click();
    const diff = history.getByRole('region', { name: 'Differences between the versions' });
    await diff.waitFor();
    const row = diff.getByRole('row', { name: /C3/ });
    expect(await row.locator('ins').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringMatching(/audited/)]),
    );
    expect(await row.locator('del').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringMatching(/on time/)]),
    );
    // Unchanged words are there once, neither struck nor marked.
    expect(await row.locator('.word-diff').textContent()).toMatch(/The government published/);
    expect((await row.locator('ins, del').allTextContents()).join(' ')).not.toMatch(/government/);
    expect(await seriousViolations(page)).toEqual([]);
    await diff.screenshot({ path: '/tmp/studio-diff-1280.png' });
  });
});
