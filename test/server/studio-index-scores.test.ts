import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { importFiles } from '@freedom-ratings/db';
import { REPO_ROOT } from '../../test-support/shared.js';
import { describeOnBothDialects } from './harness.js';

const civic = JSON.parse(readFileSync(join(REPO_ROOT, 'examples', 'methodologies', 'civic-index.json'), 'utf8'));

describeOnBothDialects('the studio API on an assessment of another index', (get) => {
  it('serves a civic-index 2030 draft, saves its scores, refuses bad ones, and publishes what was saved', async () => {
    const editor = await get().login('editor');
    expect((await editor.request('POST', '/api/v1/studio/methodologies', { methodology: civic })).statusCode).toBe(201);
    const bytes = readFileSync(join(REPO_ROOT, 'test', 'fixtures', 'civic-index-norway-2030.json'));
    await importFiles(get().conn, [{ name: 'civic-index-norway-2030.json', bytes }], { asDraft: true });
    const list = (await editor.request('GET', '/api/v1/studio/editions/2030/assessments')).json().assessments;
    const id = list.find((a: { entity: { id: string } }) => a.entity.id === 'norway').id as number;

    const read = await editor.request('GET', `/api/v1/studio/assessments/${id}`);
    expect(read.statusCode).toBe(200);
    const before = read.json();
    expect(before).toMatchObject({ state: 'draft', granularity: 'indicators', methodology: { id: 'civic-index' } });
    expect(before.scores).toMatchObject({ 'V1.1': 9, 'P2.2': 1, emergency: 3, ombudsman: 2 });
    expect(before.figures).toMatchObject({ total: 109, pr: null, cl: null });
    expect(before.figures.categories[0]).toMatchObject({ code: 'VOTE', score: 33 });

    // Every problem at its path, and nothing stored: the version and the scores are as before.
    const bad = await editor.request(
      'PATCH',
      `/api/v1/studio/assessments/${id}`,
      { reason: 'bad', scores: { 'V1.1': 11, 'V9.9': 1, A1: 2, emergency: 7, 'V1.2': 10 } },
      { 'if-match': read.headers.etag as string },
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.problems).toEqual([
      { location: 'body', path: 'scores.V1.1', message: 'V1.1 must be a whole number 0–10, got 11' },
      {
        location: 'body',
        path: 'scores.V9.9',
        message: 'civic-index has no indicator or discretionary question V9.9 (V1.1…P2.2, emergency, ombudsman)',
      },
      {
        location: 'body',
        path: 'scores.A1',
        message: 'civic-index has no indicator or discretionary question A1 (V1.1…P2.2, emergency, ombudsman)',
      },
      { location: 'body', path: 'scores.emergency', message: 'Emergency rule must be a whole number 0–6, got 7' },
    ]);
    const addQ = await editor.request(
      'PATCH',
      `/api/v1/studio/assessments/${id}`,
      { reason: 'bad', addQ: 2 },
      { 'if-match': read.headers.etag as string },
    );
    expect(addQ.statusCode).toBe(400);
    expect(addQ.json().error.details.problems[0]).toMatchObject({ path: 'addQ' });
    const ceiling = await editor.request(
      'PATCH',
      `/api/v1/studio/assessments/${id}`,
      { reason: 'bad', scores: { 'V1.1': 1001 } },
      { 'if-match': read.headers.etag as string },
    );
    expect(ceiling.statusCode).toBe(400);
    expect(ceiling.json().error.details.problems[0]).toMatchObject({ path: 'scores.V1.1' });
    const unchanged = (await editor.request('GET', `/api/v1/studio/assessments/${id}`)).json();
    expect([unchanged.version, unchanged.scores]).toEqual([before.version, before.scores]);

    // VOTE 33 → 35 (V1.1 9 → 10, V1.2 8 → 9), and LAW 29 − 3 → 29 − 1 with emergency 1: the figures follow.
    const saved = await editor.request(
      'PATCH',
      `/api/v1/studio/assessments/${id}`,
      { reason: 'new evidence', scores: { 'V1.1': 10, 'V1.2': 9, emergency: 1 } },
      { 'if-match': read.headers.etag as string },
    );
    expect(saved.statusCode).toBe(200);
    expect(saved.json().version).toBe(before.version + 1);
    expect(saved.json().scores).toMatchObject({ 'V1.1': 10, 'V1.2': 9, emergency: 1 });
    const categories = saved.json().figures.categories.map((c: { code: string; score: number }) => [c.code, c.score]);
    expect(categories.slice(0, 3)).toEqual([
      ['VOTE', 35],
      ['SPEAK', before.figures.categories[1].score],
      ['LAW', before.figures.categories[2].score + 2],
    ]);
    expect(saved.json().figures.total).toBe(113);
    const log = (await editor.request('GET', `/api/v1/studio/assessments/${id}/revisions`)).json().revisions;
    expect(log.filter((r: { reason: string }) => r.reason === 'new evidence')).toHaveLength(3);

    // Through review to publication: the public API serves the figures saved in the studio.
    const reviewer = await get().login('reviewer');
    for (const [who, action] of [
      [editor, 'submit'],
      [reviewer, 'approve'],
    ] as const) {
      const etag = (await who.request('GET', `/api/v1/studio/assessments/${id}`)).headers.etag as string;
      const moved = await who.request(
        'POST',
        `/api/v1/studio/assessments/${id}/workflow`,
        { action, reason: action },
        { 'if-match': etag },
      );
      expect(moved.statusCode, action).toBe(200);
    }
    const published = await editor.request('POST', '/api/v1/studio/editions/2030/publish', { reason: 'civic 2030' });
    expect(published.statusCode).toBe(200);
    const report = await get().app.inject({ method: 'GET', url: '/api/v1/editions/2030/ratings' });
    expect(report.statusCode).toBe(200);
    expect(report.json().rows[0].figures).toMatchObject({ total: 113, pr: null });
  });
});
