import { expect, it } from 'vitest';
import { describeOnBothDialects } from './harness.js';

describeOnBothDialects('changing one’s password', (get) => {
  it('refuses short, unchanged and common new passwords at newPassword, changing nothing', async () => {
    const { fixture } = get();
    const s = await get().login('analyst');
    const current = fixture.users.analyst.password;
    for (const [newPassword, reason] of [
      ['too-short', /12/],
      [current, /differ from the current/],
      ['Password1234!', /most common/],
      ['qwertyuiop123', /most common/],
    ] as const) {
      const r = await s.request('POST', '/api/v1/auth/password', { currentPassword: current, newPassword });
      expect(r.statusCode, newPassword).toBe(400);
      expect(r.json().error.code).toBe('invalid-request');
      expect(r.json().error.details.problems).toEqual([
        { location: 'body', path: 'newPassword', message: expect.stringMatching(reason) },
      ]);
    }
    expect((await s.request('GET', '/api/v1/auth/me')).statusCode).toBe(200);
    await get().login('analyst');
  });

  it('ends the user’s other sessions but keeps the one that changed it', async () => {
    const { app, fixture } = get();
    const here = await get().login('analyst');
    const elsewhere = await get().login('analyst');
    const someoneElse = await get().login('reviewer');
    const newPassword = 'plum orchard at dawn';
    const r = await here.request('POST', '/api/v1/auth/password', {
      currentPassword: fixture.users.analyst.password,
      newPassword,
    });
    expect(r.statusCode).toBe(200);
    expect((await here.request('GET', '/api/v1/auth/me')).statusCode).toBe(200);
    expect((await elsewhere.request('GET', '/api/v1/auth/me')).statusCode).toBe(401);
    expect((await someoneElse.request('GET', '/api/v1/auth/me')).statusCode).toBe(200);
    const login = (password: string) =>
      app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: fixture.users.analyst.email, password },
      });
    expect((await login(fixture.users.analyst.password)).statusCode).toBe(401);
    expect((await login(newPassword)).statusCode).toBe(200);
  });

  it('limits wrong current passwords like failed sign-ins', async () => {
    const { app, fixture } = get();
    const s = await get().login('otherAnalyst');
    const change = (currentPassword: string) =>
      app.inject({
        method: 'POST',
        url: '/api/v1/auth/password',
        remoteAddress: '198.51.100.33',
        headers: { cookie: s.cookie, 'x-csrf-token': s.csrf },
        payload: { currentPassword, newPassword: 'plum orchard at dusk' },
      });
    const codes: number[] = [];
    for (let i = 0; i < 12; i++) codes.push((await change(`wrong guess ${i}`)).statusCode);
    expect(codes).toEqual([...Array<number>(10).fill(401), 429, 429]);
    const right = await change(fixture.users.otherAnalyst.password);
    expect(right.statusCode).toBe(429);
    expect(Number(right.headers['retry-after'])).toBeGreaterThan(60);
    // The account's sign-ins share the limit.
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      remoteAddress: '192.0.2.44',
      payload: { email: fixture.users.otherAnalyst.email, password: fixture.users.otherAnalyst.password },
    });
    expect(login.statusCode).toBe(429);
  });
});
