import { expect, it } from 'vitest';
import { OPEN_EDITION } from './fixture.js';
import { describeOnBothDialects, type Session } from './harness.js';

/**
 * Blind review, enforced in the API's answers: with an edition's blind review
 * on, no answer to a reviewer carries the analyst's name or id, no answer to
 * an analyst carries the reviewer's, and editors and admins see both. The
 * fixture's users are named after their role ("analyst", "reviewer"), so a
 * name is absent when that word is absent from the whole body.
 */
describeOnBothDialects('blind review', (get) => {
  const base = `/api/v1/studio/editions/${OPEN_EDITION}`;

  /** Every studio answer that names people in one assessment, as one session reads them. */
  async function everythingAbout(s: Session, id: number) {
    const paths = {
      assessment: `/api/v1/studio/assessments/${id}`,
      comments: `/api/v1/studio/assessments/${id}/comments`,
      verdicts: `/api/v1/studio/assessments/${id}/verdicts`,
      revisions: `/api/v1/studio/assessments/${id}/revisions`,
      list: `${base}/assessments`,
      board: `${base}/board`,
      mine: '/api/v1/studio/assignments',
    };
    const out = {} as Record<keyof typeof paths, string>;
    for (const [name, path] of Object.entries(paths) as [keyof typeof paths, string][]) {
      const r = await s.request('GET', path);
      expect(r.statusCode, `${name}: ${r.body}`).toBe(200);
      out[name] = r.body;
    }
    return out;
  }

  it('hides analysts and reviewers from each other, in every answer, and shows editors both', async () => {
    const { fixture } = get();
    const editor = await get().login('editor');
    const analyst = await get().login('analyst');
    const reviewer = await get().login('reviewer');
    const id = fixture.open.kazakhstan!;
    const analystId = fixture.users.analyst.id;
    const reviewerId = fixture.users.reviewer.id;

    // The cycle, with every kind of trace: assignment, an analyst's save and submit and comment,
    // a reviewer's comment, verdict and return.
    await editor.request('PUT', `/api/v1/studio/assessments/${id}/assignees`, {
      assignees: [{ userId: analystId }, { userId: reviewerId }],
    });
    const read = await analyst.request('GET', `/api/v1/studio/assessments/${id}`);
    const saved = await analyst.request(
      'PATCH',
      `/api/v1/studio/assessments/${id}`,
      { reason: 'evidence', scores: { B1: 3 } },
      { 'if-match': read.headers.etag as string },
    );
    await analyst.request('POST', `/api/v1/studio/assessments/${id}/comments`, { code: 'B1', body: 'Sources added.' });
    await analyst.request(
      'POST',
      `/api/v1/studio/assessments/${id}/workflow`,
      { action: 'submit', reason: 'done' },
      { 'if-match': saved.headers.etag as string },
    );
    await reviewer.request('PUT', `/api/v1/studio/assessments/${id}/verdicts/B1`, { verdict: 'disagree' });
    const rc = await reviewer.request('POST', `/api/v1/studio/assessments/${id}/comments`, {
      code: 'B1',
      body: 'Cite the court ruling.',
    });
    const submitted = await reviewer.request('GET', `/api/v1/studio/assessments/${id}`);

    // Before blind review: everyone sees both names.
    const open = await everythingAbout(analyst, id);
    expect(open.comments).toContain('"name":"reviewer"');
    expect(open.verdicts).toContain('"name":"reviewer"');

    const off = await editor.request('PATCH', base, { blindReview: true });
    expect(off.statusCode).toBe(200);
    expect(off.json().blindReview).toBe(true);
    await reviewer.request(
      'POST',
      `/api/v1/studio/assessments/${id}/workflow`,
      { action: 'return', reason: 'see B1' },
      { 'if-match': submitted.headers.etag as string },
    );

    const toReviewer = await everythingAbout(reviewer, id);
    for (const [name, body] of Object.entries(toReviewer)) {
      expect(body, `reviewer's ${name}`).not.toMatch(/"name":"analyst"/);
      expect(body, `reviewer's ${name}`).not.toContain(`"id":${analystId},"name"`);
    }
    expect(toReviewer.assessment).toContain('"name":"Anonymous analyst"');
    expect(JSON.parse(toReviewer.comments).comments).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ body: 'Sources added.', user: { id: null, name: 'Anonymous analyst' } }),
        expect.objectContaining({ body: 'Cite the court ruling.', user: { id: reviewerId, name: 'reviewer' } }),
      ]),
    );
    const reviewerRevisions = JSON.parse(toReviewer.revisions).revisions as { field: string; user: unknown }[];
    expect(reviewerRevisions.find((r) => r.field === 'score:B1')!.user).toEqual({
      id: null,
      name: 'Anonymous analyst',
    });

    const toAnalyst = await everythingAbout(analyst, id);
    for (const [name, body] of Object.entries(toAnalyst)) {
      expect(body, `analyst's ${name}`).not.toMatch(/"name":"reviewer"/);
      expect(body, `analyst's ${name}`).not.toContain(`"id":${reviewerId},"name"`);
    }
    expect(JSON.parse(toAnalyst.verdicts).verdicts[0].user).toEqual({ id: null, name: 'Anonymous reviewer' });
    // The reviewer returned it last: the assessment's last change does not say who.
    expect(JSON.parse(toAnalyst.assessment).updatedBy).toEqual({ id: null, name: 'Anonymous reviewer' });
    expect(JSON.parse(toAnalyst.assessment).assignees).toContainEqual({ id: analystId, name: 'analyst' });
    // A comment resolved by the analyst comes back without its reviewer's name.
    const resolved = await analyst.request('POST', `/api/v1/studio/comments/${rc.json().id}/resolve`);
    expect(resolved.json().user).toEqual({ id: null, name: 'Anonymous reviewer' });

    // Editors and admins see everyone.
    for (const who of [editor, await get().login('admin')]) {
      const all = await everythingAbout(who, id);
      expect(all.assessment).toContain('"name":"analyst"');
      expect(all.assessment).toContain('"name":"reviewer"');
      expect(all.comments).toContain('"name":"analyst"');
      expect(all.comments).toContain('"name":"reviewer"');
      expect(all.verdicts).toContain('"name":"reviewer"');
      expect(all.revisions).toContain('"name":"analyst"');
      expect(all.board).toContain('"name":"analyst"');
      expect(all.board).toContain('"name":"reviewer"');
      expect(all.assessment).not.toContain('Anonymous');
    }

    // Off again: names are back.
    await editor.request('PATCH', base, { blindReview: false });
    expect((await analyst.request('GET', `/api/v1/studio/assessments/${id}/verdicts`)).body).toContain(
      '"name":"reviewer"',
    );
  });

  it('only editors switch it, and a missing edition or a bad body is refused', async () => {
    const analyst = await get().login('analyst');
    const reviewer = await get().login('reviewer');
    const editor = await get().login('editor');
    expect((await analyst.request('PATCH', base, { blindReview: true })).statusCode).toBe(403);
    expect((await reviewer.request('PATCH', base, { blindReview: true })).statusCode).toBe(403);
    expect((await editor.request('PATCH', '/api/v1/studio/editions/2099', { blindReview: true })).statusCode).toBe(404);
    const bad = await editor.request('PATCH', base, { blindReview: 'yes' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('invalid-request');
    const editions = (await editor.request('GET', '/api/v1/studio/editions')).json().editions;
    expect(editions.find((e: { edition: number }) => e.edition === OPEN_EDITION).blindReview).toBe(false);
  });
});
