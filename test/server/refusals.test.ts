import { expect, it } from 'vitest';
import { describeOnBothDialects, type Session } from './harness.js';

const MISSING = 999_999;

describeOnBothDialects('who may resolve a comment, and refusals that do not reveal existence', (get) => {
  const comment = async (s: Session, assessment: number, body: string) => {
    const r = await s.request('POST', `/api/v1/studio/assessments/${assessment}/comments`, { code: 'B1', body });
    expect(r.statusCode).toBe(201);
    return r.json().id as number;
  };
  const resolve = (s: Session, id: number) => s.request('POST', `/api/v1/studio/comments/${id}/resolve`);

  it('lets the author, the assignees, reviewers and editors resolve a comment, and no other analyst', async () => {
    const { fixture } = get();
    const reviewer = await get().login('reviewer');
    const analyst = await get().login('analyst');
    const other = await get().login('otherAnalyst');
    const editor = await get().login('editor');
    const admin = await get().login('admin');
    // A reviewer's comment on Kazakhstan, which is assigned to `analyst` only.
    const onKazakhstan = await comment(reviewer, fixture.open.kazakhstan!, 'Source?');
    const refused = await resolve(other, onKazakhstan);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('forbidden');
    expect(
      (await other.request('GET', `/api/v1/studio/assessments/${fixture.open.kazakhstan}/comments`)).json(),
    ).toMatchObject({ comments: [{ id: onKazakhstan, resolvedAt: null }] });
    expect((await resolve(analyst, onKazakhstan)).json().resolvedAt).toEqual(expect.any(String));

    // On Norway nobody is assigned: its author may, a reviewer, an editor and an admin may, analysts may not.
    const byOther = await comment(other, fixture.open.norway!, 'Is D1 right?');
    expect((await resolve(analyst, byOther)).statusCode).toBe(403);
    expect((await resolve(other, byOther)).statusCode).toBe(200);
    for (const s of [reviewer, editor, admin]) {
      const id = await comment(analyst, fixture.open.norway!, 'Check the figures.');
      expect((await resolve(s, id)).statusCode).toBe(200);
    }
    // A comment that does not exist is 404 for every role alike.
    for (const s of [other, reviewer, editor]) {
      const r = await resolve(s, MISSING);
      expect(r.statusCode).toBe(404);
      expect(r.json().error).toMatchObject({ code: 'not-found', message: `No comment ${MISSING}.` });
    }
  });

  it('answers an unassigned analyst and a reviewer submitting alike: 403 where they can see it, 404 where nothing is', async () => {
    const { fixture } = get();
    const other = await get().login('otherAnalyst');
    const reviewer = await get().login('reviewer');
    const id = fixture.open.bougainville!;
    const etag = (await other.request('GET', `/api/v1/studio/assessments/${id}`)).headers.etag as string;
    const submit = (s: Session, target: number) =>
      s.request(
        'POST',
        `/api/v1/studio/assessments/${target}/workflow`,
        { action: 'submit', reason: 'done' },
        { 'if-match': etag },
      );
    const patch = (s: Session, target: number) =>
      s.request(
        'PATCH',
        `/api/v1/studio/assessments/${target}`,
        { reason: 'x', scores: { C1: 2 } },
        { 'if-match': etag },
      );
    for (const attempt of [submit, patch]) {
      const seen = [await attempt(other, id), await attempt(reviewer, id)];
      expect(seen.map((r) => r.statusCode)).toEqual([403, 403]);
      const missing = [await attempt(other, MISSING), await attempt(reviewer, MISSING)];
      expect(missing.map((r) => r.statusCode)).toEqual([404, 404]);
      expect(missing[0]!.json().error).toEqual(missing[1]!.json().error);
    }
    // A verdict (reviewers and editors) on a missing assessment: 404 for an analyst too.
    const verdict = (s: Session, target: number) =>
      s.request('PUT', `/api/v1/studio/assessments/${target}/verdicts/B2`, { verdict: 'agree' });
    expect((await verdict(other, MISSING)).statusCode).toBe(404);
    expect((await verdict(reviewer, MISSING)).statusCode).toBe(404);
    expect((await verdict(other, fixture.open.norway!)).statusCode).toBe(403);
    // Bulk work on a missing edition: 404 whatever the role.
    expect(
      (await reviewer.request('POST', `/api/v1/studio/editions/1999/approvals`, { ids: [id], reason: 'x' })).statusCode,
    ).toBe(404);
  });

  it('hides users from those who may not list them: 404 for them, 403 for an editor who may see but not change', async () => {
    const { fixture } = get();
    const reviewer = await get().login('reviewer');
    const editor = await get().login('editor');
    const existing = fixture.users.analyst.id;
    for (const url of [`/api/v1/studio/users/${existing}`, `/api/v1/studio/users/${MISSING}`]) {
      expect((await reviewer.request('PATCH', url, { active: false })).statusCode).toBe(404);
    }
    const hidden = await reviewer.request('PATCH', `/api/v1/studio/users/${existing}`, { active: false });
    expect(hidden.json().error).toEqual({ code: 'not-found', message: `No user ${existing}.`, details: null });
    expect((await editor.request('PATCH', `/api/v1/studio/users/${existing}`, { active: false })).statusCode).toBe(403);
    expect((await editor.request('PATCH', `/api/v1/studio/users/${MISSING}`, { active: false })).statusCode).toBe(404);
    expect((await reviewer.request('POST', `/api/v1/studio/users/${existing}/password-reset`)).statusCode).toBe(404);
  });
});
