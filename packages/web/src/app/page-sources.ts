import type { PageId } from './url-state.js';

/**
 * Each page's source module, as the build manifest names it: the server
 * renderer preloads the page's chunks with the page, instead of the browser
 * discovering them only after the entry script ran.
 */
export const PAGE_SOURCES: { [P in PageId]: string } = {
  map: 'src/explorer/map/map-page.tsx',
  table: 'src/explorer/table/table-page.tsx',
  country: 'src/explorer/country/country-page.tsx',
  compare: 'src/explorer/compare/compare-page.tsx',
  methodology: 'src/explorer/methodology/methodology-page.tsx',
  downloads: 'src/explorer/downloads/downloads-page.tsx',
};

/** The studio's entry module: its own chunk, loaded only on /studio addresses. */
export const STUDIO_SOURCE = 'src/studio/main.tsx';
