import type { Api, Erratum, Release } from '../../api/client.js';

/** An edition's releases, newest first, and its errata log: what the downloads page shows beside the files. */
export interface ReleaseLog {
  releases: Release[];
  errata: Erratum[];
}

/** Both answers for one edition (two requests, each cached until the next publication). */
export async function loadReleaseLog(api: Api, edition: number): Promise<ReleaseLog> {
  const [{ releases }, { errata }] = await Promise.all([api.releases(edition), api.editionErrata(edition)]);
  return { releases: [...releases].reverse(), errata };
}

/** "Release 2 — 2026-12-02 — B2 was entered from the wrong draft — 4 errata": one release in a line. */
export function releaseSummary(r: Release): string {
  const parts = [`Release ${r.release}`, r.publishedAt.slice(0, 10), r.reason ?? 'first publication'];
  if (r.errata > 0) parts.push(r.errata === 1 ? '1 erratum' : `${r.errata} errata`);
  return parts.join(' — ');
}

/**
 * The address of one release's frozen JSON, byte for byte as it was published,
 * or of the XLSX or indicator-layout CSV the server writes from it.
 */
export const releaseHref = (edition: number, release: number, format: 'json' | 'xlsx' | 'csv' = 'json') =>
  `/api/v1/editions/${edition}/export?format=${format}&release=${release}`;
