import { INDICATOR_CODES } from '@freedom-ratings/core';
import type { StudioAssessment } from './fields.js';

/**
 * A studio assessment as the API sends it, for the studio's unit tests: a
 * 2026 draft with every indicator at `score` and last edition's published
 * figures beside it. With every score at 2 the figures are right (PR 20, CL 30: ratings 4, Partly Free); otherwise they are what a stale server answer would say; the tests check
 * what core recomputes from them.
 */
export function testAssessment(score = 2, previousScore = 2): StudioAssessment {
  const scores = Object.fromEntries(INDICATOR_CODES.map((c) => [c, score]));
  const previousScores = Object.fromEntries(INDICATOR_CODES.map((c) => [c, previousScore]));
  const sub = (n: number, s: number) => n * s;
  const figures = (s: number) => ({
    granularity: 'indicators' as const,
    status: s === 2 ? ('PF' as const) : null,
    prRating: 4,
    clRating: 4,
    freedomRating: 4,
    pr: sub(10, s),
    cl: sub(15, s),
    total: sub(25, s),
    subcategories: { A: 3 * s, B: 4 * s, C: 3 * s, D: 4 * s, E: 3 * s, F: 4 * s, G: 4 * s },
    indicators: Object.fromEntries(INDICATOR_CODES.map((c) => [c, s])) as never,
    addQ: null,
    addA: null,
    trendArrow: null,
    electoralDemocracy: null,
    categories: null,
  });
  return {
    id: 7,
    entity: { id: 'kazakhstan', name: 'Kazakhstan', kind: 'country', code: 'KAZ', iso3: 'KAZ' },
    edition: {
      edition: 2026,
      label: 'FIW 2026',
      periodStart: '2025-01-01',
      periodEnd: '2025-12-31',
      yearUnderReview: 2025,
      methodology: 'fiw-2026',
      state: 'open',
    },
    region: 'Eurasia',
    granularity: 'indicators',
    state: 'draft',
    version: 3,
    scores,
    addQ: null,
    addA: null,
    trendArrow: null,
    narratives: [{ section: 'overview', code: '', body: 'An overview.' }],
    assignees: [],
    figures: figures(score),
    previous: {
      edition: 2025,
      state: 'published',
      scores: previousScores,
      figures: figures(previousScore),
      narratives: [{ section: 'indicator', code: 'B2', body: 'Last year’s B2 text.' }],
    },
    warnings: [],
    questions: { B2: 'Question wording of B2 (test data).' },
    methodology: null,
    updatedAt: '2026-01-01T00:00:00.000Z',
    updatedBy: null,
  };
}
