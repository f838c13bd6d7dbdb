import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, expect, it } from 'vitest';
import { INDICATOR_LAYOUT } from '@freedom-ratings/core';
import { migrationsFor } from '../../packages/db/src/migrations/index.js';
import { FIW, fiw } from '../../test-support/cli.js';
import { dataFile, describeShared } from '../../test-support/shared.js';
import { describeDialects, type DialectHarness } from './dialect-harness.js';

const out = mkdtempSync(join(tmpdir(), 'fiw-db-cli-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

it('fiw db migrate creates the SQLite file from DATABASE_URL and is a no-op the second time', () => {
  const target = join(out, 'nested', 'migrated.db');
  const first = fiw(['db', 'migrate'], { env: { DATABASE_URL: target } });
  expect(first.stderr).toBe('');
  expect(first.stdout).toMatch(/applied 0001-ratings, 0002-studio/);
  expect(first.code).toBe(0);
  const second = fiw(['db', 'migrate', '--db', target]);
  expect(second.stdout).toContain(`schema up to date (${Object.keys(migrationsFor('sqlite')).length} migrations)`);
});

it('two fiw db migrate started together on a new SQLite file both succeed, and migrate it once', async () => {
  const run = (target: string) =>
    new Promise<{ code: number | null; out: string }>((resolve) => {
      const child = spawn(process.execPath, [FIW, 'db', 'migrate', '--db', target], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let text = '';
      child.stdout.on('data', (d: Buffer) => (text += d.toString()));
      child.stderr.on('data', (d: Buffer) => (text += d.toString()));
      child.on('close', (code) => resolve({ code, out: text }));
    });
  for (let i = 0; i < 4; i++) {
    const target = join(out, `race-${i}.db`);
    const results = await Promise.all([run(target), run(target)]);
    const seen = JSON.stringify(results);
    expect(
      results.map((r) => r.code),
      seen,
    ).toEqual([0, 0]);
    expect(
      results.filter((r) => /applied 0001-ratings, 0002-studio/.test(r.out)),
      seen,
    ).toHaveLength(1);
  }
});

it('fiw db migrate reports an unreachable PostgreSQL in one line', () => {
  const r = fiw(['db', 'migrate', '--db', 'postgres://postgres@127.0.0.1:1/none']);
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(
    /^fiw: cannot prepare database postgres:\/\/postgres@127\.0\.0\.1:1\/none: connection refused\n$/,
  );
});

it('fiw import prints the true line and column of a broken CSV, once, and imports nothing', () => {
  const db = join(out, 'broken-csv.db');
  const bad = join(out, 'bad.csv');
  writeFileSync(bad, `${INDICATOR_LAYOUT.join(',')}\nChile,Americas,c,2014\nPeru,"Americas,c,2014\n`);
  const r = fiw(['import', '--db', db, bad]);
  expect(r.code).toBe(2);
  expect(r.stderr).toBe('fiw: bad.csv, line 3, column 2: a quoted field is never closed\nnothing was imported\n');
});

it('fiw import prints the sheet, row and column of a bad XLSX cell, once, and imports nothing', async () => {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Notes').addRow(['about this file']);
  const sheet = wb.addWorksheet('FIW13-25');
  sheet.addRow([...INDICATOR_LAYOUT]);
  // Kazakhstan FIW 2014 as FH states it, with B3 spoilt.
  const row: (string | number)[] = [
    'Kazakhstan', 'Eurasia', 'c', 2014, 'NF', 6, 5,
    1, 0, 1, 2, 1, 1, 1, 0, 3, 0, 1, 0, 1, 0, 0, 6,
    1, 1, 2, 1, 5, 1, 1, 1, 3, 1, 1, 1, 1, 4, 2, 1, 2, 2, 7, 19, 25,
  ]; // prettier-ignore
  row[INDICATOR_LAYOUT.indexOf('B3')] = 'three';
  sheet.addRow(row);
  const bad = join(out, 'bad.xlsx');
  writeFileSync(bad, new Uint8Array(await wb.xlsx.writeBuffer()));
  const db = join(out, 'bad-xlsx.db');
  const r = fiw(['import', '--db', db, bad]);
  expect(r.code).toBe(2);
  expect(r.stderr).toBe(
    'fiw: bad.xlsx, sheet "FIW13-25", row 2, column N ("B3"): "three" is not a whole number; expected a whole number 0–4\n' +
      'nothing was imported\n',
  );
  const check = fiw(['export', '--db', db, '--format', 'json']);
  expect(check.stderr).toMatch(/^fiw: nothing to export: no published data in the database/);
});

it('fiw export of an edition with no published data says there is nothing to export, writes nothing and exits 1', () => {
  const db = join(out, 'empty.db');
  expect(fiw(['db', 'migrate', '--db', db]).code).toBe(0);
  for (const format of ['csv', 'xlsx', 'json', 'datapackage']) {
    const target = join(out, `nothing-${format}`);
    const r = fiw(['export', '--db', db, '--edition', '2024', '--format', format, '--out', target]);
    expect(r.code, format).toBe(1);
    expect(r.stderr).toBe(
      'fiw: nothing to export: no published data for edition 2024 in the database (load some with fiw import)\n',
    );
    expect(existsSync(target), format).toBe(false);
  }
  const toStdout = fiw(['export', '--db', db]);
  expect(toStdout.code).toBe(1);
  expect(toStdout.stdout).toBe('');
  expect(toStdout.stderr).toMatch(/^fiw: nothing to export: no published data in the database/);
});

function cliSuite(h: DialectHarness) {
  it('imports, says so on re-import, exports FH’s CSV unchanged and refuses bad input', async () => {
    const db = await h.fresh();
    const first = fiw(['import', '--db', db, dataFile('All_data_FIW_2013-2024.xlsx')]);
    // stderr may carry progress lines on a slow machine, never an error.
    expect(first.stderr).not.toMatch(/fiw:/);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/assessments: 2,723 new, 0 changed, 0 unchanged/);

    const again = fiw(['import', '--db', db, dataFile('All_data_FIW_2013-2024.csv')]);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/nothing changed: the database already holds exactly this data \(2,723 assessments\)/);

    const csv = fiw(['export', '--db', db]);
    expect(csv.code).toBe(0);
    expect(csv.stdout).toBe(readFileSync(dataFile('All_data_FIW_2013-2024.csv'), 'utf8'));

    const json = fiw(['export', '--db', db, '--format', 'json', '--edition', '2014']);
    expect(JSON.parse(json.stdout)).toHaveLength(209);

    const before = await h.snapshot(db);
    const bad = fiw(['import', '--db', db, dataFile('All_data_FIW_2013-2024.csv'), join(out, 'missing.csv')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/missing\.csv: no such file/);
    const wrong = fiw(['import', '--db', db, dataFile('README.md')]);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/^fiw: README\.md, line 1: no Freedom House header found/);
    expect(wrong.stderr).toMatch(/nothing was imported\n$/);
    expect(await h.snapshot(db)).toBe(before);
  });

  it('writes a data package directory and refuses one without --out', async () => {
    const db = await h.fresh();
    expect(fiw(['import', '--db', db, dataFile('All_data_FIW_2013-2024.csv')]).code).toBe(0);
    const dir = join(out, `package-${h.dialect}`);
    const r = fiw(['export', '--db', db, '--format', 'datapackage', '--out', dir]);
    expect(r.code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['data', 'datapackage.json']);
    expect(readdirSync(join(dir, 'data')).sort()).toEqual([
      'editions.csv',
      'entities.csv',
      'indicator_scores.csv',
      'narratives.csv',
      'ratings.csv',
    ]);
    // The same data gives the same bytes, file for file, on another run.
    const again = join(out, `package-again-${h.dialect}`);
    expect(fiw(['export', '--db', db, '--format', 'datapackage', '--out', again]).code).toBe(0);
    for (const f of ['datapackage.json', ...readdirSync(join(dir, 'data')).map((n) => join('data', n))])
      expect(readFileSync(join(again, f)).equals(readFileSync(join(dir, f))), f).toBe(true);
    const refused = fiw(['export', '--db', db, '--format', 'datapackage']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/--out DIR/);
    const intoDir = fiw(['export', '--db', db, '--out', out]);
    expect(intoDir.code).toBe(2);
    expect(intoDir.stderr).toMatch(/cannot write \(is a directory\)/);
    const unknown = fiw(['export', '--db', db, '--edition', '2002']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown edition "2002"/);
  });
}

describeShared('fiw import and export', () => {
  describeDialects('fiw import and export', cliSuite);
});
