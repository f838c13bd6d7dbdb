import type { FastifyInstance } from 'fastify';
import { expect, it } from 'vitest';
import { describeOnBothDialects } from './harness.js';

const signIn = (app: FastifyInstance, email: string, password: string, remoteAddress: string) =>
  app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress, payload: { email, password } });

const statuses = (rs: { statusCode: number }[]) => rs.map((r) => r.statusCode);
const count = (codes: number[], code: number) => codes.filter((c) => c === code).length;

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await work();
  return { value, ms: performance.now() - started };
}

describeOnBothDialects('login rate limit under parallel guesses', (get) => {
  it('counts parallel guesses at one account before checking them: at most 10 checked, the rest 429', async () => {
    const { app, fixture } = get();
    const { email, password } = fixture.users.otherAnalyst;
    const first = await Promise.all(
      Array.from({ length: 40 }, (_, i) => signIn(app, email, `guess-${i}`, `198.51.100.${i + 1}`)),
    );
    const codes = statuses(first);
    // Two at a time per account: the rest are refused at once, without a hash.
    expect(count(codes, 401)).toBeGreaterThan(0);
    expect(count(codes, 401)).toBeLessThanOrEqual(4);
    expect(count(codes, 429)).toBe(40 - count(codes, 401));
    const refused = first.find((r) => r.statusCode === 429)!;
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.json().error.code).toBe('too-many-attempts');

    // Waves until the account is over its limit: never more than 10 wrong guesses are checked in all.
    let checked = count(codes, 401);
    for (let wave = 0; wave < 20; wave++) {
      const rs = await Promise.all(
        Array.from({ length: 40 }, (_, i) => signIn(app, email, `wave-${wave}-${i}`, `198.51.101.${i + 1}`)),
      );
      checked += count(statuses(rs), 401);
      expect(count(statuses(rs), 200)).toBe(0);
    }
    expect(checked).toBe(10);

    // Once over the limit, the right password in a burst is refused like the wrong ones.
    const burst = await Promise.all([
      ...Array.from({ length: 20 }, (_, i) => signIn(app, email, `late-${i}`, `198.51.102.${i + 1}`)),
      signIn(app, email, password, '198.51.102.200'),
    ]);
    expect(new Set(statuses(burst))).toEqual(new Set([429]));
    const alone = await signIn(app, email, password, '198.51.102.201');
    expect(alone.statusCode).toBe(429);
    expect(Number(alone.headers['retry-after'])).toBeGreaterThan(60);
  });

  it('caps parallel checks from one address across accounts', async () => {
    const { app } = get();
    const rs = await Promise.all(
      Array.from({ length: 40 }, (_, i) => signIn(app, `nobody${i}@example.org`, 'guess', '203.0.113.50')),
    );
    const codes = statuses(rs);
    expect(count(codes, 401)).toBeGreaterThan(0);
    expect(count(codes, 401)).toBeLessThanOrEqual(4);
    expect(count(codes, 429)).toBe(40 - count(codes, 401));
  });

  it('answers another account’s valid sign-in quickly during a 300-guess burst', async () => {
    const { app, fixture } = get();
    const { email, password } = fixture.users.editor;
    const single: number[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await timed(() => signIn(app, email, password, '192.0.2.10'));
      expect(r.value.statusCode).toBe(200);
      single.push(r.ms);
    }
    const oneSignIn = single.sort((a, b) => a - b)[1]!;
    const victim = fixture.users.reviewer.email;
    const burst = Array.from({ length: 300 }, (_, i) =>
      signIn(app, victim, `burst-${i}`, `10.1.${Math.floor(i / 250)}.${(i % 250) + 1}`),
    );
    const during = await timed(() => signIn(app, email, password, '192.0.2.11'));
    const codes = statuses(await Promise.all(burst));
    expect(during.value.statusCode).toBe(200);
    // Unlimited, the burst's 300 hashes queue ahead of it (about 75 sign-ins' time on four threads).
    expect(during.ms).toBeLessThan(15 * oneSignIn + 100);
    expect(count(codes, 401)).toBeLessThanOrEqual(10);
  });

  it('keeps a burst over many accounts and addresses from queueing more than a few hashes', async () => {
    const { app, fixture } = get();
    const rs = await Promise.all(
      Array.from({ length: 300 }, (_, i) =>
        signIn(app, `spray${i}@example.org`, 'guess', `10.2.${Math.floor(i / 250)}.${(i % 250) + 1}`),
      ),
    );
    const codes = statuses(rs);
    // Refused at once while this process is already checking sixteen.
    expect(count(codes, 429)).toBeGreaterThan(0);
    expect(count(codes, 401) + count(codes, 429)).toBe(300);
    const after = await signIn(app, fixture.users.admin.email, fixture.users.admin.password, '192.0.2.12');
    expect(after.statusCode).toBe(200);
  }, 120_000);
});

/** X-Forwarded-For as `hops` proxies would pass it on: what the client wrote, the client, then the proxies before the last. */
const forwardedFor = (written: string, client: string, hops: number) =>
  [written, client, ...Array.from({ length: hops - 1 }, (_, i) => `10.9.0.${i + 1}`)].join(', ');

for (const hops of [1, 2]) {
  describeOnBothDialects(
    `login rate limit behind ${hops} trusted prox${hops === 1 ? 'y' : 'ies'}`,
    (get) => {
      it('counts the address the proxies saw, not one the client wrote into X-Forwarded-For', async () => {
        const { app } = get();
        const attempt = (written: string, client: string) =>
          app.inject({
            method: 'POST',
            url: '/api/v1/auth/login',
            remoteAddress: '10.8.0.1',
            headers: { 'x-forwarded-for': forwardedFor(written, client, hops) },
            payload: { email: `rotating${written}@example.org`, password: 'guess' },
          });
        const codes: number[] = [];
        for (let i = 0; i < 15; i++) codes.push((await attempt(`203.0.113.${i + 1}`, '198.51.100.77')).statusCode);
        expect(codes).toEqual([...Array<number>(10).fill(401), ...Array<number>(5).fill(429)]);
        // Another client behind the same proxies has its own count.
        expect((await attempt('203.0.113.99', '198.51.100.78')).statusCode).toBe(401);
      });
    },
    { proxyHops: hops },
  );
}
