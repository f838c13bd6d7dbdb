import { describe, expect, it } from 'vitest';
import { INDICATOR_LAYOUT } from '../fh-files/columns.js';
import { REPORT_LAYOUTS } from './layout.js';
import { emptyReport } from './model.js';
import { renderHtml } from './render-html.js';
import { renderMarkdown } from './render-markdown.js';
import { renderText } from './render-text.js';
import { looksLikeCountryReport } from './looks-like-report.js';

describe('looksLikeCountryReport', () => {
  const r = emptyReport();
  Object.assign(r, { entity: 'Testland', edition: 2024, status: 'PF' as const, overview: ['The year was calm.'] });
  r.scores.total = 55;
  r.scores.PR = 20;
  r.scores.CL = 35;
  r.ratings = { pr: 3, cl: 4, freedom: 3.5 };

  it('recognises a report in every layout and format', () => {
    for (const layout of REPORT_LAYOUTS)
      for (const render of [renderText, renderMarkdown, renderHtml])
        expect(looksLikeCountryReport(render(r, layout)), `${layout} ${render.name}`).toBe(true);
  });

  it('does not take a table, or prose that mentions a label once, for a report', () => {
    expect(looksLikeCountryReport(`${INDICATOR_LAYOUT.join(',')}\nTestland,Europe,c,2024,F,1,1\n`)).toBe(false);
    expect(looksLikeCountryReport('entity,edition,status\nTestland,2024,Free\n')).toBe(false);
    expect(looksLikeCountryReport('Notes on the data\nPolitical Rights are scored out of 40.\n')).toBe(false);
  });
});
