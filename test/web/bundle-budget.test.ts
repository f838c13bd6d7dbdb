import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { staticClosure, type BuildManifest } from '../../packages/web/src/app/build-manifest.js';
import { PAGE_SOURCES, STUDIO_SOURCE } from '../../packages/web/src/app/page-sources.js';
import { REPO_ROOT } from '../../test-support/shared.js';

/** The home page's JavaScript before it is interactive, gzipped: the budget (OWID's grapher: 545 KB). */
const HOME_BUDGET = 100 * 1024;
/** The studio's JavaScript before sign-in is possible, gzipped: the studio issue's budget. */
const STUDIO_BUDGET = 150 * 1024;

const CLIENT = join(REPO_ROOT, 'packages', 'web', 'build', 'client');
const MANIFEST = join(CLIENT, '.vite', 'manifest.json');
const SERVER = join(REPO_ROOT, 'packages', 'web', 'build', 'server');

/**
 * Runs on the build `npm test` makes first (like bundlewatch in CI): a change
 * that pushes the home page over budget fails the suite.
 */
describe('web bundle budget', () => {
  if (!existsSync(MANIFEST)) {
    it('needs the web build', () => {
      throw new Error(`${MANIFEST} is missing: run npm run build first`);
    });
    return;
  }
  const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8')) as BuildManifest;
  const home = [...new Set([...staticClosure(manifest, 'index.html'), ...staticClosure(manifest, PAGE_SOURCES.map)])];
  const bytes = (file: string) => readFileSync(join(CLIENT, file));

  it(`keeps the home page's initial JavaScript within ${HOME_BUDGET / 1024} KB gzipped`, () => {
    const js = home.filter((f) => f.endsWith('.js'));
    const gzipped = js.reduce((sum, f) => sum + gzipSync(bytes(f), { level: 9 }).length, 0);
    console.log(`home page initial JS: ${js.length} files, ${(gzipped / 1024).toFixed(1)} KB gzipped`);
    expect(js.length).toBeGreaterThan(1);
    expect(gzipped).toBeLessThanOrEqual(HOME_BUDGET);
  });

  const studio = [...new Set([...staticClosure(manifest, 'index.html'), ...staticClosure(manifest, STUDIO_SOURCE)])];
  const gzippedJs = (files: string[]) =>
    files.filter((f) => f.endsWith('.js')).reduce((sum, f) => sum + gzipSync(bytes(f), { level: 9 }).length, 0);

  it(`keeps the studio's initial JavaScript within ${STUDIO_BUDGET / 1024} KB gzipped, and the studio off public pages`, () => {
    const gzipped = gzippedJs(studio);
    console.log(`studio initial JS: ${(gzipped / 1024).toFixed(1)} KB gzipped`);
    expect(gzipped).toBeLessThanOrEqual(STUDIO_BUDGET);
    const studioChunk = manifest[STUDIO_SOURCE]!.file;
    expect(home).not.toContain(studioChunk);
    for (const page of Object.values(PAGE_SOURCES)) expect(staticClosure(manifest, page)).not.toContain(studioChunk);
  });

  it('leaves the world geometry and the other pages out of the home page, and zod out of the browser', () => {
    const geometry = Object.values(manifest).find((c) => c.file.includes('world-geometry'));
    expect(geometry, 'the geometry chunk').toBeDefined();
    expect(home).not.toContain(geometry!.file);
    for (const page of ['table', 'country', 'compare', 'methodology', 'downloads'] as const) {
      expect(home).not.toContain(manifest[PAGE_SOURCES[page]]!.file);
    }
    for (const chunk of Object.values(manifest)) {
      if (chunk.file.endsWith('.js')) expect(bytes(chunk.file).toString(), chunk.file).not.toContain('ZodError');
    }
  });

  it('leaves the world geometry out of the server renderer (only the browser draws the map)', () => {
    const files = readdirSync(SERVER, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.js'));
    expect(files).toContain('entry-server.js');
    expect(files.filter((f) => f.includes('world-geometry'))).toEqual([]);
    for (const f of files) {
      expect(readFileSync(join(SERVER, f), 'utf8'), f).not.toContain('virtual:world-geometry');
    }
  });
});
