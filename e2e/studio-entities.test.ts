import type { Browser, Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { importFiles } from '@freedom-ratings/db';
import { createUser } from '../packages/server/src/index.js';
import { REPO_ROOT } from '../test-support/shared.js';
import { launchBrowser } from './support/browser.js';
import { describeBrowser } from './support/describe-browser.js';
import { layoutProblems } from './support/explorer-page.js';
import { startExplorer, type Explorer } from './support/explorer-server.js';
import { signInToStudio } from './support/studio-sign-in.js';

/** The examples' Arcadia row, in an edition the seeded database does not have yet (so publishing it is new). */
function arcadiaCsv(edition: number): Buffer {
  const [header, arcadia] = readFileSync(join(REPO_ROOT, 'examples/indicators.csv'), 'utf8').split('\n');
  return Buffer.from(`${header}\n${arcadia!.replace('Arcadia,Europe,c,2024', `Arcadia,Europe,c,${edition}`)}\n`);
}

/**
 * The entity registry's studio screen in Chromium: an admin adds a country,
 * is told at the field when a code is taken, renames the country from an
 * edition on and sees it in the list; and once the country has a published
 * assessment, the map lists it beside the map (the base map has no shape for it).
 */
describeBrowser('the entity registry in the studio', () => {
  let server: Explorer;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];
  const NEW_PASSWORD = 'a long new password 1';

  beforeAll(async () => {
    [server, browser] = await Promise.all([startExplorer(), launchBrowser()]);
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    const admin = await createUser(server.conn.db, { email: 'admin@example.org', name: 'Ada Admin', role: 'admin' });
    await signInToStudio(page, server.url, {
      email: 'admin@example.org',
      password: admin.password,
      newPassword: NEW_PASSWORD,
    });
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const addForm = () => page.getByRole('form', { name: 'Add an entity' });
  const row = (name: RegExp) => page.getByRole('table').first().getByRole('row', { name });

  it('adds and renames an entity, and says a taken code or an unknown successor at its field', async () => {
    await page.getByRole('navigation', { name: 'Studio' }).getByRole('link', { name: 'Entities' }).click();
    await page.waitForURL('**/studio/entities');
    await page.getByRole('heading', { name: 'Entities', level: 1 }).waitFor();
    await expect.poll(() => page.locator('caption').first().textContent()).toMatch(/^\d{3} entities$/);

    const form = addForm();
    await form.getByLabel('Name', { exact: true }).fill('Arcadia');
    await form.getByLabel('Region').selectOption('Europe');
    await form.getByLabel('Name variants').fill('Arkadia');
    await form.getByRole('button', { name: 'Add entity' }).click();
    await expect
      .poll(() => form.getByRole('status').textContent())
      .toBe('Added Arcadia: id arcadia, code XAR, country, Europe.');
    // The list shows the new entity at once (the search is set to it).
    expect(await page.getByLabel('Search entities').inputValue()).toBe('Arcadia');
    await expect.poll(() => row(/^Arcadia/).textContent()).toMatch(/arcadia.*country.*XAR.*Europe.*Arkadia/);

    // A code already taken: the API's message at the code field, which takes focus; nothing else changes.
    await form.getByLabel('Name', { exact: true }).fill('Borduria');
    await form.getByLabel('Code', { exact: true }).fill('KAZ');
    await form.getByRole('button', { name: 'Add entity' }).click();
    const code = form.getByLabel('Code', { exact: true });
    await expect.poll(() => code.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await code.getAttribute('aria-describedby'))!.split(' ');
    const said = await Promise.all(describedBy.map((id) => page.locator(`#${id}`).textContent()));
    expect(said).toContain('code "KAZ" is already used by Kazakhstan');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-invalid'))).toBe('true');
    expect(await form.getByLabel('Name', { exact: true }).inputValue()).toBe('Borduria');

    // Rename from an edition on: the old name stays that of the editions before it.
    await row(/^Arcadia/)
      .getByRole('button', { name: 'Change Arcadia' })
      .click();
    const rename = page.getByRole('form', { name: 'Rename' });
    await rename.getByLabel('New name').fill('New Arcadia');
    await rename.getByLabel('From edition').fill('2025');
    await rename.getByRole('button', { name: 'Rename' }).click();
    await expect.poll(() => rename.getByRole('status').textContent()).toBe('Renamed Arcadia to New Arcadia from 2025.');
    await expect.poll(() => row(/^New Arcadia/).textContent()).toContain('Arcadia (until 2024)');

    // A bad edition is refused before anything is sent, at its field.
    await rename.getByLabel('New name').fill('Arcadia Major');
    await rename.getByLabel('From edition').fill('next year');
    await rename.getByRole('button', { name: 'Rename' }).click();
    await expect.poll(() => rename.getByLabel('From edition').getAttribute('aria-invalid')).toBe('true');
    expect(await rename.textContent()).toContain('An edition is a year such as 2024, not “next year”.');

    // A succession naming an entity that does not exist: the API's 404 at the list that named it.
    const succession = page.getByRole('form', { name: 'Record a split, merger or new country' });
    await succession.getByLabel('From', { exact: true }).fill('arcadia');
    await succession.getByLabel('To', { exact: true }).fill('New Arcadia\nAtlantis');
    await succession.getByLabel('Edition').fill('2026');
    await succession.getByRole('button', { name: 'Record' }).click();
    const to = succession.getByLabel('To', { exact: true });
    await expect.poll(() => to.getAttribute('aria-invalid')).toBe('true');
    expect(await succession.textContent()).toContain('no entity "Atlantis" (give its slug, code or a name)');

    // axe, with the messages shown and an entity's forms open; and on a phone the page does not scroll sideways.
    expect(await layoutProblems(page)).toEqual([]);
    await page.setViewportSize({ width: 375, height: 800 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await page.setViewportSize({ width: 1280, height: 900 });
    expect(errors).toEqual([]);
  });

  it('lists the added entity beside the map once it has a published assessment', async () => {
    const summary = await importFiles(server.conn, [{ name: 'arcadia.csv', bytes: arcadiaCsv(2026) }]);
    expect(summary.assessments.created).toBe(1);
    // The import ran beside the server, as `fiw import` does: answers cached before it are dropped within 0.5 s.
    await expect
      .poll(async () => {
        const r = await fetch(`${server.url}/api/v1/editions`);
        return ((await r.json()) as { editions: { edition: number }[] }).editions.some((e) => e.edition === 2026);
      })
      .toBe(true);
    await page.goto(`${server.url}/map?edition=2026&metric=total`);
    await page.waitForSelector('html[data-hydrated] .world-map svg');
    const listed = page.getByRole('region', { name: 'Not on the map' }).getByRole('listitem');
    await expect.poll(() => listed.count()).toBe(1);
    expect(await listed.textContent()).toMatch(/New Arcadia\s*93 \/ 100/);
    expect(await listed.getByRole('link').getAttribute('href')).toBe('/country/arcadia?edition=2026');
    // With its colour: the legend's for 93.
    const fill = (item: ReturnType<Page['locator']>) => item.locator('svg.swatch rect').first().getAttribute('fill');
    const legend = page.locator('.legend li', { hasText: '81–100' });
    expect(await fill(listed)).toBe(await fill(legend));
    expect(await layoutProblems(page)).toEqual([]);
    expect(errors).toEqual([]);
  });
});
