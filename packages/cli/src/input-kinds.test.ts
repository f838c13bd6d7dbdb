import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { emptyReport, INDICATOR_LAYOUT, renderText } from '@freedom-ratings/core';
import { fiw } from '../../../test-support/cli.js';

/*
 * Files a new user hands to the wrong command, or with a slip in them: one
 * line that says what the file is and what to do, never a parser's
 * complaint about line 62.
 */
const dir = mkdtempSync(join(tmpdir(), 'fiw-input-kinds-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

const report = emptyReport();
Object.assign(report, {
  entity: 'Testland',
  edition: 2018,
  status: 'NF',
  overview: ['He said "no" twice, then left.'],
});
report.scores.total = 20;
report.ratings = { pr: 6, cl: 6, freedom: 6 };

describe('files of the wrong kind', () => {
  it('fiw check and fiw score on a country report point to fiw report check', () => {
    const path = file('report.txt', renderText(report, '2018'));
    for (const command of ['check', 'score']) {
      const r = fiw([command, path]);
      expect(r.code, command).toBe(2);
      expect(r.stderr).toBe(
        "fiw: report.txt: a country report's text, not a table of scores: check it with fiw report check report.txt\n",
      );
    }
  });

  it('fiw import and fiw check on a JSON file that is none of the accepted kinds say so in one line', () => {
    const path = file('package.json', JSON.stringify({ name: 'x', version: '1.0.0', scripts: { a: 'b' } }, null, 2));
    const check = fiw(['check', path]);
    expect(check.code).toBe(2);
    expect(check.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(check.stderr).toMatch(/^fiw: package\.json: JSON, but not one of the inputs read here/);
    const imported = fiw(['import', '--db', join(dir, 'db.sqlite'), path]);
    expect(imported.code).toBe(2);
    expect(imported.stderr).toMatch(/^fiw: package\.json: JSON, but not one of the inputs read here/);
    expect(
      imported.stderr
        .trimEnd()
        .split('\n')
        .filter((l) => l.includes('package.json')),
    ).toHaveLength(1);
  });

  it('a misspelt header names the cell and the column it is closest to', () => {
    const header = INDICATOR_LAYOUT.map((c) => (c === 'Country/Territory' ? 'Counrty/Territory' : c));
    const path = file('misspelt.csv', `${header.join(',')}\nTestland,Europe,c,2024\n`);
    const r = fiw(['check', path]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'fiw: misspelt.csv, line 1, column 1 ("Counrty/Territory"): no Freedom House header found: "Counrty/Territory" is not a column name; did you mean "Country/Territory"?\n',
    );
  });
});
