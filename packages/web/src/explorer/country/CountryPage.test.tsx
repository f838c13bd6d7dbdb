import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { CountryPage } from './CountryPage.js';
import { editionPairRows } from './edition-pair.js';
import { KAZAKHSTAN_HISTORY, kazakhstanReport } from './kazakhstan.test-data.js';
import { countryPageHead } from './page-head.js';

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x2F;|&#47;/g, '/')
    .replace(/\s+/g, ' ');

describe('country page', () => {
  const report = kazakhstanReport(2014, [
    { section: 'trend-arrow', code: '', body: 'Kazakhstan received a downward trend arrow.' },
  ]);

  it('lays the report out as FIW 2014 did, with changes from FIW 2013', () => {
    const page = text(
      renderToString(<CountryPage history={KAZAKHSTAN_HISTORY} report={report} vs={null} vsProblem={null} />),
    );
    expect(page).toContain('Freedom in the World 2014 - Kazakhstan');
    expect(page).toContain('Political Rights: 6 / 40');
    expect(page).toContain('A. Electoral Process: 2 / 12');
    expect(page).toContain('Civil Liberties: 19 / 60 (−1)');
    expect(page).toContain('D. Freedom of Expression and Belief: 4 / 16 (−1)');
    expect(page).toContain('Trend Arrow: ↓');
    expect(page).toContain('Kazakhstan received a downward trend arrow.');
  });

  it('states the distance to the next ratings in the engine’s words', () => {
    const page = text(
      renderToString(<CountryPage history={KAZAKHSTAN_HISTORY} report={report} vs={null} vsProblem={null} />),
    );
    expect(page).toContain('CL 19 → rating 5 (17–25); 7 points from rating 4, 3 points from rating 6');
    expect(page).toContain('PR 6 → rating 6 (6–11)');
  });

  it('marks the methodology breaks inside the charted range and gives the table alternative', () => {
    const html = renderToString(
      <CountryPage history={KAZAKHSTAN_HISTORY} report={report} vs={null} vsProblem={null} />,
    );
    // 2013–2014 holds one break: indicator scores from FIW 2013 starts the range, so none is inside it.
    expect(html).not.toContain('history-ratings-break-1');
    expect(text(html)).toContain('Table: Kazakhstan: ratings and status');
  });

  it('titles the page for a shared link', () => {
    expect(countryPageHead(report).title).toBe('Kazakhstan — Not Free, 25/100 (FIW 2014)');
    expect(countryPageHead(report).description).toContain('Source: Freedom House, Freedom in the World.');
  });

  it('sets two editions side by side with core’s changes', () => {
    const rows = editionPairRows(kazakhstanReport(2013), report);
    const byCode = Object.fromEntries(rows.map((r) => [r.code, r]));
    expect(byCode.D).toMatchObject({ earlier: '5 / 16', later: '4 / 16', change: '−1', direction: 'declined' });
    expect(byCode.CL).toMatchObject({ earlier: '20 / 60', later: '19 / 60', change: '−1' });
    expect(byCode.status).toMatchObject({ earlier: 'Not Free', later: 'Not Free', change: 'unchanged' });
    expect(byCode.A1).toBeUndefined();
    const page = text(
      renderToString(
        <CountryPage history={KAZAKHSTAN_HISTORY} report={report} vs={kazakhstanReport(2013)} vsProblem={null} />,
      ),
    );
    expect(page).toContain('FIW 2013 and FIW 2014 side by side');
    expect(page).toContain('D. Freedom of Expression and Belief 5 / 16 4 / 16 −1 (worse)');
  });
});
