import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { INDICATOR_CODES } from '@freedom-ratings/core';
import { connect } from '@freedom-ratings/db';
import { buildServer } from '../../packages/server/src/build-server.js';
import { fiw } from '../../test-support/cli.js';
import { REPO_ROOT } from '../../test-support/shared.js';
import { describeDialects } from './dialect-harness.js';

const out = mkdtempSync(join(tmpdir(), 'fiw-methodology-import-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));
const civicPath = join(REPO_ROOT, 'examples', 'methodologies', 'civic-index.json');

/** Writes our JSON for one assessment and returns its path. */
function ourJson(name: string, assessment: object): string {
  const path = join(out, name);
  writeFileSync(path, JSON.stringify([assessment]));
  return path;
}

/** GET on the public API of the database at `target`. */
async function publicGet(target: string, url: string) {
  const conn = connect(target);
  const app = await buildServer({ conn });
  try {
    return await app.inject({ method: 'GET', url });
  } finally {
    await app.close();
    await conn.close();
  }
}

/** The edition rows' methodology, as stored. */
async function editionMethodology(target: string, edition: number) {
  const conn = connect(target);
  try {
    return await conn.db
      .selectFrom('editions')
      .select(['methodology', 'methodology_version', 'label', 'period_start'])
      .where('edition', '=', edition)
      .executeTakeFirst();
  } finally {
    await conn.close();
  }
}

it('fiw score --methodology scores a custom methodology’s assessment with scoreIndex, in its own codes', () => {
  const file = ourJson('civic-score.json', civicAssessment());
  const csv = fiw(['score', file, '--methodology', civicPath]);
  expect([csv.code, csv.stderr]).toEqual([0, '']);
  expect(csv.stdout).toBe(
    'Entity,Edition,VOTE,VOTE rating,SPEAK,SPEAK rating,LAW,LAW rating,WORK,WORK rating,LIFE,LIFE rating,Total,Mean rating,Status\n' +
      'Norway,2030,33,1,24,3,29,2,16,4,7,5,109,3,PF\n',
  );
  const json = JSON.parse(fiw(['score', file, '--methodology', civicPath, '--format', 'json']).stdout);
  expect(json[0]).toMatchObject({ total: 109, status: 'PF', electoralDemocracy: true });
  expect(json[0].categories[1]).toEqual({ code: 'SPEAK', score: 24, max: 40, rating: 3 });
  // Without the file, 2030 is no built-in edition; with it, an edition it does not list is refused.
  expect(fiw(['score', file]).stderr).toContain('unknown edition 2030');
  const other = ourJson('civic-2031.json', { ...civicAssessment(), edition: 2031 });
  const refused = fiw(['score', other, '--methodology', civicPath]);
  expect([refused.code, refused.stderr]).toEqual([
    2,
    "fiw: civic-2031.json, line 1: edition 2031 is not one of civic-index's editions (2030)\n",
  ]);
  const bad = ourJson('civic-bad-score.json', { ...civicAssessment(), discretionary: { emergency: 7 } });
  expect(fiw(['score', bad, '--methodology', civicPath]).stderr).toContain(
    'discretionary.emergency: Emergency rule must be a whole number 0–6, got 7',
  );
});

describeDialects('fiw import into an edition only a loaded methodology covers', (h) => {
  it('imports FIW 2027 after `methodology new 2027 --from 2026`, stored with fiw-2027 version 1 and served', async () => {
    const db = await h.fresh();
    const indicators = Object.fromEntries(INDICATOR_CODES.map((c) => [c, 3]));
    const file = ourJson(`norway-2027-${h.dialect}.json`, { entity: 'Norway', edition: 2027, indicators });

    const refused = fiw(['import', file, '--db', db]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(
      'edition 2027 has no methodology: load one that lists it (fiw methodology load FILE) or make one (fiw methodology new 2027 --from 2026)',
    );
    const before = await h.snapshot(db);
    expect(fiw(['methodology', 'new', '2027', '--from', '2026', '--db', db]).code).toBe(0);
    const imported = fiw(['import', file, '--db', db]);
    expect([imported.code, imported.stderr]).toEqual([0, '']);
    expect(await h.snapshot(db)).not.toBe(before);
    expect(await editionMethodology(db, 2027)).toEqual({
      methodology: 'fiw-2027',
      methodology_version: 1,
      label: '2027',
      period_start: '2026-01-01',
    });
    const ratings = await publicGet(db, '/api/v1/editions/2027/ratings');
    expect(ratings.statusCode).toBe(200);
    // 3 on every indicator: PR 30, CL 45, ratings 2 and 2 by 2026's bands.
    expect(ratings.json().rows).toMatchObject([
      { entity: { id: 'norway' }, figures: { pr: 30, cl: 45, total: 75, prRating: 2, clRating: 2, status: 'F' } },
    ]);
    // The rendered report uses the loaded rules too, in the latest era's layout.
    const text = await publicGet(db, '/api/v1/entities/norway/reports/2027?format=text');
    expect(text.statusCode).toBe(200);
    expect(text.body).toMatch(/^Freedom in the World 2027 - Norway\n/);
    expect(text.body).toContain('PR Political Rights 30 / 40\nCL Civil Liberties 45 / 60');
  });

  it('refuses an edition no methodology covers, storing nothing', async () => {
    const db = await h.fresh();
    const file = ourJson(`norway-2031-${h.dialect}.json`, {
      entity: 'Norway',
      edition: 2031,
      indicators: Object.fromEntries(INDICATOR_CODES.map((c) => [c, 3])),
    });
    expect(fiw(['methodology', 'load', civicPath, '--db', db]).code).toBe(0); // lists 2030 only
    const before = await h.snapshot(db);
    const refused = fiw(['import', file, '--db', db]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`norway-2031-${h.dialect}.json, line 1: edition 2031 has no methodology`);
    expect(await h.snapshot(db)).toBe(before);
  });

  it('imports an assessment of an edition of a custom methodology in its own codes, stored with its id and version', async () => {
    const db = await h.fresh();
    expect(fiw(['methodology', 'load', civicPath, '--db', db]).code).toBe(0);
    const file = ourJson(`civic-${h.dialect}.json`, civicAssessment());
    const imported = fiw(['import', file, '--db', db]);
    expect([imported.code, imported.stderr]).toEqual([0, '']);
    expect(await editionMethodology(db, 2030)).toMatchObject({ methodology: 'civic-index', methodology_version: 1 });
    // A re-import of the same file changes nothing: the answers are stored under their own codes.
    const again = fiw(['import', file, '--db', db]);
    expect([again.code, again.stdout]).toEqual([0, expect.stringContaining('nothing changed')]);
    // Scores of another index are checked against its own codes and scales.
    const bad = ourJson(`civic-bad-${h.dialect}.json`, {
      ...civicAssessment(),
      indicators: { ...civicAssessment().indicators, 'V1.1': 11, A1: 2 },
    });
    const before = await h.snapshot(db);
    const refused = fiw(['import', bad, '--db', db]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('indicators.V1.1: V1.1 must be a whole number 0–10, got 11');
    expect(refused.stderr).toContain('indicators.A1: A1 is not in the methodology');
    expect(await h.snapshot(db)).toBe(before);
  });

  it('serves a custom methodology’s figures from scoreIndex: categories, scores of maxima, ratings, total, status', async () => {
    const db = await h.fresh();
    expect(fiw(['methodology', 'load', civicPath, '--db', db]).code).toBe(0);
    expect(fiw(['import', ourJson(`civic-api-${h.dialect}.json`, civicAssessment()), '--db', db]).code).toBe(0);
    const categories = [
      ['VOTE', 'Elections', 33, 1],
      ['SPEAK', 'Speech and press', 24, 3],
      ['LAW', 'Law and justice', 29, 2],
      ['WORK', 'Work and property', 16, 4],
      ['LIFE', 'Private life', 7, 5],
    ].map(([code, name, score, rating]) => ({ code, name, score, max: 40, rating }));
    // Total 109 of 200: Partly Free from 80, Free from 140; mean rating 3.0.
    const expected = {
      granularity: 'indicators',
      status: 'PF',
      total: 109,
      freedomRating: 3,
      pr: null,
      cl: null,
      prRating: null,
      clRating: null,
      subcategories: null,
      electoralDemocracy: true,
      categories: categories.map((c) => expect.objectContaining(c)),
    };

    const ratings = await publicGet(db, '/api/v1/editions/2030/ratings');
    expect(ratings.statusCode).toBe(200);
    expect(ratings.json().rows).toMatchObject([{ entity: { id: 'norway' }, figures: expected, change: null }]);
    const vote = ratings.json().rows[0].figures.categories[0];
    expect(vote.subcategories).toEqual([
      { code: 'V1', name: 'Electoral integrity', score: 17, max: 20, indicators: [] },
      { code: 'V2', name: 'Participation', score: 16, max: 20, indicators: [] },
    ]);
    const detailed = await publicGet(db, '/api/v1/editions/2030/ratings?include=indicators');
    expect(detailed.json().rows[0].figures.categories[0].subcategories[0].indicators).toEqual([
      { code: 'V1.1', name: 'Electoral integrity in law', score: 9, max: 10 },
      { code: 'V1.2', name: 'Electoral integrity in practice', score: 8, max: 10 },
    ]);

    const report = await publicGet(db, '/api/v1/entities/norway/reports/2030');
    expect(report.statusCode).toBe(200);
    expect(report.json().figures).toMatchObject(expected);
    expect(report.json().explanation).toMatchObject({
      pr: null,
      cl: null,
      status: 'Partly Free (total 109 of 200; Free from 140, Partly Free from 80)',
      categories: expect.arrayContaining([
        'Elections (VOTE) 33 of 40 → rating 1 (33–40); best rating, 1 point from rating 2',
        'Private life (LIFE) 7 of 40 → rating 5 (≤ 8); 2 points from rating 4, worst rating',
      ]),
    });
    const history = await publicGet(db, '/api/v1/entities/norway/history');
    expect(history.json().history).toMatchObject([{ edition: { edition: 2030 }, figures: { total: 109 } }]);
    // Rendered in its own categories, in every format.
    const text = await publicGet(db, '/api/v1/entities/norway/reports/2030?format=text');
    expect(text.statusCode).toBe(200);
    // Another organisation's index is its own data, not Freedom House's.
    expect(report.json().source).toBe('Source: Freedom Ratings.');
    expect(text.body).toMatch(/\nSource: Freedom Ratings\.\n$/);
    expect(text.body).toContain('Status: Partly Free\nTotal score: 109 / 200\nElections: 33 / 40, rating 1');
    expect(text.body).toContain(
      'Elections: 33 / 40\n\nV1. Electoral integrity: 17 / 20\n\nV1.1 Electoral integrity in law: 9 / 10',
    );
    const markdown = await publicGet(db, '/api/v1/entities/norway/reports/2030?format=markdown');
    expect(markdown.body).toContain('| Total score | 109 / 200 |');
    const html = await publicGet(db, '/api/v1/entities/norway/reports/2030?format=html');
    expect(html.statusCode).toBe(200);
    expect(html.body).toContain('<h2 id="VOTE">Elections: 33 / 40</h2>');

    // Our JSON export carries its codes and answers, and imports into another database as it was.
    const exported = fiw(['export', '--format', 'json', '--edition', '2030', '--db', db]);
    expect(exported.code).toBe(0);
    expect(JSON.parse(exported.stdout)[0]).toMatchObject({
      indicators: civicAssessment().indicators,
      discretionary: { emergency: 3, ombudsman: 2 },
    });
    const other = await h.fresh();
    expect(fiw(['methodology', 'load', civicPath, '--db', other]).code).toBe(0);
    const back = join(out, `civic-export-${h.dialect}.json`);
    writeFileSync(back, exported.stdout);
    expect(fiw(['import', back, '--db', other]).code).toBe(0);
    expect((await publicGet(other, '/api/v1/entities/norway/reports/2030')).json().figures).toMatchObject(expected);
  });
});

/**
 * Norway in the example civic index (`examples/methodologies/civic-index.json`): 20 indicators scored 0–10.
 * VOTE 33 → rating 1; SPEAK 22 + ombudsman 2 = 24 → 3; LAW 32 − emergency 3 = 29 → 2; WORK 16 → 4; LIFE 7 → 5.
 */
function civicAssessment() {
  return JSON.parse(readFileSync(join(REPO_ROOT, 'test', 'fixtures', 'civic-index-norway-2030.json'), 'utf8'))[0];
}
