import { describe, expect, it } from 'vitest';
import { emptyReport, type Report } from './model.js';
import { parseReport } from './parse.js';
import { renderHtml } from './render-html.js';
import { renderMarkdown } from './render-markdown.js';
import { renderText } from './render-text.js';

function sample(): Report {
  const r = emptyReport();
  r.entity = 'Testland <&> "Isles"';
  r.edition = 2019;
  r.status = 'PF';
  r.ratings = { pr: 4, cl: 4, freedom: 4 };
  r.scores = { ...r.scores, total: 50, PR: 20, CL: 30, A: 6, B: 8, C: 6, D: 9, E: 6, F: 7, G: 8 };
  r.scores.indicators = { A1: 2, A2: 2, A3: 2 };
  r.changes.total = -2;
  r.changes.indicators = { A1: -1 };
  r.overview = ['A *starred* _word_ and a | pipe, # not a heading.'];
  r.keyDevelopments = ['- not a list item'];
  r.narrative.indicators.A1 = { question: 'Is it <free>?', paragraphs: ['Text & more.'], scoreChanges: ['It fell.'] };
  return r;
}

describe('HTML rendering', () => {
  const html = renderHtml(sample(), '2018');

  it('is a standalone, accessible page: language, one h1, headings in order, a table with row headers', () => {
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="en">/);
    expect(html.match(/<h1[ >]/g)).toHaveLength(1);
    const levels = [...html.matchAll(/<h([1-6])[ >]/g)].map((m) => Number(m[1]));
    for (let i = 1; i < levels.length; i++) expect(levels[i]! - levels[i - 1]!).toBeLessThanOrEqual(1);
    expect(html).toContain('<caption>Status, ratings and scores</caption>');
    expect(html).toContain(
      '<tr><th scope="row">Aggregate Score</th><td>50 (−2) (0 = Least Free, 100 = Most Free)</td></tr>',
    );
    expect(html).toContain('<h4 id="a1">A1. Is it &#60;free&#62;? 2 / 4 (−1)</h4>');
  });

  it('escapes text, prints cleanly and names its source', () => {
    expect(html).toContain('<title>Freedom in the World 2019 - Testland &#60;&#38;&#62; &#34;Isles&#34;</title>');
    expect(html).not.toContain('<&>');
    expect(html).toContain('@media print');
    expect(html).toContain('break-after: avoid');
    expect(html).toContain('Source: Freedom House, Freedom in the World.');
  });

  it('reads back to the same report', () => {
    expect(parseReport(html).entity).toBe('Testland <&> "Isles"');
    expect(parseReport(html).narrative.indicators.A1?.question).toBe('Is it <free>?');
  });
});

describe('Markdown rendering', () => {
  const md = renderMarkdown(sample(), '2018');

  it('uses headings and a figures table, escaping what would be markup', () => {
    expect(md).toMatch(/^# Freedom in the World 2019 - Testland \\<&\\> "Isles"\n/);
    expect(md).toContain('| Figure | Value |');
    expect(md).toContain('| Freedom Status | Partly Free |');
    expect(md).toContain('## Political Rights: 20 / 40');
    expect(md).toContain('#### A1. Is it \\<free\\>? 2 / 4 (−1)');
    expect(md).toContain('A \\*starred\\* \\_word\\_ and a \\| pipe, # not a heading.');
    expect(md).toContain('- \\- not a list item');
  });

  it('reads back to the same text', () => {
    const back = parseReport(md);
    expect(back.overview).toEqual(sample().overview);
    expect(back.keyDevelopments).toEqual(sample().keyDevelopments);
    expect(back.entity).toBe(sample().entity);
  });
});

describe('text rendering', () => {
  it('shows a change only when there is one, with a real minus sign', () => {
    const r = sample();
    r.changes.A = 0;
    r.changes.B = 2;
    const text = renderText(r, '2014');
    expect(text).toContain('A. Electoral Process: 6 / 12\n');
    expect(text).toContain('B. Political Pluralism and Participation: 8 / 16 (+2)\n');
    expect(renderText(r, '2020')).toContain('50 / 100 (\u22122)');
  });

  it('prints no figure the report does not state', () => {
    const text = renderText(emptyReport(), '2014');
    expect(text.trim()).toBe('');
  });
});
