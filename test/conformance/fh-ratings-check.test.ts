import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { readFhRatingsTables, type FhRecord } from '@freedom-ratings/core';
import { readInputFile } from '@freedom-ratings/sheets';
import { fiw } from '../../test-support/cli.js';
import { dataFile, describeShared } from '../../test-support/shared.js';

/**
 * Issue 12 item 17: `fiw check` and `fiw score` read FH's ratings-and-statuses
 * workbook, as `fiw import` does, and check each status against the ratings by
 * the edition's rule where the methodology has one that decides it. Per the
 * methodology notes (§6.1): FIW 2004 on, the Freedom Rating (the average of
 * the ratings) decides (≤ 2.5 Free, 3.0–5.0 Partly Free, ≥ 5.5 Not Free); FIW
 * 2003 the same except that a 5.5 went either way on unpublished raw points;
 * before FIW 2003 raw points decided, so a status there can only be taken as
 * stated. Result on FH's real file: no row disagrees. Every FIW 2004–2024
 * status follows the rule (the notes found 0 mismatches too); the statuses not
 * checked are the 5,192 of the editions before FIW 2003 and the 24 FIW 2003
 * rows with a 5.5, of which Azerbaijan and Jordan are Partly Free and 22 Not Free.
 */

const WORKBOOK = 'Country_and_Territory_Ratings_and_Statuses_FIW_1973-2024.xlsx';
const COUNTRIES_CSV = 'Country_and_Territory_Ratings_and_Statuses_FIW_1973-2024_Country_Ratings_Statuses_wide.csv';

interface CheckReport {
  file: string;
  rows: number;
  statusAsStated?: number;
  discrepancies: {
    row: number;
    sheet: string | null;
    entity: string;
    edition: number;
    column: string;
    stated: unknown;
    computed: unknown;
  }[];
  notes?: string[];
}

function check(path: string): { code: number; report: CheckReport } {
  const r = fiw(['check', path, '--format', 'json']);
  expect(r.code === 0 || r.code === 1, r.stderr).toBe(true);
  return { code: r.code, report: JSON.parse(r.stdout) };
}

/** The workbook's records as the readers give them, to count what the notes say is not decidable. */
function records(name: string): FhRecord[] {
  const input = readInputFile(readFileSync(dataFile(name)), name);
  if (input.format === 'json') throw new Error('not a table');
  const read = readFhRatingsTables(input.tables);
  expect(read.errors).toEqual([]);
  return read.records;
}

const freedomRating = (r: FhRecord) => (r.input.ratings!.pr + r.input.ratings!.cl) / 2;

describeShared("fiw check and fiw score on FH's ratings-and-statuses file", () => {
  it('agrees with every status a rule decides, and takes exactly the undecidable ones as stated', () => {
    const all = records(WORKBOOK);
    const before2003 = all.filter((r) => r.edition < 2003 && r.input.status);
    const fiw2003AtFivePointFive = all.filter((r) => r.edition === 2003 && freedomRating(r) === 5.5);
    expect(before2003).toHaveLength(5192);
    expect(fiw2003AtFivePointFive).toHaveLength(24);
    expect(fiw2003AtFivePointFive.filter((r) => r.input.status === 'PF').map((r) => r.entity)).toEqual([
      'Azerbaijan',
      'Jordan',
    ]);

    const { code, report } = check(dataFile(WORKBOOK));
    expect(report).toMatchObject({ file: WORKBOOK, rows: all.length, discrepancies: [] });
    expect(report.rows).toBe(9811);
    expect(report.statusAsStated).toBe(before2003.length + fiw2003AtFivePointFive.length);
    // South Africa, Jan.-Feb. 1973: separate figures for two populations, read as the first and said so.
    expect(report.notes).toHaveLength(3);
    expect(report.notes!.every((n) => n.includes('South Africa Jan.-Feb. 1973'))).toBe(true);
    expect(code).toBe(0);
  });

  it('reports a status that breaks the rule with row, entity, edition, column, stated and computed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fiw-ratings-'));
    const lines = readFileSync(dataFile(COUNTRIES_CSV), 'utf8').split('\n');
    const editions = lines[0]!.split(',');
    const norway = lines.findIndex((l) => l.startsWith('Norway,'));
    const jordan = lines.findIndex((l) => l.startsWith('Jordan,'));
    const set = (line: number, label: string, status: string) => {
      const cells = lines[line]!.split(',');
      cells[editions.indexOf(label) + 2] = status;
      lines[line] = cells.join(',');
    };
    set(norway, '2010', 'PF'); // FIW 2010 Norway 1/1: the rule gives Free
    set(norway, '1990-91', 'NF'); // before FIW 2003: raw points decided, nothing to check against
    set(jordan, '2003', 'NF'); // FIW 2003 at 5.5: either status was possible
    const edited = join(dir, 'countries.csv');
    writeFileSync(edited, lines.join('\n'));

    const { code, report } = check(edited);
    expect(code).toBe(1);
    expect(report.discrepancies).toEqual([
      { row: norway + 1, sheet: null, entity: 'Norway', edition: 2010, column: 'Status', stated: 'PF', computed: 'F' },
    ]);
    const text = fiw(['check', edited]);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain(`countries.csv, line ${norway + 1}: Norway 2010: Status: stated PF, computed F`);

    const scored = fiw(['score', edited]);
    expect(scored.code).toBe(0);
    const out = scored.stdout.split('\n');
    const header = out[0]!.split(',');
    const status = (entity: string, label: string) =>
      out.find((l) => l.startsWith(`${entity},`))!.split(',')[header.indexOf(label) + 2];
    // Computed where the rule decides; as stated where it cannot.
    expect([status('Norway', '2010'), status('Norway', '1990-91'), status('Jordan', '2003')]).toEqual([
      'F',
      'NF',
      'NF',
    ]);
  });

  it("prints the workbook's layout, both sheets, with the status each rule gives, and reads back the same", () => {
    const scored = fiw(['score', dataFile(WORKBOOK)]);
    expect(scored.code).toBe(0);
    const [countries, territories] = scored.stdout.trimEnd().split('\n\n');
    expect(countries!.startsWith('Survey Edition,Jan.-Feb. 1973,,,')).toBe(true);
    expect(territories!.startsWith('Survey Edition,')).toBe(true);
    const dir = mkdtempSync(join(tmpdir(), 'fiw-ratings-'));
    writeFileSync(join(dir, 'countries.csv'), countries + '\n');
    writeFileSync(join(dir, 'territories.csv'), territories + '\n');
    const c = check(join(dir, 'countries.csv')).report;
    const t = check(join(dir, 'territories.csv')).report;
    expect(c.discrepancies).toEqual([]);
    expect(t.discrepancies).toEqual([]);
    expect(c.rows + t.rows).toBe(9811);
    const json = JSON.parse(fiw(['score', dataFile(WORKBOOK), '--format', 'json']).stdout);
    expect(json).toHaveLength(9811);
    expect(
      json.find((r: Record<string, unknown>) => r['Country/Territory'] === 'Norway' && r.Edition === 2024),
    ).toEqual({
      'Country/Territory': 'Norway',
      'C/T': 'c',
      Edition: 2024,
      'PR rating': 1,
      'CL rating': 1,
      'Freedom rating': 1,
      Status: 'F',
    });
  });
});
