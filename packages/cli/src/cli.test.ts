import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fiw } from '../../../test-support/cli.js';
import { REPO_ROOT } from '../../../test-support/shared.js';

const example = (name: string) => join(REPO_ROOT, 'examples', name);
const csvLines = readFileSync(example('indicators.csv'), 'utf8').trim().split('\n');
const header = csvLines[0]!.split(',');
const col = (name: string) => header.indexOf(name);
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'fiw-cli-'));
});

function writeCsv(name: string, lines: string[], eol = '\n'): string {
  const path = join(dir, name);
  writeFileSync(path, lines.join(eol) + eol);
  return path;
}

/** The example file with one cell of data row `row` (1-based) replaced. */
function altered(column: string, value: string, row = 1): string[] {
  return csvLines.map((line, i) => {
    if (i !== row) return line;
    const cells = line.split(',');
    cells[col(column)] = value;
    return cells.join(',');
  });
}

describe('fiw score', () => {
  it('prints the same layout plus the Freedom Rating, recomputed', () => {
    const wrong = writeCsv('wrong.csv', altered('Total', '0'));
    const r = fiw(['score', wrong]);
    expect(r.code).toBe(0);
    const out = r.stdout.trim().split('\n');
    expect(out[0]).toBe(`${csvLines[0]},Freedom rating`);
    expect(out[1]).toBe(`${csvLines[1]},1.0`);
  });

  it('prints JSON objects keyed by column name', () => {
    const r = fiw(['score', example('kazakhstan-2014-subcategories.csv'), '--format', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([
      expect.objectContaining({
        'Country/Territory': 'Kazakhstan', Edition: 2014, Status: 'NF', 'PR rating': 6, 'CL rating': 5,
        A: 2, B: 3, C: 1, D: 4, E: 3, F: 4, G: 8, PR: 6, CL: 19, Total: 25, 'Freedom rating': 5.5,
      }),
    ]); // prettier-ignore
  });

  it('reads XLSX, our JSON and stdin', () => {
    const fromXlsx = fiw(['score', example('indicators.xlsx')]);
    const fromCsv = fiw(['score', example('indicators.csv')]);
    expect(fromXlsx.stdout).toBe(fromCsv.stdout);
    const stdin = fiw(['score', '-'], { input: readFileSync(example('indicators.csv')) });
    expect(stdin.stdout).toBe(fromCsv.stdout);
    const json = fiw(['score', example('assessments.json'), '--format', 'json']);
    expect(json.code).toBe(0);
    expect(
      JSON.parse(json.stdout).map((r: Record<string, unknown>) => [
        r['Country/Territory'],
        r.Status,
        r['Freedom rating'],
      ]),
    ).toEqual([
      ['Kazakhstan', 'NF', 5.5],
      ['Arcadia', 'F', 1],
      ['Borduria', 'NF', 6.5],
    ]);
  });
});

describe('fiw check', () => {
  it('exits 0 when every figure agrees', () => {
    const r = fiw(['check', example('indicators.csv')]);
    expect(r).toMatchObject({ code: 0, stdout: '4 rows checked: all figures agree with the methodology\n' });
  });

  it('lists each discrepancy with row, entity, edition, column, stated and computed, and exits 1', () => {
    const path = writeCsv('bad.csv', altered('PR', '30', 2));
    const r = fiw(['check', path]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(
      'bad.csv, line 3: Borduria 2024: PR: stated 30, computed 5\n4 rows checked: 1 discrepancy in 1 row\n',
    );
    const json = JSON.parse(fiw(['check', path, '--format', 'json']).stdout);
    expect(json).toEqual({
      file: 'bad.csv',
      rows: 4,
      discrepancies: [
        { row: 3, sheet: null, entity: 'Borduria', edition: 2024, column: 'PR', stated: 30, computed: 5 },
      ],
    });
  });

  it('traces a changed indicator to every figure it moves', () => {
    const r = fiw(['check', writeCsv('ind.csv', altered('A1', '0')), '--format', 'json']);
    expect(r.code).toBe(1);
    const d = JSON.parse(r.stdout).discrepancies;
    expect(d.map((x: { column: string }) => x.column)).toEqual(['PR rating', 'A', 'PR', 'Total']);
    expect(new Set(d.map((x: { row: number }) => x.row))).toEqual(new Set([2]));
  });

  it('accepts a UTF-8 BOM, CRLF line endings and sheets in any order', async () => {
    const bom = join(dir, 'bom.csv');
    writeFileSync(bom, '\uFEFF' + csvLines.join('\r\n') + '\r\n');
    expect(fiw(['check', bom]).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(example('indicators.xlsx'));
    const reordered = new ExcelJS.Workbook();
    for (const name of ['FIW-example', 'Index']) {
      const ws = reordered.addWorksheet(name);
      wb.getWorksheet(name)!.eachRow((row) => ws.addRow(row.values as unknown[]));
    }
    const path = join(dir, 'reordered.xlsx');
    await reordered.xlsx.writeFile(path);
    expect(fiw(['check', path]).stdout).toMatch(/^4 rows checked/);
  });
});

describe('bad input', () => {
  const cases: [string, () => string, RegExp][] = [
    ['a score of 5', () => writeCsv('five.csv', altered('B3', '5')), /five\.csv, line 2, column 14 \("B3"\): 5 is out of range/],
    ['a letter', () => writeCsv('letter.csv', altered('C1', 'x')), /letter\.csv, line 2, column 17 \("C1"\): "x" is not a whole number/],
    ['a blank cell', () => writeCsv('blank.csv', altered('D2', '')), /blank\.csv, line 2, column 25 \("D2"\): blank cell/],
    ['a missing column', () => writeCsv('missing.csv', csvLines.map((l) => l.split(',').filter((_, i) => i !== col('G4')).join(','))), /missing\.csv, line 1: missing column "G4"/],
    ['a renamed column', () => writeCsv('renamed.csv', [csvLines[0]!.replace('Add Q', 'AddQ'), ...csvLines.slice(1)]), /renamed\.csv, line 1, column 21 \("AddQ"\): unknown column "AddQ"/],
    ['an unknown edition', () => writeCsv('edition.csv', altered('Edition', '2031')), /edition\.csv, line 2, column 4 \("Edition"\): unknown edition "2031"/],
    ['a duplicated entity-edition row', () => writeCsv('dup.csv', [...csvLines, csvLines[1]!]), /dup\.csv, line 6: duplicate row for Arcadia 2024 \(first at line 2\)/],
    ['an empty file', () => writeCsv('empty.csv', []), /empty\.csv: the file is empty/],
    ['a file that is not CSV/XLSX', () => { const p = join(dir, 'image.png'); writeFileSync(p, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13])); return p; }, /image\.png: not a CSV, XLSX, ODS or JSON file/],
    ['a text file that is not in an FH layout', () => writeCsv('notes.csv', ['hello world', 'second line']), /notes\.csv, line 1: no Freedom House header found/],
    ['a truncated XLSX', () => { const p = join(dir, 'cut.xlsx'); writeFileSync(p, readFileSync(example('indicators.xlsx')).subarray(0, 3000)); return p; }, /cut\.xlsx: not a complete XLSX file/],
    ['a missing file', () => join(dir, 'nope.csv'), /nope\.csv: no such file/],
    ['an invalid JSON file', () => { const p = join(dir, 'broken.json'); writeFileSync(p, '[\n  {"entity": "A",\n  "edition": }\n]'); return p; }, /broken\.json, line 3, column 14: invalid JSON/],
  ]; // prettier-ignore

  it.each(cases)('%s: exit 2, a clear message, nothing on stdout', (_, make, message) => {
    const path = make();
    for (const command of ['score', 'check']) {
      const r = fiw([command, path]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
      expect(r.stdout).toBe('');
    }
  });
});

describe('fiw explain', () => {
  it('explains bands, distances and the status for each assessment', () => {
    const r = fiw(['explain', example('kazakhstan-2014-subcategories.csv')]);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').slice(0, 4)).toEqual([
      'Kazakhstan 2014: Not Free',
      '  PR 6 → rating 6 (6–11); 6 points from rating 5, 1 point from rating 7',
      '  CL 19 → rating 5 (17–25); 7 points from rating 4, 3 points from rating 6',
      '  Not Free (Freedom Rating 5.5 = (6 + 5) / 2); Partly Free needs PR +6 (to rating 5) or CL +7 (to rating 4)',
    ]);
    const json = JSON.parse(
      fiw(['explain', example('indicators.csv'), '--entity', 'borduria', '--format', 'json']).stdout,
    );
    expect(json).toHaveLength(1);
    expect(json[0].explanation.cl).toMatchObject({ score: 14, rating: 6, better: { rating: 5, points: 3 } });
    expect(fiw(['explain', example('indicators.csv'), '--entity', 'nowhere']).code).toBe(2);
  });
});

describe('fiw methodology', () => {
  it('shows the rules in force for an edition', () => {
    const r = fiw(['methodology', 'show', '2014']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Freedom in the World 2014/);
    expect(r.stdout).toMatch(/Period under review: 2013-01-01 to 2013-12-31/);
    expect(r.stdout).toMatch(/1 {7}36–40 {9}53–60/);
    expect(r.stdout).toMatch(/Add B: subtracts/);
    expect(r.stdout).toMatch(/Add A: adds/);
    expect(fiw(['methodology', 'show', '2019']).stdout).toMatch(/Civil Liberties at least 30/);
    expect(fiw(['methodology', 'show', '1983-84']).stdout).toMatch(/only the 1–7 ratings/);
    const file = JSON.parse(fiw(['methodology', 'show', '2018', '--format', 'json']).stdout);
    expect([file.format, file.id, file.version, file.editions]).toEqual([
      'freedom-ratings/methodology@1',
      'fiw-2018',
      1,
      [2018],
    ]);
    expect(file.discretionary.map((q: { label: string }) => q.label)).toEqual(['Add Q']);
  });

  it('shows a methodology as a file that validate accepts and new copies', () => {
    const path = join(dir, 'fiw-2024.json');
    writeFileSync(path, fiw(['methodology', 'show', '2024', '--format', 'json']).stdout);
    const ok = fiw(['methodology', 'validate', path]);
    expect([ok.code, ok.stdout]).toEqual([
      0,
      `${path}: valid: fiw-2019 version 1, Freedom in the World 2019–2026: 2 categories, 25 indicators, editions 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026\n`,
    ]);
    const made = fiw(['methodology', 'new', '2027', '--from', '2026']);
    expect(made.code).toBe(0);
    const created = JSON.parse(made.stdout);
    expect([created.id, created.version, created.name, created.editions]).toEqual([
      'fiw-2027',
      1,
      'Freedom in the World 2027',
      [2027],
    ]);
    expect({ ...created, id: 'fiw-2019', name: 'Freedom in the World 2019–2026', editions: [] }).toEqual({
      ...JSON.parse(readFileSync(path, 'utf8')),
      editions: [],
    });
    const custom = fiw(['methodology', 'validate', example('methodologies/civic-index.json'), '--format', 'json']);
    expect([custom.code, JSON.parse(custom.stdout)]).toMatchObject([0, { valid: true, id: 'civic-index', version: 1 }]);
  });

  it('gives every problem of a bad file with its JSON path, exit 2', () => {
    const m = JSON.parse(readFileSync(example('methodologies/civic-index.json'), 'utf8'));
    m.categories[0].bands[1].max = 30; // gap: 31–32
    m.categories[1].bands[2].max = 26; // overlap with 25–32
    m.categories[2].subcategories[0].indicators = []; // missing indicator
    m.categories[3].max = 41; // does not add up
    m.status.kind = 'by-vote'; // unknown rule
    const path = join(dir, 'bad-methodology.json');
    writeFileSync(path, JSON.stringify(m));
    const r = fiw(['methodology', 'validate', path]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    // The unknown rule is a shape problem, found first; fixed, the rest are found together.
    expect(r.stderr).toBe(
      `${path}: $.status.kind: unknown status rule "by-vote"; known: "freedom-rating", "freedom-rating-with-raw-points", "stated", "total-score"\n` +
        `${path}: 1 problem; not a valid methodology\n`,
    );
    m.status.kind = 'total-score';
    writeFileSync(path, JSON.stringify(m));
    const lines = fiw(['methodology', 'validate', path]).stderr.trim().split('\n');
    expect(lines).toEqual([
      `${path}: $.categories[2].subcategories[0].indicators: subcategory L1 has no indicators`,
      `${path}: $.categories[3].max: category WORK has maximum 41, but its subcategories' maxima add up to 40`,
      `${path}: $.categories[0].bands[1].max: scores 31–32 of VOTE are in no band (between ratings 1 and 2)`,
      `${path}: $.categories[1].bands[2].max: scores 25–26 of SPEAK are in two bands (ratings 2 and 3)`,
      `${path}: $.categories[3].bands[0].max: scores 41–41 of WORK are in no band: rating 1 must reach the maximum 41`,
      `${path}: 5 problems; not a valid methodology`,
    ]);
    writeFileSync(path, '{"format": ');
    const broken = fiw(['methodology', 'validate', path]);
    expect([broken.code, broken.stderr.split('\n')[0]]).toEqual([
      2,
      `${path}: $: not JSON: Unexpected end of JSON input`,
    ]);
  });

  it('refuses an unknown edition', () => {
    const r = fiw(['methodology', 'show', '2031']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown edition "2031"/);
  });

  it('lists the editions', () => {
    const r = fiw(['methodology', 'list']);
    expect(r.stdout).toMatch(/1983 {2}1983-84 {9}1982-08-02 – 1983-11-30/);
  });
});

describe('usage', () => {
  it.each([[[]], [['score']], [['check']], [['explain']], [['methodology', 'show']], [['methodology', 'list']]])(
    '--help on %j',
    (args) => {
      const r = fiw([...args, '--help']);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/Usage: fiw/);
    },
  );

  it('exits 2 on bad usage', () => {
    expect(fiw(['check']).code).toBe(2);
    expect(fiw(['score', 'x.csv', '--format', 'yaml']).code).toBe(2);
    expect(fiw(['frobnicate']).code).toBe(2);
  });
});
