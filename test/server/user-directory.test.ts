import { expect, it } from 'vitest';
import { describeOnBothDialects } from './harness.js';

/**
 * Who may read whom: admins manage users and read the full record; editors
 * pick analysts and reviewers from a read-only list of active people with
 * only their id, name and role; nobody else reads either.
 */
describeOnBothDialects('user directory', (get) => {
  it('gives admins the full user list and nobody else', async () => {
    const admin = await get().login('admin');
    const full = await admin.request('GET', '/api/v1/studio/users');
    expect(full.statusCode).toBe(200);
    const me = full.json().users.find((u: { id: number }) => u.id === get().fixture.users.admin.id);
    expect(me).toEqual(expect.objectContaining({ email: expect.any(String), lastSignInAt: expect.any(String) }));
    for (const role of ['editor', 'reviewer', 'analyst'] as const) {
      const r = await (await get().login(role)).request('GET', '/api/v1/studio/users');
      expect(r.statusCode, role).toBe(403);
      expect(r.json().error.code).toBe('forbidden');
    }
  });

  it('gives editors (and admins) the active people with id, name and role only', async () => {
    const { fixture } = get();
    const admin = await get().login('admin');
    const created = (
      await admin.request('POST', '/api/v1/studio/users', { email: 'gone@example.org', name: 'Gone', role: 'analyst' })
    ).json().user;
    await admin.request('PATCH', `/api/v1/studio/users/${created.id}`, { active: false });

    const editor = await get().login('editor');
    const r = await editor.request('GET', '/api/v1/studio/people');
    expect(r.statusCode).toBe(200);
    const people = r.json().people as { id: number; name: string; role: string }[];
    for (const p of people) expect(Object.keys(p).sort()).toEqual(['id', 'name', 'role']);
    expect(r.body).not.toContain('@example.org');
    expect(people.map((p) => p.id)).not.toContain(created.id);
    expect(people).toContainEqual({ id: fixture.users.analyst.id, name: 'analyst', role: 'analyst' });
    expect(people).toContainEqual({ id: fixture.users.reviewer.id, name: 'reviewer', role: 'reviewer' });
    expect(people.map((p) => p.name)).toEqual([...people.map((p) => p.name)].sort((a, b) => a.localeCompare(b)));
    expect((await admin.request('GET', '/api/v1/studio/people')).statusCode).toBe(200);

    for (const role of ['reviewer', 'analyst'] as const) {
      const refused = await (await get().login(role)).request('GET', '/api/v1/studio/people');
      expect(refused.statusCode, role).toBe(403);
    }
  });
});
