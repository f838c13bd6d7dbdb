import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { fiw } from '../../test-support/cli.js';
import { REPO_ROOT } from '../../test-support/shared.js';
import { describeDialects, type DialectHarness } from './dialect-harness.js';

/**
 * Issue 11, Corrections: an import of a file whose stated PR disagrees with
 * its scores used to exit 0, store, and say "the first value was kept" while
 * the database held the computed value. Now each conflict says which value is
 * stored; without --accept-computed it is a finding: exit 1, nothing stored
 * (all files or none, as for bad input). Run through the built `fiw`.
 */

const dir = mkdtempSync(join(tmpdir(), 'fiw-import-conflicts-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const example = readFileSync(join(REPO_ROOT, 'examples/kazakhstan-2014-subcategories.csv'), 'utf8');
// A raised from 2 to 3, while the file still states PR 6 and Total 25: its scores give PR 7 and Total 26.
const raised = example.replace('Kazakhstan,Eurasia,c,2014,NF,6,5,2,3,1,', 'Kazakhstan,Eurasia,c,2014,NF,6,5,3,3,1,');

function write(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const prOf = (db: string) => {
  const csv = fiw(['export', '--db', db, '--layout', 'subcategories', '--edition', '2014']).stdout.split('\n');
  const header = csv[0]!.split(',');
  const row = csv[1]!.split(',');
  return { A: Number(row[header.indexOf('A')]), PR: Number(row[header.indexOf('PR')]) };
};

function suite(h: DialectHarness) {
  it('refuses a stated figure that differs from the computed one: exit 1, every conflict named, nothing stored', async () => {
    const db = await h.fresh();
    const good = fiw(['import', '--db', db, write('good.csv', example)]);
    expect(good.code, good.stderr).toBe(0);
    expect(good.stdout).not.toMatch(/conflict \(/);
    expect(prOf(db)).toEqual({ A: 2, PR: 6 });

    const wrong = write('wrong.csv', raised);
    const before = await h.snapshot(db);
    const refused = fiw(['import', '--db', db, wrong]);
    expect(refused.code).toBe(1);
    expect(refused.stdout.split('\n')).toEqual([
      'read wrong.csv: subcategory scores',
      'conflicts (2): figures the files state that differ from those computed from the scores',
      '  Kazakhstan 2014 PR: wrong.csv states 6, its own scores give 7 — would be stored: the scores, so PR would be 7; the stated 6 would not be used',
      '  Kazakhstan 2014 Total: wrong.csv states 25, its own scores give 26 — would be stored: the scores, so Total would be 26; the stated 25 would not be used',
      'nothing was imported: run again with --accept-computed to store the scores and compute these figures from them',
      '',
    ]);
    // Every file or none: a good file beside it is not imported either.
    const other = write('norway.csv', example.replace(/Kazakhstan/g, 'Norway'));
    expect(fiw(['import', '--db', db, other, wrong]).code).toBe(1);
    const json = fiw(['import', '--db', db, wrong, '--format', 'json']);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({
      imported: false,
      conflicts: [
        { entity: 'Kazakhstan', edition: 2014, field: 'PR', kind: 'stated', kept: { value: 7 }, other: { value: 6 } },
        {
          entity: 'Kazakhstan',
          edition: 2014,
          field: 'Total',
          kind: 'stated',
          kept: { value: 26 },
          other: { value: 25 },
        },
      ],
    });
    expect(await h.snapshot(db)).toBe(before);
    expect(prOf(db)).toEqual({ A: 2, PR: 6 });
  });

  it('with --accept-computed stores the scores and says the stored figure is the computed one', async () => {
    const db = await h.fresh();
    const accepted = fiw(['import', '--db', db, '--accept-computed', write('wrong.csv', raised)]);
    expect(accepted.code, accepted.stderr).toBe(0);
    expect(accepted.stdout).toContain(
      '  Kazakhstan 2014 PR: wrong.csv states 6, its own scores give 7 — stored: the scores, so PR is 7; the stated 6 is not used',
    );
    expect(accepted.stdout).not.toContain('the first value was kept');
    expect(accepted.stdout).toMatch(/assessments: 1 new/);
    expect(prOf(db)).toEqual({ A: 3, PR: 7 });
  });

  it('refuses to change a published value unless --correct --reason says why, then makes release 2', async () => {
    const db = await h.fresh();
    expect(fiw(['import', '--db', db, write('good.csv', example)]).code).toBe(0);
    const raisedFile = write('raised.csv', raised);
    const before = await h.snapshot(db);

    const refused = fiw(['import', '--db', db, '--accept-computed', raisedFile]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('Edition 2014 is published (release 1); this import would change');
    expect(refused.stderr).toContain('  Kazakhstan, A: 2 → 3');
    expect(refused.stderr).toContain('  Kazakhstan, Political Rights: 6 → 7');
    expect(refused.stderr).toContain('run it again with --correct --reason "why"');
    expect(refused.stderr).toContain('nothing was imported');
    expect(await h.snapshot(db)).toBe(before);

    const reasonless = fiw(['import', '--db', db, '--accept-computed', '--correct', raisedFile]);
    expect(reasonless.code).toBe(2);
    expect(reasonless.stderr).toContain('--correct needs --reason');
    expect(await h.snapshot(db)).toBe(before);
    const blank = fiw(['import', '--db', db, '--accept-computed', '--correct', '--reason', ' ', raisedFile]);
    expect(blank.code).toBe(2);
    expect(await h.snapshot(db)).toBe(before);

    const corrected = fiw([
      'import',
      '--db',
      db,
      '--accept-computed',
      '--correct',
      '--reason',
      'A was mistyped',
      raisedFile,
    ]);
    expect(corrected.code, corrected.stderr).toBe(0);
    expect(corrected.stdout).toContain('corrected edition 2014: release 2,');
    expect(corrected.stdout).toContain('  Kazakhstan, A: 2 → 3');
    expect(prOf(db)).toEqual({ A: 3, PR: 7 });
  });
}

describeDialects('fiw import: stated figures that differ from the computed ones', suite);
