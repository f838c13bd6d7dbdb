import { describe, expect, it } from 'vitest';
import { INDICATOR_CODES, type IndicatorScores } from '../types.js';
import { buildReport } from './build.js';
import { indicatorText, splitAddQ, splitNote, splitRunTogether } from './narrative.js';

const indicators = (n: number) => Object.fromEntries(INDICATOR_CODES.map((c) => [c, n])) as IndicatorScores;

describe('narrative rows as the scrape left them', () => {
  it('splits paragraphs run together, but not abbreviations or sentences with a space', () => {
    expect(splitRunTogether('The vote was held.In June the U.S. envoy came. It rained.')).toEqual([
      'The vote was held.',
      'In June the U.S. envoy came. It rained.',
    ]);
  });

  it('takes "Score Change" notes off the end of a paragraph, in either spelling', () => {
    expect(indicatorText('Courts are slow.Score Change: The score declined from 2 to 1.', 'Q?')).toEqual({
      question: 'Q?',
      paragraphs: ['Courts are slow.'],
      scoreChanges: ['The score declined from 2 to 1.'],
    });
    expect(indicatorText('Text.Status Change: The score improved from 3 to 4.', null).scoreChanges).toEqual([
      'The score improved from 3 to 4.',
    ]);
  });

  it('drops a question left at the start and a page heading left inside the text', () => {
    const n = indicatorText('the question? 3 / 4Academic life is free.G. SOME HEADING: 10/ 16', 'Q?');
    expect(n.paragraphs).toEqual(['Academic life is free.']);
  });

  it('separates the Add Q question and text from the end of C3', () => {
    const detail =
      'C3 text. Add Q ADDITIONAL DISCRETIONARY POLITICAL RIGHTS QUESTION Is it being changed? \u22122 / 0Settlers moved in.';
    expect(splitAddQ(detail)).toEqual({
      c3: 'C3 text.',
      addQ: { question: 'Is it being changed?', text: 'Settlers moved in.' },
    });
    expect(splitAddQ('Only C3.')).toEqual({ c3: 'Only C3.', addQ: null });
  });

  it('takes a "Note:" out of another section', () => {
    expect(splitNote('The rating fell.Note: The figures exclude the territory.')).toEqual({
      text: 'The rating fell.',
      note: 'The figures exclude the territory.',
    });
  });
});

describe('buildReport', () => {
  it('derives every figure with the engine and the changes from the previous edition', () => {
    const r = buildReport({
      entity: 'Testland',
      edition: 2020,
      current: { entity: 'Testland', edition: 2020, indicators: { ...indicators(2), A1: 3 }, addQ: 0 },
      previous: { entity: 'Testland', edition: 2019, indicators: indicators(2), addQ: 0 },
      narrative: [
        { section: 'overview', code: '', body: 'An overview.' },
        { section: 'indicator', code: 'A1', body: 'Yes.Score Change: The score improved from 2 to 3.' },
        {
          section: 'ratings-change',
          code: '',
          body: 'Ratings Change, Trend Arrow Its rating rose and it received an upward trend arrow.',
        },
      ],
      questions: new Map([['A1', 'Is it free?']]),
    });
    expect(r.scores).toMatchObject({ total: 51, PR: 21, CL: 30, A: 7 });
    expect(r.ratings).toEqual({ pr: 4, cl: 4, freedom: 4 });
    expect(r.status).toBe('PF');
    expect(r.changes).toMatchObject({ total: 1, PR: 1, CL: 0, A: 1, indicators: { A1: 1, A2: 0 } });
    expect(r.changes.prRating).toEqual(null);
    expect(r.lastYear).toEqual({ total: 50, status: 'PF' });
    expect(r.narrative.indicators.A1).toEqual({
      question: 'Is it free?',
      paragraphs: ['Yes.'],
      scoreChanges: ['The score improved from 2 to 3.'],
    });
    expect(r.trendArrow).toBe('up');
    expect(r.scores.addQ).toBe(null);
  });

  it('shows Add Q where it applies and refuses an assessment that cannot be scored', () => {
    const r = buildReport({
      entity: 'Testland',
      edition: 2024,
      current: { entity: 'Testland', edition: 2024, indicators: indicators(0), addQ: 3 },
    });
    expect(r.scores).toMatchObject({ PR: -3, total: -3, addQ: 3 });
    expect(() => buildReport({ entity: 'X', edition: 2024, current: { entity: 'X', edition: 2024 } })).toThrow(
      /cannot be scored/,
    );
  });

  it('takes stored texts by section, with the question wording, and leaves out what no layout carries', () => {
    const report = buildReport({
      entity: 'Testland',
      edition: 2020,
      current: { entity: 'Testland', edition: 2020, indicators: indicators(1), addQ: 1 },
      narrative: [
        { section: 'overview', code: '', body: 'First paragraph.' },
        { section: 'indicator', code: 'A1', body: 'About the head of government.' },
        { section: 'discretionary', code: 'Add Q', body: 'About the ethnic composition.' },
        { section: 'trend-arrow', code: '', body: 'Received a downward trend arrow.' },
        { section: 'subcategory', code: 'A', body: 'Not carried by any layout row.' },
      ],
      questions: new Map([
        ['A1', 'Was the head of government elected?'],
        ['Add Q', 'Is the composition changed?'],
      ]),
    });
    expect(report.overview).toEqual(['First paragraph.']);
    expect(report.narrative.indicators.A1).toMatchObject({ question: 'Was the head of government elected?' });
    expect(report.narrative.addQ).toMatchObject({ question: 'Is the composition changed?' });
    expect(report.statements.trendArrow).toBe('Received a downward trend arrow.');
    expect(JSON.stringify(report)).not.toContain('Not carried by any layout row.');
  });
});
