import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { INDICATOR_CODES, SUBCATEGORY_CODES, type IndicatorCode, type Rating, type Status } from '../types.js';
import { carriedBy, REPORT_LAYOUTS, type ReportLayout } from './layout.js';
import { emptyReport, SCORE_KEYS, type IndicatorNarrative, type Report } from './model.js';
import { reportFromJson } from './from-json.js';
import { parseReport } from './parse.js';
import { renderHtml } from './render-html.js';
import { renderMarkdown } from './render-markdown.js';
import { renderText } from './render-text.js';
import { browserPrint, FIGURE_STYLES, restyle } from '../../../../test-support/report-copies.js';

/*
 * Generated reports: any combination of stated and unstated figures, with
 * narrative made of ordinary sentences (a sentence that is itself a report
 * label, such as "Status: Free", would be read as one, in any format).
 */

const WORDS = ['the', 'government', 'courts', 'media', 'elections', 'opposition', 'protests', 'law', 'reform', 'year'];
const word = fc.constantFrom(...WORDS);
const sentence = fc
  .array(word, { minLength: 3, maxLength: 12 })
  .map((w) => `${w.join(' ').replace(/^./, (c) => c.toUpperCase())}.`);
const paragraph = fc.array(sentence, { minLength: 1, maxLength: 3 }).map((s) => s.join(' '));
const paragraphs = fc.array(paragraph, { minLength: 1, maxLength: 3 });
const question = fc.array(word, { minLength: 3, maxLength: 10 }).map((w) => `Is ${w.join(' ')} free?`);
const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null });
const rating = fc.integer({ min: 1, max: 7 }) as fc.Arbitrary<Rating>;
const status = fc.constantFrom<Status>('F', 'PF', 'NF');
const nonZero = (max: number) => fc.integer({ min: -max, max }).filter((n) => n !== 0);
const entityName = fc
  .array(fc.constantFrom('North', 'South', 'Land', 'Testia', 'Republic', 'Isles'), { minLength: 1, maxLength: 3 })
  .map((w) => w.join(' '));

const narrativeOf = (q: fc.Arbitrary<string | null>): fc.Arbitrary<IndicatorNarrative> =>
  fc.record({
    question: q,
    paragraphs: fc.array(paragraph, { maxLength: 2 }),
    scoreChanges: fc.array(sentence, { maxLength: 1 }),
  });

const reportArb: fc.Arbitrary<Report> = fc
  .record({
    entity: maybe(entityName),
    territory: fc.boolean(),
    edition: maybe(fc.integer({ min: 2008, max: 2026 })),
    status: maybe(status),
    ratings: fc.record({ pr: maybe(rating), cl: maybe(rating), freedom: maybe(fc.integer({ min: 2, max: 14 })) }),
    scores: fc.record({
      total: maybe(fc.integer({ min: -3, max: 100 })),
      PR: maybe(fc.integer({ min: -4, max: 40 })),
      CL: maybe(fc.integer({ min: 0, max: 60 })),
      sub: fc.array(maybe(fc.integer({ min: 0, max: 12 })), { minLength: 7, maxLength: 7 }),
      addQ: maybe(fc.integer({ min: 0, max: 4 })),
      addA: maybe(fc.integer({ min: 0, max: 4 })),
      indicators: fc.array(maybe(fc.integer({ min: 0, max: 4 })), { minLength: 25, maxLength: 25 }),
    }),
    changes: fc.record({
      total: maybe(nonZero(20)),
      PR: maybe(nonZero(10)),
      CL: maybe(nonZero(10)),
      sub: fc.array(maybe(nonZero(4)), { minLength: 7, maxLength: 7 }),
      indicators: fc.array(maybe(nonZero(3)), { minLength: 25, maxLength: 25 }),
      ratingStep: maybe(fc.tuple(fc.boolean(), rating, rating).filter(([, a, b]) => a !== b)),
      statusStep: maybe(fc.tuple(status, status).filter(([a, b]) => a !== b)),
    }),
    lastYear: fc.record({ total: maybe(fc.integer({ min: 0, max: 100 })), status: maybe(status) }),
    trendArrow: maybe(fc.constantFrom<'up' | 'down'>('up', 'down')),
    trendStatement: maybe(paragraph.map((p) => `It received a trend arrow. ${p}`)),
    ratingsStatement: maybe(paragraph),
    statusStatement: maybe(paragraph),
    note: maybe(paragraph),
    overview: fc.array(paragraph, { maxLength: 2 }),
    keyDevelopments: fc.array(sentence, { maxLength: 3 }),
    subNarrative: fc.array(maybe(paragraphs), { minLength: 7, maxLength: 7 }),
    indicatorNarrative: fc.array(maybe(narrativeOf(maybe(question))), { minLength: 25, maxLength: 25 }),
    addQNarrative: maybe(narrativeOf(question)),
  })
  .map((g) => {
    const r = emptyReport();
    r.entity = g.entity;
    r.kind = g.entity && g.territory ? 'territory' : 'country';
    r.edition = g.edition;
    r.status = g.status;
    r.ratings = {
      pr: g.ratings.pr,
      cl: g.ratings.cl,
      freedom: g.ratings.freedom === null ? null : g.ratings.freedom / 2,
    };
    r.scores.total = g.scores.total;
    r.scores.PR = g.scores.PR;
    r.scores.CL = g.scores.CL;
    r.scores.addQ = g.scores.addQ;
    r.scores.addA = g.scores.addA;
    r.changes.total = g.changes.total;
    r.changes.PR = g.changes.PR;
    r.changes.CL = g.changes.CL;
    SUBCATEGORY_CODES.forEach((code, i) => {
      r.scores[code] = g.scores.sub[i]!;
      r.changes[code] = g.changes.sub[i]!;
      if (g.subNarrative[i]) r.narrative.subcategories[code] = g.subNarrative[i]!;
    });
    INDICATOR_CODES.forEach((code: IndicatorCode, i) => {
      if (g.scores.indicators[i] !== null) r.scores.indicators[code] = g.scores.indicators[i]!;
      if (g.changes.indicators[i] !== null) r.changes.indicators[code] = g.changes.indicators[i]!;
      if (g.indicatorNarrative[i]) r.narrative.indicators[code] = g.indicatorNarrative[i]!;
    });
    r.narrative.addQ = g.addQNarrative;
    r.lastYear = g.lastYear;
    r.trendArrow = g.trendArrow;
    r.overview = g.overview;
    r.keyDevelopments = g.keyDevelopments;
    r.statements.trendArrow = g.trendStatement;
    r.statements.note = g.note;
    // A note in the report's own words, or a structured change that the renderer words itself.
    if (g.changes.ratingStep) {
      const [political, from, to] = g.changes.ratingStep;
      r.changes[political ? 'prRating' : 'clRating'] = { from, to };
    } else r.statements.ratingsChange = g.ratingsStatement;
    if (g.changes.statusStep) r.changes.status = { from: g.changes.statusStep[0], to: g.changes.statusStep[1] };
    else r.statements.statusChange = g.statusStatement;
    return r;
  });

const RENDER = { text: renderText, md: renderMarkdown, html: renderHtml } as const;
const layoutArb = fc.constantFrom<ReportLayout>(...REPORT_LAYOUTS);

describe('report round trips', () => {
  for (const format of ['text', 'md', 'html'] as const) {
    it(`parse(render(r)) gives back everything the layout carries (${format})`, () => {
      fc.assert(
        fc.property(reportArb, layoutArb, (r, layout) => {
          const back = parseReport(RENDER[format](r, layout));
          back.diagnostics = [];
          expect(back).toEqual(carriedBy(r, layout));
        }),
        { numRuns: 300 },
      );
    });
  }
});

describe('reports as copies print their figures', () => {
  it('parse gives back everything the layout carries with figures glued ("5.5/7", "6/40"), spaced ("6 /40") or wrapped', () => {
    fc.assert(
      fc.property(
        reportArb,
        layoutArb,
        fc.array(fc.constantFrom(...FIGURE_STYLES), { minLength: 1 }),
        (r, layout, styles) => {
          const back = parseReport(restyle(renderText(r, layout), styles));
          back.diagnostics = [];
          expect(back).toEqual(carriedBy(r, layout));
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('browser-printed 2020+ pages copied as one line', () => {
  it('give back every figure, with print headers and footers at any word', () => {
    fc.assert(
      fc.property(
        reportArb,
        entityName,
        fc.integer({ min: 2020, max: 2026 }),
        fc.array(fc.nat(), { maxLength: 6 }),
        (generated, entity, edition, breaks) => {
          const r: Report = { ...generated, entity, edition, kind: 'country' };
          const back = parseReport(browserPrint(renderText(r, '2020'), entity, edition, breaks));
          expect(Object.fromEntries(figures(back))).toEqual(Object.fromEntries(figures(carriedBy(r, '2020'))));
          expect(back.entity).toBe(entity);
        },
      ),
      { numRuns: 400 },
    );
  });
});

/** Every figure of a report as path → value, for "never a wrong figure" checks. */
function figures(r: Report): Map<string, unknown> {
  const out = new Map<string, unknown>();
  const put = (k: string, v: unknown) => v !== null && v !== undefined && out.set(k, v);
  put('edition', r.edition);
  put('status', r.status);
  put('ratings.pr', r.ratings.pr);
  put('ratings.cl', r.ratings.cl);
  put('ratings.freedom', r.ratings.freedom);
  for (const k of SCORE_KEYS) {
    put(`scores.${k}`, r.scores[k]);
    put(`changes.${k}`, r.changes[k]);
  }
  put('scores.addQ', r.scores.addQ);
  put('scores.addA', r.scores.addA);
  for (const code of INDICATOR_CODES) {
    put(`scores.${code}`, r.scores.indicators[code]);
    put(`changes.${code}`, r.changes.indicators[code]);
  }
  put('lastYear.total', r.lastYear.total);
  put('lastYear.status', r.lastYear.status);
  put('trendArrow', r.trendArrow);
  return out;
}

describe('the parser never throws and never invents a figure', () => {
  it('on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), (s) => {
        const r = parseReport(s);
        expect(r.diagnostics.every((d) => d.message !== undefined)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('on reports cut off at any point: every figure read is the original one', () => {
    fc.assert(
      fc.property(reportArb, layoutArb, fc.double({ min: 0, max: 1, noNaN: true }), (r, layout, at) => {
        const text = renderText(r, layout);
        const cut = parseReport(text.slice(0, Math.floor(text.length * at)));
        const original = figures(carriedBy(r, layout));
        for (const [k, v] of figures(cut)) expect([k, v]).toEqual([k, original.get(k)]);
      }),
      { numRuns: 400 },
    );
  });

  it('on reports run together into one line (PDF text): every figure read is the original one', () => {
    fc.assert(
      fc.property(reportArb, layoutArb, (r, layout) => {
        const text = renderText(r, layout).replace(/\s*\n\s*/g, ' ');
        const original = figures(carriedBy(r, layout));
        for (const [k, v] of figures(parseReport(text))) expect([k, v]).toEqual([k, original.get(k)]);
      }),
      { numRuns: 400 },
    );
  });

  it('on mutated reports: lines dropped, doubled, run together, characters replaced', () => {
    const mutation = fc.oneof(
      fc.record({ kind: fc.constant('drop' as const), at: fc.nat() }),
      fc.record({ kind: fc.constant('double' as const), at: fc.nat() }),
      fc.record({ kind: fc.constant('join' as const), at: fc.nat() }),
      fc.record({
        kind: fc.constant('char' as const),
        at: fc.nat(),
        c: fc.constantFrom('/', '-', '\u2212', '9', '(', ':', '\u00a0', '\r', '↓', ''),
      }),
    );
    fc.assert(
      fc.property(reportArb, layoutArb, fc.array(mutation, { maxLength: 8 }), (r, layout, mutations) => {
        let lines = renderText(r, layout).split('\n');
        for (const m of mutations) {
          const i = m.at % Math.max(lines.length, 1);
          if (m.kind === 'drop') lines.splice(i, 1);
          else if (m.kind === 'double') lines.splice(i, 0, lines[i] ?? '');
          else if (m.kind === 'join') lines.splice(i, 2, (lines[i] ?? '') + (lines[i + 1] ?? ''));
          else {
            const text = lines.join('\n');
            const j = m.at % Math.max(text.length, 1);
            lines = (text.slice(0, j) + m.c + text.slice(j + 1)).split('\n');
          }
        }
        const back = parseReport(lines.join('\n'));
        expect(Array.isArray(back.diagnostics)).toBe(true);
      }),
      { numRuns: 400 },
    );
  });
});

describe('report JSON', () => {
  it('reads back what it wrote', () => {
    fc.assert(
      fc.property(reportArb, (r) => {
        const back = reportFromJson(JSON.parse(JSON.stringify(r)));
        expect(back.errors).toEqual([]);
        expect(back.report).toEqual(r);
      }),
      { numRuns: 200 },
    );
  });

  it('never throws on arbitrary JSON, and refuses what is not a report with the path of the problem', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const { report, errors } = reportFromJson(v);
        expect(report === null).toBe(errors.length > 0);
      }),
      { numRuns: 500 },
    );
    expect(reportFromJson({ scores: { A: 2.5 } }).errors).toEqual([
      'scores.A: expected a whole number from -10 to 100, found 2.5',
    ]);
  });
});
