import { expect, it } from 'vitest';
import { describeOnBothDialects, type Session } from './harness.js';

/**
 * What an attack run found at the edge: writes that name no version, ids in
 * loose spellings, NUL characters and lone surrogates in texts, and a 400
 * that named only one problem. Each must be refused with a 400/428 in the
 * API's error shape and change nothing, on both databases.
 */

const patch = (s: Session, id: number, ifMatch: string, body: unknown) =>
  s.request('PATCH', `/api/v1/studio/assessments/${id}`, body, { 'if-match': ifMatch });

async function versionOf(s: Session, id: number): Promise<number> {
  return (await s.request('GET', `/api/v1/studio/assessments/${id}`)).json().version;
}

describeOnBothDialects('request hardening', (get) => {
  it('refuses If-Match: * — of 50 parallel writes none overwrites', async () => {
    const editor = await get().login('editor');
    const id = get().fixture.open.bougainville!;
    const before = await versionOf(editor, id);
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => patch(editor, id, '*', { reason: `writer ${i}`, scores: { C2: i % 5 } })),
    );
    expect(new Set(results.map((r) => r.statusCode))).toEqual(new Set([428]));
    expect(results[0]!.json().error.code).toBe('if-match-required');
    expect(results[0]!.json().error.message).toMatch(/names no version/);
    const listed = await patch(editor, id, `"${id}-${before}", *`, { reason: 'x', scores: { C2: 1 } });
    expect(listed.statusCode).toBe(428);
    expect(await versionOf(editor, id)).toBe(before);
  });

  it('accepts ids only in canonical digits', async () => {
    const { app, fixture } = get();
    const editor = await get().login('editor');
    const id = fixture.open.norway!;
    expect((await editor.request('GET', `/api/v1/studio/assessments/${id}`)).statusCode).toBe(200);
    const spellings = [`0x${id.toString(16)}`, `${id}e0`, `%20${id}`, `0${id}`, `${id}.0`, `+${id}`, '99999999999'];
    for (const spelling of spellings) {
      const r = await editor.request('GET', `/api/v1/studio/assessments/${spelling}`);
      expect(r.statusCode, spelling).toBe(400);
      expect(r.json().error.code).toBe('invalid-request');
      expect(r.json().error.details.problems[0]).toMatchObject({ location: 'params', path: 'id' });
    }
    for (const edition of ['0x7e8', '2.024e3', '02024', ' 2024']) {
      const r = await app.inject({ method: 'GET', url: `/api/v1/editions/${encodeURIComponent(edition)}/ratings` });
      expect(r.statusCode, edition).toBe(400);
    }
    expect((await app.inject({ method: 'GET', url: '/api/v1/editions/2024/ratings' })).statusCode).toBe(200);
    const diff = await editor.request('GET', `/api/v1/studio/assessments/${id}/diff?from=1e0`);
    expect(diff.statusCode).toBe(400);
    expect((await editor.request('POST', '/api/v1/studio/comments/0x1/resolve')).statusCode).toBe(400);
  });

  it('refuses NUL and lone surrogates in every text with 400, and stores nothing', async () => {
    const { app, fixture } = get();
    const nulInPath = await app.inject({ method: 'GET', url: '/api/v1/entities/kaz%00akhstan/history' });
    expect(nulInPath.statusCode).toBe(400);
    expect(nulInPath.json().error.details.problems[0]).toMatchObject({ location: 'params', path: 'entity' });
    const nulInQuery = await app.inject({ method: 'GET', url: '/api/v1/entities?q=a%00b' });
    expect(nulInQuery.statusCode).toBe(400);
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'editor@example.org\u0000', password: 'x' },
    });
    expect(login.statusCode).toBe(400);
    expect(login.json().error.details.problems).toEqual([
      { location: 'body', path: 'email', message: 'the text contains a NUL character' },
    ]);

    const analyst = await get().login('analyst');
    const id = fixture.open.kazakhstan!;
    const before = await versionOf(analyst, id);
    const comments = async () =>
      (await analyst.request('GET', `/api/v1/studio/assessments/${id}/comments`)).json().comments.length;
    const commentsBefore = await comments();
    for (const text of ['a\u0000b', 'lone \ud800 high', 'lone \udfff low']) {
      const comment = await analyst.request('POST', `/api/v1/studio/assessments/${id}/comments`, { body: text });
      expect(comment.statusCode, JSON.stringify(text)).toBe(400);
      const edit = await patch(analyst, id, `"${id}-${before}"`, {
        reason: `reason ${text}`,
        narratives: [{ section: 'overview', code: '', body: text }],
      });
      expect(edit.statusCode).toBe(400);
      expect(edit.json().error.details.problems.map((p: { path: string }) => p.path)).toEqual([
        'reason',
        'narratives.0.body',
      ]);
    }
    // A pair of surrogates is one character (an emoji) and is text.
    const emoji = await analyst.request('POST', `/api/v1/studio/assessments/${id}/comments`, {
      body: 'ok \ud83d\ude00',
    });
    expect(emoji.statusCode).toBe(201);
    expect(await comments()).toBe(commentsBefore + 1);
    expect(await versionOf(analyst, id)).toBe(before);
  });

  it('lists every problem of a body in one 400 (Z9 and D1: 5)', async () => {
    const analyst = await get().login('analyst');
    const id = get().fixture.open.kazakhstan!;
    const before = await versionOf(analyst, id);
    const r = await patch(analyst, id, `"${id}-${before}"`, { reason: 'x', scores: { Z9: 1, D1: 5, A2: 1 } });
    expect(r.statusCode).toBe(400);
    const problems = r.json().error.details.problems as { location: string; path: string; message: string }[];
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ location: 'body', path: 'scores', message: expect.stringContaining('Z9') }),
        expect.objectContaining({ location: 'body', path: 'scores.D1' }),
      ]),
    );
    expect(problems).toHaveLength(2);
    expect(r.json().error.message).toMatch(/Z9.*scores\.D1|scores\.D1.*Z9/);
    expect(await versionOf(analyst, id)).toBe(before);
  });
});
