import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import {
  buildReport,
  parseReport,
  readFhTables,
  reportSources,
  renderText,
  statusFromWords,
  SUBCATEGORY_CODES,
  type Report,
  type SubcategoryCode,
} from '@freedom-ratings/core';
import { parseCsv } from '@freedom-ratings/sheets';
import { dataFile, describeShared, fixtureFile } from '../../test-support/shared.js';

/** What ../shared/fixtures/reports/index.json says each excerpt states (null = not printed). */
interface Stated {
  status: string | null;
  pr_rating: number | null;
  cl_rating: number | null;
  freedom_rating: number | null;
  total_score: number | null;
  pr_score: number | null;
  pr_score_max_as_printed: number | null;
  cl_score: number | null;
  subcategories: Partial<Record<SubcategoryCode, number>> | null;
  indicators: Record<string, number> | null;
  last_year_total: number | null;
  last_year_status: string | null;
  trend_arrow: 'up' | 'down' | null;
  score_change_markers: Record<string, string> | null;
  rating_change: string | null;
  status_change: string | null;
}

interface Entry {
  file: string;
  edition: number;
  text_is_excerpt?: boolean;
  stated_in_text: Stated;
}

const status = (s: string | null) => (s === null ? null : statusFromWords(s));

/** "Civil liberties rating declined from 6 to 7 (…)" → the step it describes. */
function step(text: string | null, what: 'political rights' | 'civil liberties') {
  if (text === null) return null;
  const m = new RegExp(`${what} rating \\w+ from (\\d) to (\\d)`, 'i').exec(text);
  return m ? { from: Number(m[1]), to: Number(m[2]) } : null;
}

/** "Status declined from Free to Partly Free" → the step it describes. */
function statusStep(text: string | null) {
  const m = text && /from (free|partly free|not free) to (free|partly free|not free)/i.exec(text);
  return m ? { from: status(m[1]!), to: status(m[2]!) } : null;
}

function expectStated(r: Report, s: Stated): void {
  expect(r.status).toBe(status(s.status));
  expect(r.ratings).toEqual({ pr: s.pr_rating, cl: s.cl_rating, freedom: s.freedom_rating });
  expect(r.scores.total).toBe(s.total_score);
  expect(r.scores.PR).toBe(s.pr_score);
  expect(r.scores.CL).toBe(s.cl_score);
  for (const code of SUBCATEGORY_CODES) expect(r.scores[code], code).toBe(s.subcategories?.[code] ?? null);
  expect(r.scores.indicators).toEqual(s.indicators ?? {});
  expect(r.lastYear).toEqual({ total: s.last_year_total, status: status(s.last_year_status) });
  expect(r.trendArrow).toBe(s.trend_arrow);
  // "(+1)" markers: keyed by PR, CL, total, a subcategory or an indicator code.
  const markers = s.score_change_markers ?? {};
  const change = (v: string | undefined) =>
    v === undefined ? null : Number(v.replace(/\s+/g, '').replace('\u2212', '-'));
  for (const key of ['total', 'PR', 'CL', ...SUBCATEGORY_CODES] as const)
    expect(r.changes[key], `change of ${key}`).toBe(change(markers[key]));
  const indicatorMarkers = Object.fromEntries(
    Object.entries(markers)
      .filter(([k]) => /^[A-G][1-4]$/.test(k))
      .map(([k, v]) => [k, change(v)]),
  );
  expect(r.changes.indicators).toEqual(indicatorMarkers);
  expect(r.changes.prRating).toEqual(step(s.rating_change, 'political rights'));
  expect(r.changes.clRating).toEqual(step(s.rating_change, 'civil liberties'));
  expect(r.changes.status).toEqual(statusStep(s.status_change));
  // A maximum printed other than 40 is read (the score is taken) and reported.
  const printedOut = r.diagnostics.filter((d) => d.message.startsWith('PR is printed out of'));
  if (s.pr_score_max_as_printed === null || s.pr_score_max_as_printed === 40) expect(printedOut).toEqual([]);
  else
    expect(printedOut.map((d) => d.message)).toEqual([expect.stringContaining(`out of ${s.pr_score_max_as_printed}`)]);
}

describeShared('report parser against the report fixtures in ../shared/fixtures/reports', () => {
  const index = JSON.parse(readFileSync(fixtureFile('reports', 'index.json'), 'utf8')) as { reports: Entry[] };

  it('the index lists every excerpt', () => {
    expect(index.reports.length).toBeGreaterThanOrEqual(9);
  });

  for (const entry of index.reports) {
    it(`${entry.file}: exactly the figures the text states, null for the rest`, () => {
      const text = readFileSync(fixtureFile('reports', entry.file), 'utf8');
      const r = parseReport(text);
      expectStated(r, entry.stated_in_text);
      // The edition is not always printed; where it is (or follows from the year under review), it is right.
      if (r.edition !== null) expect(r.edition).toBe(entry.edition);
      if (entry.text_is_excerpt === false) return;
      // Every excerpt stops mid-report; the parser says so, with the last line's number.
      const lastLine = text.replace(/\s+$/, '').split('\n').length;
      expect(r.diagnostics).toContainEqual({
        line: lastLine,
        severity: 'warning',
        message: expect.stringContaining('cut off') as unknown as string,
      });
    });
  }

  it('reads the same figures from CRLF copies with NBSPs and Unicode minus signs', () => {
    for (const entry of index.reports) {
      const text = readFileSync(fixtureFile('reports', entry.file), 'utf8');
      const damaged = text
        .replace(/\n/g, '\r\n')
        .replace(/ \/ /g, '\u00a0/\u00a0')
        .replace(/ -(\d)/g, ' \u2212$1');
      expectStated(parseReport(damaged), entry.stated_in_text);
    }
  });

  it('the full 2014 Kazakhstan report: every figure, nothing else', () => {
    const r = parseReport(readFileSync(fixtureFile('reports', 'full', '2014_kazakhstan.txt'), 'utf8'));
    expect(r.edition).toBe(2014);
    expect(r.status).toBe('NF');
    expect(r.ratings).toEqual({ pr: 6, cl: 5, freedom: 5.5 });
    expect(r.trendArrow).toBe('down');
    expect({ ...r.scores, indicators: undefined }).toEqual({
      total: null,
      PR: 6,
      CL: 19,
      A: 2,
      B: 3,
      C: 1,
      D: 4,
      E: 3,
      F: 4,
      G: 8,
      addQ: null,
      addA: null,
      indicators: undefined,
    });
    expect(r.overview).toHaveLength(1);
    expect(r.statements.trendArrow).toMatch(/^Kazakhstan received a downward trend arrow/);
    for (const code of SUBCATEGORY_CODES) expect(r.narrative.subcategories[code]?.length, code).toBeGreaterThan(0);
    expect(r.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
  });

  it('rendering the parsed seed in the 2014 layout gives back every line of the report, in order', () => {
    const seed = readFileSync(fixtureFile('reports', 'full', '2014_kazakhstan.txt'), 'utf8');
    const rendered = renderText(parseReport(seed), '2014').split('\n').filter(Boolean);
    const lines = seed.split('\n').filter(Boolean);
    // The copy ends with the hosting site's disclaimer, after the scoring key: not part of the report.
    const key = lines.indexOf('Z = Change from Previous Year');
    expect(key).toBeGreaterThan(0);
    expect(rendered).toEqual(lines.slice(0, key + 1));
    const figureLines = lines.filter((l) =>
      /^(\d{4} Scores|Status:|Freedom Rating|Civil Liberties|Political Rights|Trend Arrow|[A-G]\. |Scoring Key)/.test(
        l,
      ),
    );
    expect(figureLines).toHaveLength(16);
  });

  it("the seed's figures are what the engine derives from FH's own files for Kazakhstan 2014", () => {
    const seed = parseReport(readFileSync(fixtureFile('reports', 'full', '2014_kazakhstan.txt'), 'utf8'));
    for (const file of [
      'All_data_FIW_2013-2024.csv',
      'Aggregate_Category_and_Subcategory_Scores_FIW_2003-2023_FIW06-23.csv',
    ]) {
      const { sheets } = readFhTables([parseCsv(readFileSync(dataFile(file), 'utf8'), file)]);
      const location = { file: 'texts.jsonl', sheet: null, columns: 'numbers' as const, row: 1 };
      const texts = [
        { location, entity: 'Kazakhstan', edition: 2014, section: 'overview' as const, code: '', body: 'Text.' },
      ];
      const built = buildReport(
        reportSources(
          sheets.flatMap((x) => x.records),
          texts,
        ).sources[0]!,
      );
      expect(built.status, file).toBe(seed.status);
      expect(built.ratings, file).toEqual(seed.ratings);
      for (const k of ['PR', 'CL', ...SUBCATEGORY_CODES] as const)
        expect(built.scores[k], `${file} ${k}`).toBe(seed.scores[k]);
    }
  });
});
