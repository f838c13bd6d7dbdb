import type { PageDefinition } from './page.js';
import type { PageId } from './url-state.js';

/**
 * The page registry: each page's module, loaded when first shown, so the
 * home page's JavaScript holds the map and nothing else. Add a page here and
 * its path in url-state.ts.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const PAGES: { [P in PageId]: () => Promise<PageDefinition<P, any>> } = {
  map: () => import('../explorer/map/map-page.js').then((m) => m.mapPage),
  table: () => import('../explorer/table/table-page.js').then((m) => m.tablePage),
  country: () => import('../explorer/country/country-page.js').then((m) => m.countryPage),
  compare: () => import('../explorer/compare/compare-page.js').then((m) => m.comparePage),
  methodology: () => import('../explorer/methodology/methodology-page.js').then((m) => m.methodologyPage),
  downloads: () => import('../explorer/downloads/downloads-page.js').then((m) => m.downloadsPage),
};

/** Short names for the navigation bar, in its order. */
export const NAVIGATION: readonly { page: Exclude<PageId, 'country'>; label: string }[] = [
  { page: 'map', label: 'Map' },
  { page: 'table', label: 'Table' },
  { page: 'compare', label: 'Compare' },
  { page: 'methodology', label: 'Methodology' },
  { page: 'downloads', label: 'Downloads' },
];
