import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseReport, type Report } from '@freedom-ratings/core';
import { fiw } from '../../test-support/cli.js';
import { dataFile, describeShared, fixtureFile } from '../../test-support/shared.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'fiw-report-'));
});

const write = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

const small = [
  'Freedom in the World 2015 - Testland',
  '2015 Scores',
  'Status: Partly Free',
  'Freedom Rating (1 = best, 7 = worst): 4.0',
  'Civil Liberties (1 = best, 7 = worst): 4',
  'Political Rights (1 = best, 7 = worst): 4',
  '',
  'Political Rights: 20 / 40 (+1)',
  '',
  'A. Electoral Process: 6 / 12',
  'B. Political Pluralism and Participation: 8 / 16',
  'C. Functioning of Government: 6 / 12',
  '',
  'Civil Liberties: 30 / 60',
  '',
  'D. Freedom of Expression and Belief: 9 / 16',
  'E. Associational and Organizational Rights: 6 / 12',
  'F. Rule of Law: 7 / 16',
  'G. Personal Autonomy and Individual Rights: 8 / 16',
].join('\n');

describe('fiw report parse | render | check', () => {
  it('parse prints report JSON with the stable keys, from a file or stdin', () => {
    const r = fiw(['report', 'parse', '-'], { input: small });
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as Report;
    expect(Object.keys(report)).toEqual(
      expect.arrayContaining(['entity', 'edition', 'status', 'ratings', 'scores', 'trendArrow', 'diagnostics']),
    );
    expect(report).toMatchObject({ entity: 'Testland', edition: 2015, status: 'PF', trendArrow: null });
    expect(report.ratings).toEqual({ pr: 4, cl: 4, freedom: 4 });
    expect(report.scores).toMatchObject({ PR: 20, CL: 30, A: 6, G: 8, total: null, indicators: {} });
    expect(report.changes.PR).toBe(1);
    expect(report.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    const bad = JSON.parse(
      fiw(['report', 'parse', '-'], { input: small.replace('F. Rule of Law: 7', 'F. Rule of Law: 8') }).stdout,
    ) as Report;
    expect(bad.diagnostics).toContainEqual({
      line: 14,
      severity: 'warning',
      message: 'inconsistent: Civil Liberties is 30, but D + E + F + G = 31',
    });
  });

  it('render turns the JSON back into each layout and format; parse reads each back', () => {
    const json = write('r.json', fiw(['report', 'parse', '-'], { input: small }).stdout);
    for (const format of ['text', 'md', 'html']) {
      const out = fiw(['report', 'render', json, '--layout', '2014', '--format', format]);
      expect(out.code, out.stderr).toBe(0);
      const back = parseReport(out.stdout);
      expect(back.scores.G).toBe(8);
      expect(back.ratings.freedom).toBe(4);
      expect(back.changes.PR).toBe(1);
    }
    const html = fiw(['report', 'render', json, '--format', 'html']).stdout;
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain('<h2 id="pr">Political Rights: 20 / 40 (+1)</h2>');
    expect(html).toContain('<th scope="row">Status</th><td>Partly Free</td>');
    expect(html).toContain('@media print');
  });

  it('render warns on stderr about figures that disagree, and still renders', () => {
    const json = write(
      'r.json',
      fiw(['report', 'parse', '-'], {
        input: small.replace('C. Functioning of Government: 6', 'C. Functioning of Government: 5'),
      }).stdout,
    );
    const r = fiw(['report', 'render', json]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('r.json: warning: Political Rights is 20, but A + B + C = 19');
    expect(r.stdout).toContain('C. Functioning of Government: 5 / 12');
  });

  it('check: a consistent report exits 0', () => {
    const r = fiw(['report', 'check', write('ok.txt', small)]);
    expect(r.stdout).toContain('no findings');
    expect(r.code).toBe(0);
  });

  it('check: wrong arithmetic, rating and status are findings with line numbers, exit 1', () => {
    const bad = small
      .replace(
        'G. Personal Autonomy and Individual Rights: 8 / 16',
        'G. Personal Autonomy and Individual Rights: 9 / 16',
      )
      .replace('Political Rights (1 = best, 7 = worst): 4', 'Political Rights (1 = best, 7 = worst): 3')
      .replace('Status: Partly Free', 'Status: Free');
    const r = fiw(['report', 'check', write('bad.txt', bad)]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('bad.txt:14: Civil Liberties is 30, but D + E + F + G = 31');
    expect(r.stdout).toContain('bad.txt:6: a Political Rights score of 20 gives a rating of 4, not 3');
    expect(r.stdout).toMatch(/bad\.txt:3: the status is Free, but a Freedom Rating of \d\.\d is Partly Free/);
    const json = JSON.parse(fiw(['report', 'check', write('bad.txt', bad), '--format', 'json']).stdout);
    expect(json.findings.map((f: { code: string }) => f.code)).toEqual(
      expect.arrayContaining(['arithmetic', 'rating-band', 'status']),
    );
  });

  it('check: a trend arrow against the FIW 2018 rule is a finding', () => {
    const text = [
      'Freedom in the World 2019 - Testland',
      'Freedom Status: Partly Free',
      'Aggregate Score: 50 (+2) (0 = Least Free, 100 = Most Free)',
      'Trend Arrow: ↓',
      '',
      'Testland received a downward trend arrow.',
    ].join('\n');
    const r = fiw(['report', 'check', write('arrow.txt', text)]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('arrow.txt:4: the downward trend arrow breaks the rule');
  });

  it('bad input: unreadable JSON and wrong types exit 2 with the place, and print nothing on stdout', () => {
    let r = fiw(['report', 'render', write('broken.json', '{\n  "entity": "X",\n  "scores": {"A": }\n}')]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/broken\.json, line 3, column \d+/);
    r = fiw(['report', 'render', write('typed.json', '{"scores": {"A": "two"}, "status": "Free"}')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('typed.json: scores.A: expected a number or null');
    expect(r.stderr).toContain('typed.json: status: expected "F", "PF", "NF" or null');
    r = fiw(['report', 'parse', join(dir, 'missing.txt')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no such file');
    r = fiw(['report', 'parse', write('bin.txt', '\u0000\u0001\u0002')]);
    expect(r.code).toBe(2);
    r = fiw(['report', 'check', write('prose.txt', 'Just a letter.\n\nNothing here is a report.')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('prose.txt: no status, rating or score found');
  });
});

describeShared('fiw report on the real data and fixtures', () => {
  it('parse of every fixture excerpt exits 0 and reports the cut-off with its line', () => {
    const r = fiw(['report', 'parse', fixtureFile('reports', '2021_western-sahara.txt')]);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as Report;
    expect(report).toMatchObject({ entity: 'Western Sahara', kind: 'territory', edition: 2021, status: 'NF' });
    expect(report.scores).toMatchObject({ total: 4, PR: -3, CL: 7 });
    expect(report.diagnostics.some((d) => d.message.includes('cut off'))).toBe(true);
  });

  it('check of the full 2014 seed finds nothing', () => {
    const r = fiw(['report', 'check', fixtureFile('reports', 'full', '2014_kazakhstan.txt')]);
    expect(r.code).toBe(0);
  });

  it('build assembles a report from the scores spreadsheet and the narrative file, names matched ("Gambia")', () => {
    const args = ['report', 'build', '--scores', dataFile('All_data_FIW_2013-2024.csv')];
    args.push('--texts', dataFile('fh_country_rating_text.jsonl'), '--entity', 'Gambia', '--edition', '2019');
    const r = fiw(args);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as Report;
    expect(report).toMatchObject({ entity: 'The Gambia', edition: 2019, status: 'PF' });
    expect(report.scores.total).toBe(45);
    expect(report.changes.total).toBe(4);
    expect(report.lastYear.total).toBe(41);
    expect(Object.keys(report.scores.indicators)).toHaveLength(25);
    expect(report.narrative.indicators.A1?.paragraphs.length).toBeGreaterThan(0);
    expect(report.overview.length).toBeGreaterThan(0);
    // Rendered and parsed back, the figures are the same.
    const text = fiw([...args, '--format', 'text']).stdout;
    const back = parseReport(text);
    expect(back.scores).toEqual(report.scores);
    expect(back.ratings).toEqual(report.ratings);
  });

  it('build --out writes every selected country-edition, each readable back', () => {
    const out = join(dir, 'all-2023');
    const r = fiw([
      'report',
      'build',
      '--scores',
      dataFile('All_data_FIW_2013-2024.csv'),
      '--texts',
      dataFile('fh_country_rating_text.jsonl'),
      '--edition',
      '2023',
      '--format',
      'md',
      '--out',
      out,
    ]);
    expect(r.code, r.stderr).toBe(0);
    const files = readdirSync(out);
    expect(r.stdout).toBe(`${files.length} reports written to ${out}\n`);
    expect(files.length).toBeGreaterThan(150);
    const gambia = parseReport(readFileSync(join(out, 'the-gambia-2023.md'), 'utf8'));
    expect(gambia).toMatchObject({ entity: 'The Gambia', edition: 2023 });
    expect(Object.keys(gambia.scores.indicators)).toHaveLength(25);
  });

  it('build: a broken narrative line is an input error with line and column', () => {
    const texts = write(
      'texts.jsonl',
      '{"country":"Kazakhstan","edition":2019,"sub_item":"Overview","detail":"x"}\n{"country": Kazakhstan}\n',
    );
    const r = fiw([
      'report',
      'build',
      '--scores',
      dataFile('All_data_FIW_2013-2024.csv'),
      '--texts',
      texts,
      '--entity',
      'Kazakhstan',
      '--edition',
      '2019',
    ]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/texts\.jsonl, line 2, column 13: /);
  });

  it('build without --entity and --edition (and no --out) is a usage error', () => {
    const r = fiw([
      'report',
      'build',
      '--scores',
      dataFile('All_data_FIW_2013-2024.csv'),
      '--texts',
      dataFile('fh_country_rating_text.jsonl'),
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--entity and --edition are required');
  });

  it('build: an unknown entity exits 2 with suggestions', () => {
    const r = fiw([
      'report',
      'build',
      '--scores',
      dataFile('All_data_FIW_2013-2024.csv'),
      '--texts',
      dataFile('fh_country_rating_text.jsonl'),
      '--entity',
      'Kazakstan',
      '--edition',
      '2019',
    ]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('did you mean "Kazakhstan"');
  });

  it('the seed report as JSON renders back to its own lines', () => {
    const seed = fixtureFile('reports', 'full', '2014_kazakhstan.txt');
    const json = write('seed.json', fiw(['report', 'parse', seed]).stdout);
    const text = fiw(['report', 'render', json]).stdout;
    const lines = readFileSync(seed, 'utf8').split('\n').filter(Boolean);
    expect(text.split('\n').filter(Boolean)).toEqual(
      lines.slice(0, lines.indexOf('Z = Change from Previous Year') + 1),
    );
  });
});
