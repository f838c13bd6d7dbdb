import { describe, expect, it } from 'vitest';
import { parseReport } from './parse.js';

const header2014 = [
  '2014 Scores',
  '',
  'Status: Not Free',
  'Freedom Rating (1 = best, 7 = worst): 5.5',
  'Civil Liberties (1 = best, 7 = worst): 5',
  'Political Rights (1 = best, 7 = worst): 6',
  '',
  'Political Rights: 6 / 40',
  '',
  'A. Electoral Process: 2 / 12',
  '',
  'Some text about elections.',
].join('\n');

describe('parseReport on damaged copies', () => {
  it('reads a run-together PDF line', () => {
    const r = parseReport(
      header2014.replace(/\n+/g, ' ') + ' More text follows here, and it goes on for a while. '.repeat(8),
    );
    expect(r.status).toBe('NF');
    expect(r.ratings).toEqual({ pr: 6, cl: 5, freedom: 5.5 });
    expect(r.scores.PR).toBe(6);
    expect(r.scores.A).toBe(2);
    expect(r.edition).toBe(2014);
  });

  it('takes "15 / 30 (+ 2)" as the score and change, and says the maximum is wrong', () => {
    const r = parseReport('Political Rights: 15 / 30 (+ 2)\n\nA. Electoral Process: 5 / 12\n\nText.');
    expect(r.scores.PR).toBe(15);
    expect(r.changes.PR).toBe(2);
    expect(r.diagnostics).toContainEqual({
      line: 1,
      severity: 'warning',
      message: expect.stringContaining('out of 30'),
    });
  });

  it('keeps the first of two figures run together and says so', () => {
    const r = parseReport('Not Free\n26/10026/100\nPR Political Rights 10 40\n\nOverview\n\nText.');
    expect(r.scores.total).toBe(26);
    expect(r.lastYear.total).toBe(null);
    expect(r.diagnostics.some((d) => d.line === 2 && d.message.includes('second score'))).toBe(true);
  });

  it('labels without values stay null, with a note', () => {
    const r = parseReport(
      'Freedom Status: \nNot Free\nAggregate Score: \nFreedom Rating: \nPolitical Rights: \n\nText.',
    );
    expect(r.status).toBe('NF');
    expect(r.scores.total).toBe(null);
    expect(r.ratings).toEqual({ pr: null, cl: null, freedom: null });
    expect(r.diagnostics.map((d) => d.line)).toEqual(expect.arrayContaining([3, 4, 5]));
  });

  it('does not take a figure the text may have cut short', () => {
    expect(parseReport('Status: Free\nPolitical Rights: 36 / 4').scores.PR).toBe(null);
    expect(parseReport('Status: Free\nFreedom Rating: 2').ratings.freedom).toBe(null);
    expect(parseReport('Status: Free\nAggregate Score: 8').scores.total).toBe(null);
  });

  it('reads Unicode minus, arrows, NBSP and CRLF', () => {
    const r = parseReport(
      'Not Free\r\nPR Political Rights\u00a0\u22123\u00a0/\u00a040\r\nTrend Arrow: \u2193\r\n\r\nText.',
    );
    expect(r.scores.PR).toBe(-3);
    expect(r.trendArrow).toBe('down');
  });

  it('an arrow after a rating is a ratings-change marker, not a trend arrow', () => {
    const r = parseReport('Political Rights: 7\nCivil Liberties: 7 \u2193\nStatus: Not Free\n\nText.');
    expect(r.ratings.cl).toBe(7);
    expect(r.trendArrow).toBe(null);
  });

  it('conflicting statements of one figure: the first is kept, the second reported', () => {
    const r = parseReport('Status: Free\nStatus: Not Free\n\nText.');
    expect(r.status).toBe('F');
    expect(r.diagnostics[0]).toMatchObject({ line: 2, severity: 'error' });
  });

  it('out-of-range figures are refused', () => {
    const r = parseReport('A. Electoral Process: 14 / 12\nPolitical Rights: 9 (1 = best, 7 = worst)\n\nText.');
    expect(r.scores.A).toBe(null);
    expect(r.ratings.pr).toBe(null);
  });

  it('an empty or blank text gives an empty report and one error', () => {
    for (const t of ['', '   \n\n \r\n']) {
      const r = parseReport(t);
      expect(r.status).toBe(null);
      expect(r.diagnostics).toEqual([{ line: 1, severity: 'error', message: 'the report is empty' }]);
    }
  });

  it('reads the layouts of other copies: legends on their own lines, values on the next line', () => {
    const r = parseReport(
      [
        'Freedom in the World 2017 - Testland',
        'Freedom Status: Not Free',
        'Freedom in the World Scores',
        'Aggregate Score:',
        '(0=Least Free, 100=Most Free)',
        '22',
        'Freedom Rating:',
        '6.0',
        'Political Rights:',
        '7',
        'Civil Liberties: 5 (1=Most Free, 7=Least Free)',
        '',
        'Text.',
      ].join('\n'),
    );
    expect(r.scores.total).toBe(22);
    expect(r.ratings).toEqual({ pr: 7, cl: 5, freedom: 6 });
  });

  it("reads a status and total on one line, a curly apostrophe, and skips other indexes' scores", () => {
    const r = parseReport(
      [
        'Not Free 0 /100',
        'Last Year\u2019s Score & Status',
        '1 / 100 Not Free',
        'Internet Freedom Score',
        '17 / 100',
        '',
        'Overview:',
        '',
        'Text.',
      ].join('\n'),
    );
    expect(r.status).toBe('NF');
    expect(r.scores.total).toBe(0);
    expect(r.lastYear).toEqual({ total: 1, status: 'NF' });
  });

  it('a score that lost its maximum is not taken as a rating', () => {
    const r = parseReport('Not Free\nPolitical Rights 5\nCivil Liberties 12\n/ 60\n\nText.');
    expect(r.ratings.pr).toBe(null);
    expect(r.scores.PR).toBe(null);
    expect(r.scores.CL).toBe(12);
  });

  it('a trend arrow stated in words, or next to the name in a title, is read', () => {
    expect(parseReport('Trend Arrow:\n\nTestland received an upward trend arrow due to reforms.').trendArrow).toBe(
      'up',
    );
    const r = parseReport('Freedom in the World 2011 - Testland \u2193\nPolitical Rights: 6\n\nText.');
    expect(r.entity).toBe('Testland');
    expect(r.trendArrow).toBe('down');
  });

  it('reads Add Q under its long heading', () => {
    const r = parseReport(
      [
        'C3. Is it open? 0 / 4',
        '',
        'Text.',
        '',
        'ADDITIONAL DISCRETIONARY POLITICAL RIGHTS QUESTION',
        '',
        'Is it changing? \u22123 / 0',
        '',
        'Text.',
      ].join('\n'),
    );
    expect(r.scores.addQ).toBe(3);
    expect(r.narrative.addQ?.question).toBe('Is it changing?');
  });

  it('reads the 2015 page layout, where labels and legends stand on lines of their own', () => {
    const r = parseReport(
      [
        'Freedom in the World 2015',
        '2015 Scores',
        '',
        'Not Free',
        '',
        'Freedom Rating',
        '(1 = best, 7 = worst)',
        '',
        'Civil Liberties',
        '(1 = best, 7 = worst)',
        '',
        'Political Rights',
        '(1 = best, 7 = worst)',
        '',
        'Trend Arrow: ',
        '',
        'Testland received a downward trend arrow due to a crackdown.',
        '',
        'The year saw fighting.',
        '',
        'Political Rights: 1 / 40',
        '',
        'A. Electoral Process: 0 / 12',
        '',
        'Text.',
      ].join('\n'),
    );
    expect(r.edition).toBe(2015);
    expect(r.status).toBe('NF');
    expect(r.ratings).toEqual({ pr: null, cl: null, freedom: null });
    expect(r.trendArrow).toBe('down');
    expect(r.statements.trendArrow).toMatch(/^Testland received/);
    expect(r.overview).toEqual(['The year saw fighting.']);
    expect(r.scores.PR).toBe(1);
    expect(r.scores.A).toBe(0);
  });

  it('says what the text states inconsistently, with the line', () => {
    const r = parseReport(
      'Political Rights: 20 / 40\nA. Electoral Process: 6 / 12\nB. Political Pluralism and Participation: 8 / 16\nC. Functioning of Government: 5 / 12\n\nText.',
    );
    expect(r.scores.PR).toBe(20);
    expect(r.diagnostics).toContainEqual({
      line: 1,
      severity: 'warning',
      message: 'inconsistent: Political Rights is 20, but A + B + C = 19 (no Add Q stated)',
    });
  });

  it('reads figures glued to their labels', () => {
    const r = parseReport(
      [
        'Not Free26/100',
        'PR Political Rights10/40',
        'CL Civil Liberties16/60',
        "Last Year's Score & Status26/100 Not Free",
        '',
        'Overview',
        '',
        'Text.',
      ].join('\n'),
    );
    expect(r.status).toBe('NF');
    expect(r.scores).toMatchObject({ total: 26, PR: 10, CL: 16 });
    expect(r.lastYear).toEqual({ total: 26, status: 'NF' });
  });

  it('reads decimals and figures glued to their maximum ("Freedom Rating: 5.5/7", the 2017 pages)', () => {
    const r = parseReport(
      [
        'Freedom in the World 2017 - Testland',
        'Freedom Status: Partly Free',
        'Aggregate Score: 41/100',
        'Freedom Rating: 4.5/7',
        'Political Rights: 5/7',
        'Civil Liberties: 4 / 7',
        '',
        'Political Rights: 14/40',
        '',
        'A. Electoral Process:',
        '5/12',
        '',
        'Text.',
      ].join('\n'),
    );
    expect(r.ratings).toEqual({ pr: 5, cl: 4, freedom: 4.5 });
    expect(r.scores).toMatchObject({ total: 41, PR: 14, CL: null, A: 5 });
    expect(r.diagnostics.filter((d) => d.severity !== 'info' && !d.message.startsWith('inconsistent'))).toEqual([]);
  });

  it('takes no figure printed with decimals where a whole number belongs, or out of the wrong maximum', () => {
    const r = parseReport(
      'Freedom Rating: 5.5/10\nPolitical Rights: 6.5 / 40\nB. Political Pluralism and Participation: 7.5/16\n\nText.',
    );
    expect(r.ratings.freedom).toBe(null);
    expect(r.scores.PR).toBe(null);
    expect(r.scores.B).toBe(null);
    expect(r.diagnostics.map((d) => [d.line, d.message])).toEqual([
      [1, 'the Freedom Rating is printed out of 10; it runs from 1 to 7; not taken'],
      [2, 'PR score "6.5 / 40" is not a whole number; not taken'],
      [3, 'B score "7.5/16" is not a whole number; not taken'],
    ]);
  });

  it('reads the one-line text of a browser-printed 2020+ page: the total before the status word, print headers anywhere', () => {
    const header = (page: number) =>
      `${page === 1 ? '' : `https://freedomhouse.org/country/testland/freedom-world/2026 ${page - 1}/3 `}` +
      `3/2/26, 9:41 AM Testland: Freedom in the World 2026 Country Report | Freedom House`;
    const text = [
      header(1),
      'FREEDOM IN THE WORLD 2026 Testland 65 PARTLY FREE /100 Political Rights 27 /40 Civil Liberties 38 /60',
      "LAST YEAR'S SCORE & STATUS 67 /100 Partly Free",
      'Overview The courts in the country were busy all year and the opposition held rallies in the',
      header(2),
      'capital without trouble. Key Developments in 2025 • Elections were held in spring. • A new law passed.',
      'Political Rights A Electoral Process A1 0-4 pts Was the current head of government elected fairly? 3 /4',
      'The president was elected in a vote that observers judged',
      header(3),
      'credible. A2 0-4 pts Were the legislators elected fairly? 2 /4 The vote was mostly calm.',
      'https://freedomhouse.org/country/testland/freedom-world/2026 3/3',
    ].join(' ');
    const r = parseReport(text);
    expect({ entity: r.entity, edition: r.edition, status: r.status }).toEqual({
      entity: 'Testland',
      edition: 2026,
      status: 'PF',
    });
    expect(r.scores).toMatchObject({ total: 65, PR: 27, CL: 38, indicators: { A1: 3, A2: 2 } });
    expect(r.lastYear).toEqual({ total: 67, status: 'PF' });
    expect(r.overview).toEqual([
      'The courts in the country were busy all year and the opposition held rallies in the capital without trouble.',
    ]);
    expect(r.keyDevelopments).toEqual(['Elections were held in spring.', 'A new law passed.']);
    expect(r.narrative.indicators.A1?.paragraphs).toEqual([
      'The president was elected in a vote that observers judged credible.',
    ]);
    expect(r.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
  });
});
