import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { CountryPage } from './CountryPage.js';
import { changedRows, editionPairRows } from './edition-pair.js';
import { hrefOf, readUrl, type CountryView } from '../../app/url-state.js';
import { KAZAKHSTAN_HISTORY, kazakhstanReport } from './kazakhstan.test-data.js';
import { countryPageHead } from './page-head.js';

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x2F;|&#47;/g, '/')
    .replace(/\s+/g, ' ');

const view = (v: Partial<CountryView> = {}): CountryView => ({
  page: 'country',
  slug: 'kazakhstan',
  edition: 2014,
  vs: null,
  changed: false,
  ...v,
});

describe('country page', () => {
  const report = kazakhstanReport(2014, [
    { section: 'trend-arrow', code: '', body: 'Kazakhstan received a downward trend arrow.' },
  ]);

  it('lays the report out as FIW 2014 did, with changes from FIW 2013', () => {
    const page = text(
      renderToString(
        <CountryPage
          view={view()}
          history={KAZAKHSTAN_HISTORY}
          report={report}
          vs={null}
          vsProblem={null}
          errata={[]}
        />,
      ),
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
      renderToString(
        <CountryPage
          view={view()}
          history={KAZAKHSTAN_HISTORY}
          report={report}
          vs={null}
          vsProblem={null}
          errata={[]}
        />,
      ),
    );
    expect(page).toContain('CL 19 → rating 5 (17–25); 7 points from rating 4, 3 points from rating 6');
    expect(page).toContain('PR 6 → rating 6 (6–11)');
  });

  it('marks the methodology breaks inside the charted range and gives the table alternative', () => {
    const html = renderToString(
      <CountryPage view={view()} history={KAZAKHSTAN_HISTORY} report={report} vs={null} vsProblem={null} errata={[]} />,
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
        <CountryPage
          view={view({ vs: 2013 })}
          history={KAZAKHSTAN_HISTORY}
          report={report}
          vs={kazakhstanReport(2013)}
          vsProblem={null}
          errata={[]}
        />,
      ),
    );
    expect(page).toContain('FIW 2013 and FIW 2014 side by side');
    expect(page).toContain('D. Freedom of Expression and Belief 5 / 16 4 / 16 −1 (worse)');
  });

  it('shows only the figures that changed with changed=1, by a link that works without JavaScript', () => {
    const rows = editionPairRows(kazakhstanReport(2013), report);
    const changed = changedRows(rows);
    expect(changed.map((r) => r.code)).toEqual(
      rows.filter((r) => r.direction === 'improved' || r.direction === 'declined').map((r) => r.code),
    );
    expect(changed.map((r) => r.code)).toContain('D');
    expect(changed.map((r) => r.code)).not.toContain('status');
    const render = (changedOnly: boolean) =>
      renderToString(
        <CountryPage
          view={view({ vs: 2013, changed: changedOnly })}
          history={KAZAKHSTAN_HISTORY}
          report={report}
          vs={kazakhstanReport(2013)}
          vsProblem={null}
          errata={[]}
        />,
      );
    const all = render(false);
    const only = render(true);
    expect(all).toContain('href="/country/kazakhstan?edition=2014&amp;vs=2013&amp;changed=1"');
    expect(text(all)).toContain(`Showing all ${rows.length} figures, ${changed.length} of them changed.`);
    expect(text(only)).toContain(`Showing the ${changed.length} of ${rows.length} figures that changed.`);
    expect(only).toContain('href="/country/kazakhstan?edition=2014&amp;vs=2013"');
    expect(only).toContain('id="pair-D"');
    expect(only).not.toContain('id="pair-status"');
    expect(all).toContain('id="pair-status"');
    // Choosing another edition keeps the filter.
    expect(only).toContain('<input type="hidden" name="changed" value="1"/>');
    // The same figures a year on: nothing changed, and the page says so instead of an empty table.
    const same = { ...report, edition: { ...report.edition, edition: 2015, label: '2015' } };
    const none = text(
      renderToString(
        <CountryPage
          view={view({ vs: 2015, changed: true })}
          history={KAZAKHSTAN_HISTORY}
          report={report}
          vs={same}
          vsProblem={null}
          errata={[]}
        />,
      ),
    );
    expect(none).toContain('No figure changed between FIW 2014 and FIW 2015.');
    expect(none).not.toContain('Editions side by side');
  });

  it('reads and writes changed=1 in the address, and only beside another edition', () => {
    const read = readUrl('/country/kazakhstan', 'edition=2014&vs=2013&changed=1').view as CountryView;
    expect(read.changed).toBe(true);
    expect(hrefOf(read)).toBe('/country/kazakhstan?edition=2014&vs=2013&changed=1');
    expect(hrefOf({ ...read, vs: null })).toBe('/country/kazakhstan?edition=2014');
    expect(readUrl('/country/kazakhstan', 'changed=yes').problems[0]?.param).toBe('changed');
  });
});
