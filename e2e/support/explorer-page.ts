import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { seriousViolations } from './axe.js';
import { launchBrowser } from './browser.js';
import { startExplorer, type Explorer } from './explorer-server.js';

export interface ExplorerPage {
  explorer: Explorer;
  browser: Browser;
  /** A desktop-sized page of its own context (axe needs one). */
  page: Page;
  /** Uncaught errors and console errors of `page` so far. */
  errors: string[];
}

/**
 * Starts the explorer and Chromium for a suite and closes them after it;
 * call inside `describeBrowser`, read the result inside the tests.
 */
export function useExplorerPage(): () => ExplorerPage {
  let state: ExplorerPage | undefined;
  beforeAll(async () => {
    const [explorer, browser] = await Promise.all([startExplorer(), launchBrowser()]);
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    state = { explorer, browser, page, errors };
  });
  afterAll(async () => {
    await state?.browser.close();
    await state?.explorer.close();
  });
  return () => state!;
}

/** axe's serious and critical findings, and whether the page scrolls sideways: empty when the page is fine. */
export async function layoutProblems(page: Page): Promise<string[]> {
  const [scroll, client] = await page.evaluate(() => [
    document.documentElement.scrollWidth,
    document.documentElement.clientWidth,
  ]);
  const sideways = scroll > client ? [`scrolls sideways: ${scroll} px of content in ${client} px`] : [];
  return [...(await seriousViolations(page)), ...sideways];
}
