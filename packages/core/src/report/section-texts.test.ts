import { describe, expect, it } from 'vitest';
import { buildReport } from './build.js';
import { narrativeRowsOf } from './section-texts.js';

describe('narrativeRowsOf', () => {
  it('puts stored texts back into the sections of a built report, with question wording', () => {
    const rows = narrativeRowsOf(
      [
        { section: 'overview', code: '', body: 'First paragraph.' },
        { section: 'indicator', code: 'A1', body: 'About the head of government.' },
        { section: 'discretionary', code: 'Add Q', body: 'About the ethnic composition.' },
        { section: 'trend-arrow', code: '', body: 'Received a downward trend arrow.' },
        { section: 'subcategory', code: 'A', body: 'Not carried by any layout row.' },
      ],
      { A1: 'Was the head of government elected?', 'Add Q': 'Is the composition changed?' },
    );
    expect(rows.map((r) => r.sub_item)).toEqual(['Overview', 'A1', 'C4', 'Trend Arrow']);
    const indicators = Object.fromEntries(
      ['A1', 'A2', 'A3', 'B1', 'B2', 'B3', 'B4', 'C1', 'C2', 'C3', 'D1', 'D2', 'D3', 'D4', 'E1', 'E2', 'E3'].map(
        (c) => [c, 1],
      ),
    );
    const report = buildReport({
      entity: 'Testland',
      edition: 2020,
      current: {
        entity: 'Testland',
        edition: 2020,
        indicators: { ...indicators, F1: 1, F2: 1, F3: 1, F4: 1, G1: 1, G2: 1, G3: 1, G4: 1 },
        addQ: 1,
      },
      narrative: rows,
    });
    expect(report.overview).toEqual(['First paragraph.']);
    expect(report.narrative.indicators.A1).toMatchObject({ question: 'Was the head of government elected?' });
    expect(report.narrative.addQ).toMatchObject({ question: 'Is the composition changed?' });
    expect(report.statements.trendArrow).toBe('Received a downward trend arrow.');
  });
});
