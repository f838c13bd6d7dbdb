import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { precompress } from './build-tools/precompress.js';
import { worldGeometry } from './build-tools/world-geometry.js';

const source = (pkg: string) => fileURLToPath(new URL(`../${pkg}/src/index.ts`, import.meta.url));

/** Projecting the world map takes a second: not worth a warning about slow plugins on every build. */
const QUIET = { checks: { bundlerTimings: false } };

/**
 * Two builds from one config: the browser bundle (`build/client`, served as
 * static files; index.html is the page template) and, with `--ssr`, the
 * server renderer (`build/server/entry-server.js`, imported by `fiw serve`).
 */
export default defineConfig(({ isSsrBuild }) => ({
  root: fileURLToPath(new URL('.', import.meta.url)),
  resolve: {
    // The browser compiles core and the contract from source: smaller bundles, nothing to build first.
    alias: {
      '@freedom-ratings/core': source('core'),
      '@freedom-ratings/contract': source('contract'),
    },
  },
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  plugins: [worldGeometry(), ...(isSsrBuild ? [] : [precompress()])],
  ssr: { noExternal: true },
  build: isSsrBuild
    ? { outDir: 'build/server', emptyOutDir: true, target: 'node20', rolldownOptions: QUIET }
    : {
        outDir: 'build/client',
        emptyOutDir: true,
        target: 'es2022',
        modulePreload: { polyfill: false },
        // Read by the server renderer (which chunks a page needs) and by the bundle budget test.
        manifest: true,
        rolldownOptions: QUIET,
      },
}));
