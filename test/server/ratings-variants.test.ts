import { FH_REGIONS } from '@freedom-ratings/core';
import { RATINGS_SORT_KEYS } from '@freedom-ratings/contract';
import { publicationVersion } from '@freedom-ratings/db';
import type { FastifyInstance } from 'fastify';
import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildServer } from '../../packages/server/src/build-server.js';
import { PublicCache } from '../../packages/server/src/http/public-cache.js';
import { describeOnBothDialects } from './harness.js';

/**
 * Issue 12 item 7: every query-string variant of an edition's ratings table
 * used to be a computation and a cache entry of its own, so anonymous callers
 * could spend the server's CPU and memory at will. Now the table is computed
 * once per edition and each variant filters and sorts it; unknown filter
 * values are refused. Proved by counting the queries sent to the real
 * database, and the public cache's entries and computations. The entity
 * search is the same kind of list: a search string filters one cached list.
 */

/** Counts every query the server sends to the database. */
class QueryCount implements KyselyPlugin {
  count = 0;
  transformQuery(args: PluginTransformQueryArgs) {
    this.count++;
    return args.node;
  }
  async transformResult(args: PluginTransformResultArgs) {
    return args.result;
  }
}

const STATUSES = ['F', 'PF', 'NF'] as const;
const KINDS = ['country', 'territory'] as const;

/** Every region × status × kind × order × include (with and without each filter), the sort key cycling. */
function legalVariants(): string[] {
  const urls: string[] = [];
  let sort = 0;
  for (const region of [undefined, ...FH_REGIONS])
    for (const status of [undefined, ...STATUSES])
      for (const kind of [undefined, ...KINDS])
        for (const order of ['asc', 'desc'])
          for (const include of [undefined, 'indicators']) {
            const q = new URLSearchParams();
            if (region) q.set('region', region);
            if (status) q.set('status', status);
            if (kind) q.set('kind', kind);
            q.set('sort', RATINGS_SORT_KEYS[sort++ % RATINGS_SORT_KEYS.length]!);
            q.set('order', order);
            if (include) q.set('include', include);
            urls.push(`/api/v1/editions/2024/ratings?${q}`);
          }
  return urls;
}

interface Row {
  entity: { id: string; kind: string };
  region: string;
  figures: { status: string; indicators: unknown };
}

describeOnBothDialects('ratings table variants', (get) => {
  let app: FastifyInstance;
  let cache: PublicCache;
  const reads = new QueryCount();
  beforeAll(async () => {
    const { conn } = get();
    const counted = { ...conn, db: conn.db.withPlugin(reads) };
    // A version that is trusted for the whole test, so only the table's own queries are counted.
    cache = new PublicCache(() => publicationVersion(counted.db), { versionTtlMs: 600_000 });
    app = await buildServer({ conn: counted, publicCache: cache });
  });
  afterAll(() => app.close());

  it('computes the table once for hundreds of distinct legal variants, with no cache entry per variant', async () => {
    const full = await app.inject({ method: 'GET', url: '/api/v1/editions/2024/ratings?include=indicators' });
    expect(full.statusCode).toBe(200);
    const all: Row[] = full.json().rows;
    // The whole table in its default order is one cached body per edition and form (see the next test).
    expect((await app.inject({ method: 'GET', url: '/api/v1/editions/2024/ratings' })).statusCode).toBe(200);
    const readsAfterFirst = reads.count;
    expect(readsAfterFirst).toBeGreaterThan(0);
    const entriesAfterFirst = cache.size;
    const computationsAfterFirst = cache.computations;

    const variants = legalVariants();
    expect(new Set(variants).size).toBe(variants.length);
    expect(variants.length).toBe(336);
    for (const url of variants) {
      const r = await app.inject({ method: 'GET', url });
      expect(r.statusCode, url).toBe(200);
      const q = new URL(url, 'http://x').searchParams;
      const expected = all
        .filter(
          (row) =>
            (!q.get('region') || row.region === q.get('region')) &&
            (!q.get('status') || row.figures.status === q.get('status')) &&
            (!q.get('kind') || row.entity.kind === q.get('kind')),
        )
        .map((row) => row.entity.id)
        .sort();
      const rows: Row[] = r.json().rows;
      expect(rows.map((row) => row.entity.id).sort(), url).toEqual(expected);
      expect(
        rows.every((row) => (row.figures.indicators === null) === !q.get('include')),
        url,
      ).toBe(true);
    }
    expect(reads.count).toBe(readsAfterFirst);
    expect(cache.computations).toBe(computationsAfterFirst);
    expect(cache.size).toBe(entriesAfterFirst);
  });

  it('sends the whole table, what the explorer asks for, from one body made once', async () => {
    const url = '/api/v1/editions/2023/ratings';
    // A sorted variant computes the edition's table (one value) and caches no body of its own.
    const sorted = await app.inject({ method: 'GET', url: `${url}?sort=total&order=desc` });
    expect(sorted.statusCode).toBe(200);
    const afterVariant = cache.size;
    const first = await app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'br' } });
    expect(first.statusCode).toBe(200);
    expect(cache.size).toBe(afterVariant + 1);
    const computations = cache.computations;
    const second = await app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'br' } });
    expect(cache.computations).toBe(computations);
    expect(cache.size).toBe(afterVariant + 1);
    expect(second.headers.etag).toBe(first.headers.etag);
    expect(second.rawPayload.equals(first.rawPayload)).toBe(true);
    const ids = (r: { json(): { rows: Row[] } }) => r.json().rows.map((row) => row.entity.id);
    const whole = await app.inject({ method: 'GET', url });
    expect(ids(whole).sort()).toEqual(ids(sorted).sort());
  });

  it('searches entities with hundreds of distinct strings from one list', async () => {
    const first = await app.inject({ method: 'GET', url: '/api/v1/entities' });
    expect(first.statusCode).toBe(200);
    const before = { reads: reads.count, entries: cache.size, computations: cache.computations };
    for (let i = 0; i < 500; i++) {
      const kind = i % 2 === 0 ? '&kind=country' : '';
      const r = await app.inject({ method: 'GET', url: `/api/v1/entities?q=${encodeURIComponent(`zz ${i}`)}${kind}` });
      expect(r.statusCode).toBe(200);
      expect(r.json().entities).toEqual([]);
    }
    const kaz = await app.inject({ method: 'GET', url: '/api/v1/entities?q=KAZ' });
    expect(kaz.json().entities.map((e: { id: string }) => e.id)).toEqual(['kazakhstan']);
    expect({ reads: reads.count, entries: cache.size, computations: cache.computations }).toEqual(before);
  });

  it('refuses an unknown region, status or kind with 400 naming the parameter and the values it accepts', async () => {
    const region = await app.inject({ method: 'GET', url: '/api/v1/editions/2024/ratings?region=Atlantis' });
    expect(region.statusCode).toBe(400);
    expect(region.json().error).toMatchObject({
      code: 'invalid-request',
      details: { problems: [{ location: 'query', path: 'region', allowed: [...FH_REGIONS] }] },
    });
    expect(region.json().error.message).toContain('region');
    // Case matters: the API's regions are the registry's names.
    const lower = await app.inject({ method: 'GET', url: '/api/v1/editions/2024/ratings?region=europe' });
    expect(lower.statusCode).toBe(400);
    const status = await app.inject({ method: 'GET', url: '/api/v1/editions/2024/ratings?status=XF' });
    expect(status.statusCode).toBe(400);
    expect(status.json().error.details.problems).toMatchObject([
      { location: 'query', path: 'status', allowed: ['F', 'PF', 'NF'] },
    ]);
    const kind = await app.inject({ method: 'GET', url: '/api/v1/editions/2024/ratings?kind=planet' });
    expect(kind.statusCode).toBe(400);
    expect(kind.json().error.details.problems).toMatchObject([
      { location: 'query', path: 'kind', allowed: ['country', 'territory'] },
    ]);
    // An unpublished edition stays a 404 whatever the region: the 400 must not reveal it exists.
    const hidden = await app.inject({ method: 'GET', url: '/api/v1/editions/1999/ratings?region=Atlantis' });
    expect(hidden.statusCode).toBe(404);
  });

  it('serves a variant with the same ETag every time and 304 on revalidation', async () => {
    const url = '/api/v1/editions/2024/ratings?sort=total&order=desc&status=F';
    const a = await app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'br' } });
    const b = await app.inject({ method: 'GET', url });
    expect(a.headers.etag).toBe(b.headers.etag);
    const again = await app.inject({ method: 'GET', url, headers: { 'if-none-match': a.headers.etag as string } });
    expect(again.statusCode).toBe(304);
  });
});
