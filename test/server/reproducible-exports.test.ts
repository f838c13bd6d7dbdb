import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { expect, it, vi } from 'vitest';
import { buildServer } from '../../packages/server/src/build-server.js';
import { describeOnBothDialects } from './harness.js';

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** Every download of edition 2024: each export format and layout, and each file of the data package. */
async function downloads(
  app: FastifyInstance,
): Promise<Record<string, { sha256: string; etag: unknown; xSha: unknown }>> {
  const urls = [
    'export?format=json',
    'export?format=xlsx',
    'export?format=csv&layout=indicators',
    'export?format=csv&layout=subcategories',
    'export?format=csv&layout=ratings&kind=country',
    'export?format=csv&layout=ratings&kind=territory',
    'datapackage/datapackage.json',
  ].map((u) => `/api/v1/editions/2024/${u}`);
  const pkg = await app.inject({ method: 'GET', url: urls.at(-1)! });
  for (const r of pkg.json().resources as { path: string }[]) urls.push(`/api/v1/editions/2024/datapackage/${r.path}`);
  const out: Record<string, { sha256: string; etag: unknown; xSha: unknown }> = {};
  for (const url of urls) {
    const r = await app.inject({ method: 'GET', url });
    expect(r.statusCode, url).toBe(200);
    out[url] = { sha256: sha256(r.rawPayload), etag: r.headers.etag, xSha: r.headers['x-content-sha256'] };
  }
  return out;
}

describeOnBothDialects('exports are reproducible', (get) => {
  it('every download has the same bytes, SHA-256 and ETag after a restart, hours later and in another time zone', async () => {
    const before = await downloads(get().app);
    expect(Object.keys(before).length).toBeGreaterThan(8);
    const zone = process.env.TZ;
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 3 * 3600_000 + 7_000);
    process.env.TZ = 'Pacific/Chatham';
    const restarted = await buildServer({ conn: get().conn });
    try {
      expect(await downloads(restarted)).toEqual(before);
    } finally {
      await restarted.close();
      vi.useRealTimers();
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });
});
