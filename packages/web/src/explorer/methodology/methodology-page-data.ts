import { EDITIONS, LATEST_EDITION, methodologyFor, resolveEdition } from '@freedom-ratings/core';
import type { MethodologyPageData } from './MethodologyPage.js';

/**
 * The rules for `?edition=` (a key such as 2014 or a label such as
 * "1983-84"; the newest edition when absent), or null for an edition the
 * built-in methodology does not know, which the page answers with a 404.
 */
export function methodologyPageData(edition: string | null | undefined): MethodologyPageData | null {
  const info = resolveEdition(edition ?? String(LATEST_EDITION));
  const methodology = info && methodologyFor(info.edition);
  if (!info || !methodology) return null;
  const before = EDITIONS[EDITIONS.indexOf(info) - 1];
  return {
    info,
    methodology,
    previous: before ? { info: before, methodology: methodologyFor(before.edition)! } : null,
  };
}
