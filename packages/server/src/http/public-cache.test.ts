import { describe, expect, it } from 'vitest';
import { PublicCache } from './public-cache.js';
import { Representation } from './representation.js';

const rep = (s: string) => Representation.of(s, 'text/plain');

describe('PublicCache', () => {
  it('produces once for concurrent requests and serves the copy afterwards', async () => {
    const cache = new PublicCache(async () => 'v1');
    let calls = 0;
    const produce = async () => {
      calls++;
      await new Promise((r) => setTimeout(r, 5));
      return rep('body');
    };
    const results = await Promise.all([cache.get('k', produce), cache.get('k', produce), cache.get('k', produce)]);
    expect(calls).toBe(1);
    expect(new Set(results).size).toBe(1);
    await cache.get('k', produce);
    expect(calls).toBe(1);
  });

  it('drops everything when the publication version changes', async () => {
    let version = 'v1';
    const cache = new PublicCache(async () => version, { versionTtlMs: 0 });
    await cache.get('k', async () => rep('old'));
    version = 'v2';
    const fresh = await cache.get('k', async () => rep('new'));
    expect(fresh.body.toString()).toBe('new');
  });

  it('computes a derived value once per key and publication version', async () => {
    let version = 'v1';
    const cache = new PublicCache(async () => version, { versionTtlMs: 0 });
    let calls = 0;
    const produce = async () => ({ made: ++calls });
    const [a, b] = await Promise.all([cache.value('t', produce), cache.value('t', produce)]);
    expect(a).toBe(b);
    expect(await cache.value('t', produce)).toBe(a);
    expect(cache.computations).toBe(1);
    version = 'v2';
    expect(await cache.value('t', produce)).toEqual({ made: 2 });
    expect(cache.computations).toBe(2);
  });

  it('evicts the least recently used entry beyond its bound', async () => {
    const cache = new PublicCache(async () => 'v', { maxEntries: 2 });
    await cache.get('a', async () => rep('a'));
    await cache.get('b', async () => rep('b'));
    await cache.get('a', async () => rep('a2'));
    await cache.get('c', async () => rep('c'));
    expect(cache.size).toBe(2);
    expect((await cache.get('a', async () => rep('a3'))).body.toString()).toBe('a');
    expect((await cache.get('b', async () => rep('b2'))).body.toString()).toBe('b2');
  });

  it('evicts by bytes as well as by count', async () => {
    const cache = new PublicCache(async () => 'v', { maxBytes: 10 });
    await cache.get('a', async () => rep('aaaa'));
    await cache.get('b', async () => rep('bbbb'));
    await cache.get('c', async () => rep('cccc'));
    expect(cache.size).toBe(2);
    expect(cache.byteSize).toBe(8);
    expect((await cache.get('a', async () => rep('a2'))).body.toString()).toBe('a2');
  });

  it('serves what it holds while the database does not answer, and fails only what it lacks', async () => {
    let down = false;
    let checks = 0;
    const cache = new PublicCache(
      async () => {
        checks++;
        if (down) throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
        return 'v1';
      },
      { versionTtlMs: 50 },
    );
    await cache.get('a', async () => rep('published'));
    down = true;
    await new Promise((r) => setTimeout(r, 60));
    const failing = async (): Promise<Representation> => {
      throw new Error('the database is away');
    };
    expect((await cache.get('a', failing)).body.toString()).toBe('published');
    await expect(cache.get('b', failing)).rejects.toThrow(/ECONNREFUSED/);
    // Within the TTL after a failed check, requests do not each ask the database again.
    const checksWhileDown = checks;
    for (let i = 0; i < 20; i++) await cache.get('a', failing);
    expect(checks).toBe(checksWhileDown);
    down = false;
    await new Promise((r) => setTimeout(r, 60));
    expect((await cache.get('b', async () => rep('fresh'))).body.toString()).toBe('fresh');
  });
});
