import { createHash } from 'node:crypto';
import { expect, it } from 'vitest';
import { OPEN_EDITION } from './fixture.js';
import { describeOnBothDialects, type Session } from './harness.js';

const patchWith = (s: Session, id: number, etag: string, body: unknown) =>
  s.request('PATCH', `/api/v1/studio/assessments/${id}`, body, { 'if-match': etag });

describeOnBothDialects('studio API', (get) => {
  it('signs in with a session cookie and CSRF token, and refuses wrong passwords', async () => {
    const { app, fixture } = get();
    const bad = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: fixture.users.editor.email, password: 'wrong' },
    });
    expect(bad.statusCode).toBe(401);
    expect(bad.json().error.code).toBe('invalid-credentials');
    const unknown = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'nobody@example.org', password: 'wrong' },
    });
    expect(unknown.json().error).toEqual(bad.json().error);

    const ok = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: fixture.users.editor.email, password: fixture.users.editor.password },
    });
    expect(ok.statusCode).toBe(200);
    const cookie = String(ok.headers['set-cookie']);
    expect(cookie).toMatch(/fiw_session=[\w-]+/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).not.toMatch(/Secure/i);
    expect(ok.headers['cache-control']).toBe('no-store');
    const tls = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: fixture.users.editor.email, password: fixture.users.editor.password },
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(tls.statusCode).toBe(200);
  });

  it('limits failed sign-ins per address', async () => {
    const { app, fixture } = get();
    const attempt = () =>
      app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        remoteAddress: '203.0.113.9',
        payload: { email: `guess${Math.random()}@example.org`, password: 'guess' },
      });
    for (let i = 0; i < 10; i++) expect((await attempt()).statusCode).toBe(401);
    const blocked = await attempt();
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    const rightButBlocked = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      remoteAddress: '203.0.113.9',
      payload: { email: fixture.users.reviewer.email, password: fixture.users.reviewer.password },
    });
    expect(rightButBlocked.statusCode).toBe(429);
  });

  it('requires the CSRF token on writes and forgets the session at logout', async () => {
    const { app } = get();
    const s = await get().login('reviewer');
    const me = await s.request('GET', '/api/v1/auth/me');
    expect(me.json()).toMatchObject({ user: { role: 'reviewer' }, csrfToken: s.csrf });
    const noToken = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { cookie: s.cookie },
    });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json().error.code).toBe('csrf-rejected');
    expect((await s.request('POST', '/api/v1/auth/logout')).statusCode).toBe(200);
    expect((await s.request('GET', '/api/v1/auth/me')).statusCode).toBe(401);
  });

  it('reads an assessment with its ETag, last edition beside it and methodology warnings', async () => {
    const s = await get().login('analyst');
    const id = get().fixture.open.kazakhstan!;
    const r = await s.request('GET', `/api/v1/studio/assessments/${id}`);
    expect(r.statusCode).toBe(200);
    expect(r.headers.etag).toBe(`"${id}-1"`);
    expect(r.headers['cache-control']).toBe('private, no-store');
    const a = r.json();
    expect(a).toMatchObject({ state: 'draft', version: 1, previous: { edition: 2024 } });
    expect(a.assignees.map((u: { name: string }) => u.name)).toEqual(['analyst']);
    // A1 went from 0 to 2 while its text is new: no warning for A1 text; the overview is unrelated.
    expect(
      a.warnings.some(
        (w: { code: string }) =>
          w.code === 'status-change' || w.code === 'near-band' || w.code === 'score-changed-without-text',
      ),
    ).toBe(true);
  });

  it('writes with If-Match, logs old → new with the reason, and refuses stale or missing versions', async () => {
    const s = await get().login('analyst');
    const id = get().fixture.open.kazakhstan!;
    const read = await s.request('GET', `/api/v1/studio/assessments/${id}`);
    const etag = read.headers.etag as string;
    const missing = await s.request('PATCH', `/api/v1/studio/assessments/${id}`, { reason: 'x', scores: { B1: 2 } });
    expect(missing.statusCode).toBe(428);
    const w = await patchWith(s, id, etag, {
      reason: 'new evidence on party registration',
      scores: { B1: 2 },
      narratives: [{ section: 'indicator', code: 'B1', body: 'Two parties registered.' }],
    });
    expect(w.statusCode).toBe(200);
    expect(w.json().version).toBe(2);
    expect(w.json().scores.B1).toBe(2);
    expect(w.headers.etag).toBe(`"${id}-2"`);
    const stale = await patchWith(s, id, etag, { reason: 'late', scores: { B1: 3 } });
    expect(stale.statusCode).toBe(412);
    expect(stale.json().error.code).toBe('version-mismatch');
    expect(stale.json().error.details.current).toMatchObject({ version: 2, scores: { B1: 2 } });
    const log = (await s.request('GET', `/api/v1/studio/assessments/${id}/revisions`)).json().revisions;
    expect(log).toEqual([
      expect.objectContaining({
        version: 2,
        field: 'score:B1',
        oldValue: '1',
        newValue: '2',
        reason: 'new evidence on party registration',
        user: { id: get().fixture.users.analyst.id, name: 'analyst' },
      }),
      expect.objectContaining({
        version: 2,
        field: 'narrative:indicator:B1',
        oldValue: null,
        newValue: 'Two parties registered.',
      }),
    ]);
    const diff = (await s.request('GET', `/api/v1/studio/assessments/${id}/diff?from=1&to=2`)).json();
    expect(diff.changes).toEqual([
      { field: 'narrative:indicator:B1', from: null, to: 'Two parties registered.' },
      { field: 'score:B1', from: '1', to: '2' },
    ]);
    const badScore = await patchWith(s, id, `"${id}-2"`, { reason: 'x', scores: { B1: 7 } });
    expect(badScore.statusCode).toBe(400);
    const unknownField = await patchWith(s, id, `"${id}-2"`, { reason: 'x', score: { B1: 1 } });
    expect(unknownField.statusCode).toBe(400);
  });

  it('lets analysts write only what is assigned to them, and reviewers not at all', async () => {
    const { fixture } = get();
    const other = await get().login('otherAnalyst');
    const id = fixture.open.kazakhstan!;
    const r = await other.request('GET', `/api/v1/studio/assessments/${id}`);
    const denied = await patchWith(other, id, r.headers.etag as string, { reason: 'x', scores: { C1: 2 } });
    expect(denied.statusCode).toBe(403);
    const reviewer = await get().login('reviewer');
    const denied2 = await patchWith(reviewer, id, r.headers.etag as string, { reason: 'x', scores: { C1: 2 } });
    expect(denied2.statusCode).toBe(403);
  });

  it('of 50 simultaneous writes with the same If-Match exactly one wins and one revision is logged', async () => {
    const editor = await get().login('editor');
    const id = get().fixture.open.bougainville!;
    const read = await editor.request('GET', `/api/v1/studio/assessments/${id}`);
    const before = (await editor.request('GET', `/api/v1/studio/assessments/${id}/revisions`)).json().revisions.length;
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        patchWith(editor, id, read.headers.etag as string, {
          reason: `writer ${i}`,
          scores: { C2: i % 4 === 2 ? 3 : 4 },
        }),
      ),
    );
    const codes = results.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 200)).toHaveLength(1);
    expect(codes.filter((c) => c === 412)).toHaveLength(49);
    const after = (await editor.request('GET', `/api/v1/studio/assessments/${id}/revisions`)).json().revisions.length;
    expect(after - before).toBe(1);
  });

  it('runs the workflow: submit, return, resubmit, approve; approved work is frozen', async () => {
    const analyst = await get().login('analyst');
    const reviewer = await get().login('reviewer');
    const id = get().fixture.open.kazakhstan!;
    const move = async (s: Session, action: string) => {
      const etag = (await s.request('GET', `/api/v1/studio/assessments/${id}`)).headers.etag as string;
      return s.request(
        'POST',
        `/api/v1/studio/assessments/${id}/workflow`,
        { action, reason: `${action} it` },
        { 'if-match': etag },
      );
    };
    expect((await move(reviewer, 'approve')).statusCode).toBe(409);
    expect((await move(analyst, 'submit')).json().state).toBe('submitted');
    expect((await move(analyst, 'approve')).statusCode).toBe(403);
    expect((await move(reviewer, 'return')).json().state).toBe('returned');
    expect((await move(analyst, 'submit')).json().state).toBe('submitted');
    const approved = await move(reviewer, 'approve');
    expect(approved.json().state).toBe('approved');
    const frozen = await patchWith(analyst, id, approved.headers.etag as string, { reason: 'x', scores: { A1: 4 } });
    expect(frozen.statusCode).toBe(409);
    expect(frozen.json().error.code).toBe('not-editable');
    const log = (await reviewer.request('GET', `/api/v1/studio/assessments/${id}/revisions`)).json().revisions;
    expect(
      log.filter((r: { field: string }) => r.field === 'state').map((r: { newValue: string }) => r.newValue),
    ).toEqual(['submitted', 'returned', 'submitted', 'approved']);
  });

  it('returns the engine’s methodology warnings with every read and write', async () => {
    const editor = await get().login('editor');
    const id = get().fixture.open.chile!;
    const read = await editor.request('GET', `/api/v1/studio/assessments/${id}`);
    const w = await patchWith(editor, id, read.headers.etag as string, {
      reason: 'judiciary under pressure',
      scores: { F1: 2 },
      trendArrow: 'up',
    });
    expect(w.statusCode).toBe(200);
    const warnings = w.json().warnings as { code: string; field: string; message: string }[];
    // F1 changed (3 → 2 against 2024) while its text did not.
    expect(warnings).toContainEqual(
      expect.objectContaining({ code: 'score-changed-without-text', field: 'F1', severity: 'warning' }),
    );
    // A1 +1 and F1 −1: no net change, so FIW 2025's rule allows no trend arrow.
    expect(warnings).toContainEqual(expect.objectContaining({ code: 'trend-arrow', field: 'trendArrow' }));
    const again = (await editor.request('GET', `/api/v1/studio/assessments/${id}`)).json().warnings;
    expect(again).toEqual(warnings);
  });

  it('keeps comments per indicator', async () => {
    const reviewer = await get().login('reviewer');
    const id = get().fixture.open.norway!;
    const c = await reviewer.request('POST', `/api/v1/studio/assessments/${id}/comments`, {
      code: 'D1',
      body: 'Source?',
    });
    expect(c.statusCode).toBe(201);
    const list = (await reviewer.request('GET', `/api/v1/studio/assessments/${id}/comments`)).json().comments;
    expect(list).toEqual([
      expect.objectContaining({
        code: 'D1',
        body: 'Source?',
        user: { id: get().fixture.users.reviewer.id, name: 'reviewer' },
      }),
    ]);
    const resolved = await reviewer.request('POST', `/api/v1/studio/comments/${c.json().id}/resolve`);
    expect(resolved.json().resolvedAt).toEqual(expect.any(String));
    const analyst = await get().login('analyst');
    const mine = (await analyst.request('GET', '/api/v1/studio/assignments')).json().assessments;
    expect(mine.map((a: { entity: { id: string } }) => a.entity.id)).toEqual(['kazakhstan']);
  });

  it('lets admins create users and assign assessments, and nobody else', async () => {
    const admin = await get().login('admin');
    const editor = await get().login('editor');
    const analyst = await get().login('analyst');
    // The full user list is the admins'; editors choose people from /studio/people (user-directory.test.ts).
    expect((await editor.request('GET', '/api/v1/studio/users')).statusCode).toBe(403);
    expect((await analyst.request('GET', '/api/v1/studio/users')).statusCode).toBe(403);
    const created = await admin.request('POST', '/api/v1/studio/users', {
      email: 'New@Example.org',
      name: 'New',
      role: 'analyst',
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().user).toMatchObject({ email: 'new@example.org', mustChangePassword: true });
    const dup = await admin.request('POST', '/api/v1/studio/users', {
      email: 'new@example.org',
      name: 'New',
      role: 'analyst',
    });
    expect(dup.statusCode).toBe(409);
    const id = get().fixture.open.chile!;
    const assigned = await admin.request('PUT', `/api/v1/studio/assessments/${id}/assignees`, {
      assignees: [{ userId: created.json().user.id }],
    });
    expect(assigned.json().assignees).toEqual([
      { id: created.json().user.id, name: 'New', role: 'analyst', deadline: null, overdue: false },
    ]);
  });

  it('serves the editorial screens: board, bulk assignment and approval, calibration, verdicts, user admin', async () => {
    const { fixture } = get();
    const admin = await get().login('admin');
    const editor = await get().login('editor');
    const reviewer = await get().login('reviewer');
    const analyst = await get().login('analyst');
    const base = `/api/v1/studio/editions/${OPEN_EDITION}`;

    const board = (await analyst.request('GET', `${base}/board`)).json();
    expect(board.regions).toEqual(['Americas', 'Asia', 'Eurasia', 'Europe']);
    const kaz = board.assessments.find((a: { entity: { id: string } }) => a.entity.id === 'kazakhstan');
    expect(kaz).toMatchObject({ region: 'Eurasia', progress: { scored: 25, of: 25 } });
    expect(kaz.progress.texts).toBeGreaterThanOrEqual(1);
    expect(kaz.assignees).toContainEqual({
      id: fixture.users.analyst.id,
      name: expect.any(String),
      role: 'analyst',
      deadline: null,
      overdue: false,
    });

    const assign = { region: 'Americas', analystId: fixture.users.analyst.id, reviewerId: fixture.users.reviewer.id };
    expect((await analyst.request('POST', `${base}/assignments`, assign)).statusCode).toBe(403);
    expect((await reviewer.request('POST', `${base}/assignments`, assign)).statusCode).toBe(403);
    const unknown = await editor.request('POST', `${base}/assignments`, { ...assign, reviewerId: 99999 });
    expect(unknown.json().error.code).toBe('unknown-user');
    expect((await editor.request('POST', `${base}/assignments`, assign)).json()).toEqual({ assigned: 1 });
    const mine = (await reviewer.request('GET', '/api/v1/studio/assignments')).json().assessments;
    expect(mine.map((a: { entity: { id: string } }) => a.entity.id)).toContain('chile');
    expect(mine[0].progress.of).toBe(25);

    const approve = { ids: [fixture.open.chile!], reason: 'bulk' };
    expect((await reviewer.request('POST', `${base}/approvals`, approve)).statusCode).toBe(403);
    const skipped = (await editor.request('POST', `${base}/approvals`, approve)).json();
    expect(skipped.approved).toEqual([]);
    expect(skipped.skipped[0]).toMatchObject({ id: fixture.open.chile, reason: expect.stringMatching(/returned/) });

    const calibration = (await analyst.request('GET', `${base}/calibration?code=A1`)).json();
    const kazRow = calibration.rows.find((r: { entity: { id: string } }) => r.entity.id === 'kazakhstan');
    expect(kazRow).toMatchObject({ region: 'Eurasia', previousEdition: 2024 });
    expect(kazRow.change).toBe(kazRow.score - kazRow.previousScore);
    expect(kazRow.text).toContain('A1 in 2025');
    const sub = (await analyst.request('GET', `${base}/calibration?code=A&region=Eurasia`)).json();
    expect(sub.rows).toHaveLength(1);
    expect(sub.max).toBe(12);
    expect((await analyst.request('GET', `${base}/calibration?code=Z9`)).statusCode).toBe(400);

    const nor = fixture.open.norway!;
    expect(
      (await analyst.request('PUT', `/api/v1/studio/assessments/${nor}/verdicts/B2`, { verdict: 'agree' })).statusCode,
    ).toBe(403);
    const draftVerdict = await reviewer.request('PUT', `/api/v1/studio/assessments/${fixture.open.chile}/verdicts/B2`, {
      verdict: 'agree',
    });
    expect(draftVerdict.statusCode).toBe(409);
    const agreed = (
      await reviewer.request('PUT', `/api/v1/studio/assessments/${nor}/verdicts/B2`, { verdict: 'agree' })
    ).json();
    expect(agreed.verdicts).toEqual([
      expect.objectContaining({
        code: 'B2',
        verdict: 'agree',
        user: expect.objectContaining({ id: fixture.users.reviewer.id }),
      }),
    ]);
    await reviewer.request('PUT', `/api/v1/studio/assessments/${nor}/verdicts/B2`, { verdict: null });
    expect((await editor.request('GET', `/api/v1/studio/assessments/${nor}/verdicts`)).json().verdicts).toEqual([]);

    const users = (await admin.request('GET', '/api/v1/studio/users')).json().users;
    expect(users.find((u: { id: number }) => u.id === fixture.users.admin.id).lastSignInAt).toMatch(/^\d{4}-/);
    const other = users.find((u: { email: string }) => u.email === 'new@example.org');
    expect((await editor.request('PATCH', `/api/v1/studio/users/${other.id}`, { role: 'reviewer' })).statusCode).toBe(
      403,
    );
    expect(
      (await admin.request('PATCH', `/api/v1/studio/users/${fixture.users.admin.id}`, { active: false })).statusCode,
    ).toBe(403);
    expect((await admin.request('PATCH', `/api/v1/studio/users/${other.id}`, {})).statusCode).toBe(400);
    const changed = (
      await admin.request('PATCH', `/api/v1/studio/users/${other.id}`, { role: 'reviewer', active: false })
    ).json();
    expect(changed).toMatchObject({ role: 'reviewer', active: false });
    const reset = (await admin.request('POST', `/api/v1/studio/users/${other.id}/password-reset`)).json();
    expect(reset.user.mustChangePassword).toBe(true);
    expect(reset.password.length).toBeGreaterThanOrEqual(12);
    expect((await admin.request('PATCH', `/api/v1/studio/users/99999`, { active: true })).statusCode).toBe(404);
  });

  it('publishes an edition only when every assessment is approved or withheld, then opens the next one', async () => {
    const { app, fixture } = get();
    const editor = await get().login('editor');
    const reviewer = await get().login('reviewer');
    const notReady = await editor.request('POST', `/api/v1/studio/editions/${OPEN_EDITION}/publish`, { reason: 'go' });
    expect(notReady.statusCode).toBe(409);
    expect(notReady.json().error.details.blocking.length).toBeGreaterThan(0);
    // Approve Norway (submitted); withhold the rest except Tibet (approved) and Kazakhstan (approved above).
    const nor = fixture.open.norway!;
    const etag = (await reviewer.request('GET', `/api/v1/studio/assessments/${nor}`)).headers.etag as string;
    await reviewer.request(
      'POST',
      `/api/v1/studio/assessments/${nor}/workflow`,
      { action: 'approve', reason: 'ok' },
      { 'if-match': etag },
    );
    const list = (await editor.request('GET', `/api/v1/studio/editions/${OPEN_EDITION}/assessments`)).json()
      .assessments;
    const withhold = list
      .filter((a: { state: string }) => a.state !== 'approved')
      .map((a: { entity: { id: string } }) => a.entity.id);
    expect(withhold).toContain('bougainville');
    const before = await app.inject({ method: 'GET', url: `/api/v1/editions/${OPEN_EDITION}/ratings` });
    expect(before.statusCode).toBe(404);
    const pub = await editor.request('POST', `/api/v1/studio/editions/${OPEN_EDITION}/publish`, {
      reason: 'go',
      withhold,
    });
    expect(pub.statusCode).toBe(200);
    expect(pub.json().checksum).toMatch(/^[0-9a-f]{64}$/);
    const after = await app.inject({ method: 'GET', url: `/api/v1/editions/${OPEN_EDITION}/ratings` });
    expect(after.statusCode).toBe(200);
    const ids = after.json().rows.map((r: { entity: { id: string } }) => r.entity.id);
    expect(ids).toContain('norway');
    expect(ids).not.toContain('bougainville');
    expect(after.json().edition.releaseChecksum).toBe(pub.json().checksum);
    const release = await app.inject({ method: 'GET', url: `/api/v1/editions/${OPEN_EDITION}/export?format=json` });
    expect(release.headers['x-release-checksum']).toBe(pub.json().checksum);
    expect(createHash('sha256').update(release.rawPayload).digest('hex')).toBe(pub.json().checksum);
    expect(release.body).not.toContain('Bougainville');
    const again = await editor.request('POST', `/api/v1/studio/editions/${OPEN_EDITION}/publish`, { reason: 'go' });
    expect(again.statusCode).toBe(409);

    const opened = await editor.request('POST', '/api/v1/studio/editions', { edition: OPEN_EDITION + 1 });
    expect(opened.statusCode).toBe(201);
    expect(opened.json()).toMatchObject({
      copiedFrom: OPEN_EDITION,
      assessments: 5,
      edition: { state: 'open', assessments: { draft: 5 } },
    });
    const drafts = (await editor.request('GET', `/api/v1/studio/editions/${OPEN_EDITION + 1}/assessments`)).json()
      .assessments;
    const kaz = drafts.find((a: { entity: { id: string } }) => a.entity.id === 'kazakhstan');
    const copy = (await editor.request('GET', `/api/v1/studio/assessments/${kaz.id}`)).json();
    expect(copy.scores.B1).toBe(2);
    expect(copy.narratives).toContainEqual({ section: 'indicator', code: 'B1', body: 'Two parties registered.' });
    expect(copy.previous.edition).toBe(OPEN_EDITION);
  });
});
