import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { readMethodology } from '@freedom-ratings/contract';
import { REPO_ROOT } from '../../test-support/shared.js';
import { OPEN_EDITION } from './fixture.js';
import { describeOnBothDialects, type Session } from './harness.js';

const civic = JSON.parse(readFileSync(join(REPO_ROOT, 'examples', 'methodologies', 'civic-index.json'), 'utf8'));
const copy = <T>(x: T): T => JSON.parse(JSON.stringify(x));

/** One workflow move with the If-Match the assessment has now. */
async function move(s: Session, id: number, action: string) {
  const etag = (await s.request('GET', `/api/v1/studio/assessments/${id}`)).headers.etag as string;
  return s.request(
    'POST',
    `/api/v1/studio/assessments/${id}/workflow`,
    { action, reason: action },
    { 'if-match': etag },
  );
}

describeOnBothDialects('methodologies in the studio API', (get) => {
  it('opens FIW 2027 from 2026’s rules and runs a cycle on it; the published version never changes', async () => {
    const { app, fixture } = get();
    const editor = await get().login('editor');
    const analyst = await get().login('analyst');
    const reviewer = await get().login('reviewer');

    const refused = await editor.request('POST', '/api/v1/studio/editions', { edition: 2027 });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error).toMatchObject({
      code: 'unknown-edition',
      message: expect.stringMatching(/no methodology/),
    });

    const made = await editor.request('POST', '/api/v1/studio/methodologies/copies', { edition: 2027, from: 2026 });
    expect(made.statusCode).toBe(201);
    expect(made.json()).toMatchObject({ id: 'fiw-2027', version: 1, outcome: 'created' });
    const file = (await editor.request('GET', '/api/v1/studio/methodologies/fiw-2027/versions/1')).json();
    expect(readMethodology(file).problems).toEqual([]);
    expect([file.name, file.editions]).toEqual(['Freedom in the World 2027', [2027]]);

    const opened = await editor.request('POST', '/api/v1/studio/editions', { edition: 2027 });
    expect(opened.statusCode).toBe(201);
    expect(opened.json()).toMatchObject({
      copiedFrom: OPEN_EDITION,
      assessments: 5,
      edition: { edition: 2027, label: '2027', periodStart: '2026-01-01', methodology: 'fiw-2027' },
    });
    const list = (await editor.request('GET', '/api/v1/studio/editions/2027/assessments')).json().assessments;
    const id = list.find((a: { entity: { id: string } }) => a.entity.id === 'kazakhstan').id as number;
    await editor.request('PUT', `/api/v1/studio/assessments/${id}/assignees`, {
      assignees: [{ userId: fixture.users.analyst.id }],
    });
    const read = await analyst.request('GET', `/api/v1/studio/assessments/${id}`);
    // Scored with fiw-2027: no built-in methodology covers 2027.
    expect(read.json().figures).toMatchObject({ granularity: 'indicators' });
    // The browser scores the draft with the same file: it comes with the assessment (null for built-in ones).
    expect(read.json().methodology).toEqual(file);
    const builtIn2025 = await analyst.request('GET', `/api/v1/studio/assessments/${fixture.open.kazakhstan}`);
    expect(builtIn2025.json().methodology).toBeNull();
    const saved = await analyst.request(
      'PATCH',
      `/api/v1/studio/assessments/${id}`,
      { reason: 'FIW 2027 evidence', scores: { B1: 3, B2: 3 } },
      { 'if-match': read.headers.etag as string },
    );
    expect(saved.statusCode).toBe(200);
    expect(saved.json().figures.pr).toBe(
      read.json().figures.pr + (3 - read.json().scores.B1) + (3 - read.json().scores.B2),
    );
    expect((await move(analyst, id, 'submit')).json().state).toBe('submitted');
    expect((await move(reviewer, id, 'approve')).json().state).toBe('approved');
    const withhold = list.map((a: { entity: { id: string } }) => a.entity.id).filter((e: string) => e !== 'kazakhstan');
    const published = await editor.request('POST', '/api/v1/studio/editions/2027/publish', {
      reason: 'FIW 2027',
      withhold,
    });
    expect(published.statusCode).toBe(200);
    const ratings = await app.inject({ method: 'GET', url: '/api/v1/editions/2027/ratings' });
    expect(ratings.statusCode).toBe(200);
    expect(
      ratings.json().rows.map((r: { entity: { id: string }; figures: { pr: number } }) => [r.entity.id, r.figures.pr]),
    ).toEqual([['kazakhstan', saved.json().figures.pr]]);

    // fiw-2027 version 1 is now in use by a published edition: a changed file becomes version 2.
    const changed = copy(file);
    changed.categories[0].bands[0].min = 35;
    changed.categories[0].bands[1].max = 34;
    const stored = await editor.request('POST', '/api/v1/studio/methodologies', { methodology: changed });
    expect(stored.statusCode).toBe(201);
    expect(stored.json()).toEqual({
      id: 'fiw-2027',
      version: 2,
      outcome: 'new-version',
      message: 'fiw-2027 version 1 cannot change (published edition 2027 uses it); stored the file as version 2',
    });
    expect((await editor.request('GET', '/api/v1/studio/methodologies/fiw-2027/versions/1')).json()).toEqual(file);
    expect(
      (await editor.request('GET', '/api/v1/studio/methodologies/fiw-2027/versions/2')).json().categories[0].bands[0]
        .min,
    ).toBe(35);
    const again = await editor.request('POST', '/api/v1/studio/methodologies', { methodology: file });
    expect(again.json().outcome).toBe('unchanged');
    // A built-in file never changes either.
    const builtIn = copy(file);
    Object.assign(builtIn, { id: 'fiw-2019', editions: [2019], name: 'Freedom in the World 2019 (edited)' });
    expect(
      (await editor.request('POST', '/api/v1/studio/methodologies', { methodology: builtIn })).json(),
    ).toMatchObject({
      id: 'fiw-2019',
      version: 2,
      outcome: 'new-version',
    });
    const listed = (await editor.request('GET', '/api/v1/studio/methodologies')).json().methodologies;
    expect(listed.find((m: { id: string; version: number }) => m.id === 'fiw-2027' && m.version === 1)).toMatchObject({
      builtIn: false,
      usedBy: [{ edition: 2027, state: 'published' }],
    });
    expect(listed.find((m: { id: string }) => m.id === 'fiw-2019')).toMatchObject({ builtIn: true, version: 1 });
  });

  it('scores an assessment with a methodology unlike FIW in every dimension', async () => {
    const editor = await get().login('editor');
    const loaded = await editor.request('POST', '/api/v1/studio/methodologies', { methodology: civic });
    expect(loaded.statusCode).toBe(201);
    expect(loaded.json()).toMatchObject({ id: 'civic-index', version: 1, outcome: 'created' });
    const codes = civic.categories.flatMap((c: { subcategories: { indicators: { code: string }[] }[] }) =>
      c.subcategories.flatMap((s) => s.indicators.map((i) => i.code)),
    ) as string[];
    const indicators = { ...Object.fromEntries(codes.map((c) => [c, 7])), 'L1.1': 2, 'L1.2': 3, 'L2.1': 4, 'L2.2': 5 };
    const scored = await editor.request('POST', '/api/v1/studio/methodologies/civic-index/versions/1/scores', {
      indicators,
      discretionary: { emergency: 4, ombudsman: 2 },
    });
    expect(scored.statusCode).toBe(200);
    expect(scored.json()).toMatchObject({
      methodology: { id: 'civic-index', version: 1 },
      categories: [
        { code: 'VOTE', score: 28, rating: 2 },
        { code: 'SPEAK', score: 30, rating: 2 },
        { code: 'LAW', score: 10, rating: 4 },
        { code: 'WORK', score: 28, rating: 2 },
        { code: 'LIFE', score: 28, rating: 2 },
      ],
      total: 124,
      status: 'PF',
      statusBasis: 'rule',
      electoralDemocracy: false,
    });
    const bad = await editor.request('POST', '/api/v1/studio/methodologies/civic-index/versions/1/scores', {
      indicators: { ...indicators, 'V1.1': 11 },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.details.problems).toEqual([
      { path: 'indicators.V1.1', message: 'V1.1 must be a whole number 0–10, got 11' },
    ]);
    expect(
      (await editor.request('POST', '/api/v1/studio/methodologies/none/versions/1/scores', { indicators })).statusCode,
    ).toBe(404);
    const analyst = await get().login('analyst');
    expect((await analyst.request('GET', '/api/v1/studio/methodologies')).statusCode).toBe(403);

    // Opening its edition copies nothing from the FIW edition before: those scores are in other codes.
    const opened = await editor.request('POST', '/api/v1/studio/editions', { edition: 2030 });
    expect(opened.statusCode).toBe(201);
    expect(opened.json()).toMatchObject({
      copiedFrom: null,
      assessments: 0,
      edition: { edition: 2030, methodology: 'civic-index' },
    });
  });

  it('refuses a bad file with its problem at its JSON path and stores nothing', async () => {
    const editor = await get().login('editor');
    const before = (await editor.request('GET', '/api/v1/studio/methodologies')).json();
    const broken: [string, (m: typeof civic) => void, string, string][] = [
      ['band gap', (m) => (m.categories[0].bands[1].max = 30), '$.categories[0].bands[1].max', 'band-gap'],
      ['overlap', (m) => (m.categories[1].bands[2].max = 26), '$.categories[1].bands[2].max', 'band-overlap'],
      [
        'missing indicator',
        (m) => (m.categories[2].subcategories[0].indicators = []),
        '$.categories[2].subcategories[0].indicators',
        'missing-indicator',
      ],
      [
        'maximum',
        (m) => (m.categories[3].subcategories[1].max = 21),
        '$.categories[3].subcategories[1].max',
        'maximum-mismatch',
      ],
      ['unknown rule', (m) => (m.trendArrow.kind = 'sometimes'), '$.trendArrow.kind', 'unknown-rule'],
    ];
    for (const [what, breakIt, path, code] of broken) {
      const m = copy({ ...civic, id: `broken-${what.replace(/ /g, '-')}` });
      breakIt(m);
      const r = await editor.request('POST', '/api/v1/studio/methodologies', { methodology: m });
      expect(r.statusCode, what).toBe(422);
      expect(r.json().error.code).toBe('invalid-methodology');
      expect(r.json().error.details.problems[0], what).toMatchObject({ path, code });
      expect(r.json().error.message).toContain(path);
      const checked = (
        await editor.request('POST', '/api/v1/studio/methodologies/validation', { methodology: m })
      ).json();
      expect(checked.valid).toBe(false);
      expect(checked.problems[0]).toMatchObject({ path, code });
    }
    expect((await editor.request('GET', '/api/v1/studio/methodologies')).json()).toEqual(before);
    const fine = (
      await editor.request('POST', '/api/v1/studio/methodologies/validation', { methodology: civic })
    ).json();
    expect(fine).toEqual({ valid: true, problems: [] });
  });
});
