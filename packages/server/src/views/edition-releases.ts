import { releasesOf, type ReleaseListing } from '@freedom-ratings/db';
import type { ServerContext } from '../context.js';

/**
 * An edition's releases, read once per publication version: every download
 * asks which release is the latest and what its checksum is, and the query
 * measures each release's bytes.
 */
export function editionReleases(ctx: ServerContext, edition: number): Promise<ReleaseListing[]> {
  return ctx.cache.value(`releases-of:${edition}`, () => releasesOf(ctx.conn.db, edition));
}
