import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { fiw } from '../../test-support/cli.js';
import { dataFile, describeShared } from '../../test-support/shared.js';

interface CheckResult {
  rows: number;
  discrepancies: {
    row: number;
    sheet: string | null;
    entity: string;
    edition: number;
    column: string;
    stated: unknown;
    computed: unknown;
    note?: string;
  }[];
}

function check(path: string): { code: number; result: CheckResult } {
  const r = fiw(['check', path, '--format', 'json']);
  expect(r.stderr).toBe('');
  return { code: r.code, result: JSON.parse(r.stdout) };
}

describeShared("fiw check on Freedom House's published files", () => {
  it('agrees with every figure of the indicator file (XLSX and CSV): 2,723 rows, 0 discrepancies', () => {
    for (const name of ['All_data_FIW_2013-2024.xlsx', 'All_data_FIW_2013-2024.csv']) {
      const { code, result } = check(dataFile(name));
      expect(result).toEqual({ file: name, rows: 2723, discrepancies: [] });
      expect(code).toBe(0);
    }
  });

  it("reports exactly FH's known errors in the subcategory file (both sheets), nothing else", () => {
    const { code, result } = check(dataFile('Aggregate_Category_and_Subcategory_Scores_FIW_2003-2023.xlsx'));
    expect(code).toBe(1);
    // FIW06-23: 3,759 rows; FIW03-05: 207 entities × 3 editions less the 2 "-" cells.
    expect(result.rows).toBe(3759 + 207 * 3 - 2 - 1);
    const found = result.discrepancies.map(
      (d) => `${d.sheet}:${d.row} ${d.entity} ${d.edition} ${d.column} ${d.stated}→${d.computed}`,
    );
    expect(found).toEqual([
      // Kosovo 2006–2007: Add A subtracted instead of added, and the 2007 CL formula error (methodology notes §14).
      'FIW06-23:3440 Kosovo 2007 PR rating 6→5',
      'FIW06-23:3440 Kosovo 2007 PR 11→17',
      'FIW06-23:3440 Kosovo 2007 CL 18→24',
      'FIW06-23:3440 Kosovo 2007 Total 29→41',
      'FIW06-23:3647 Kosovo 2006 PR rating 6→5',
      'FIW06-23:3647 Kosovo 2006 PR 10→16',
      'FIW06-23:3647 Kosovo 2006 Total 29→35',
      // Luxembourg FIW 2003: PR 44, above the maximum of 40.
      'FIW03-05:106 Luxembourg 2003 PR 44→null',
    ]);
  });

  it('gives the same findings from the CSV conversions of both sheets', () => {
    const main = check(dataFile('Aggregate_Category_and_Subcategory_Scores_FIW_2003-2023_FIW06-23.csv')).result;
    expect(main.rows).toBe(3759);
    expect(new Set(main.discrepancies.map((d) => `${d.entity} ${d.edition}`))).toEqual(
      new Set(['Kosovo 2006', 'Kosovo 2007']),
    );
    const early = check(dataFile('Aggregate_Category_and_Subcategory_Scores_FIW_2003-2023_FIW03-05.csv')).result;
    expect(early.discrepancies.map((d) => [d.entity, d.edition, d.column])).toEqual([['Luxembourg', 2003, 'PR']]);
  });
});

/** A deterministic generator, so a failure can be reproduced. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describeShared('fiw check on altered copies reports exactly the altered rows', () => {
  let dir: string;
  let lines: string[];
  let header: string[];
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'fiw-altered-'));
    lines = readFileSync(dataFile('All_data_FIW_2013-2024.csv'), 'utf8').trimEnd().split('\n');
    header = lines[0]!.split(',');
  });

  /** Changes one cell in each of `count` distinct rows; returns the altered copy and the 1-based data row indexes. */
  function alter(seed: number, count: number, columns: string[]) {
    const next = random(seed);
    const rows = new Set<number>();
    while (rows.size < count) rows.add(1 + Math.floor(next() * (lines.length - 1)));
    const copy = [...lines];
    for (const r of rows) {
      const cells = copy[r]!.split(',');
      const column = columns[Math.floor(next() * columns.length)]!;
      const i = header.indexOf(column);
      const old = cells[i]!;
      if (column === 'Status') cells[i] = old === 'F' ? 'PF' : old === 'PF' ? 'NF' : 'F';
      else if (/^[A-G]\d$/.test(column)) cells[i] = String((Number(old) + 1 + Math.floor(next() * 4)) % 5);
      else if (column.endsWith('rating')) cells[i] = String((Number(old) % 7) + 1);
      else cells[i] = String(Number(old) + (next() < 0.5 ? -1 : 1) * (1 + Math.floor(next() * 3)));
      copy[r] = cells.join(',');
    }
    return { copy, rows };
  }

  const stated = ['Status', 'PR rating', 'CL rating', 'A', 'B', 'C', 'PR', 'D', 'E', 'F', 'G', 'CL', 'Total'];
  const indicators = ['A1', 'B2', 'C3', 'D4', 'E1', 'F2', 'G3', 'G4'];

  it.each([1, 2, 3, 4, 5])('CSV, seed %i', (seed) => {
    const { copy, rows } = alter(seed, 25, [...stated, ...indicators]);
    const path = join(dir, `altered-${seed}.csv`);
    writeFileSync(path, copy.join('\n') + '\n');
    const { code, result } = check(path);
    expect(code).toBe(1);
    expect(new Set(result.discrepancies.map((d) => d.row))).toEqual(new Set([...rows].map((r) => r + 1)));
  });

  it('XLSX with the title row and sheets of the original', async () => {
    const { copy, rows } = alter(42, 20, [...stated, ...indicators]);
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Index').addRow(['notes']);
    const ws = wb.addWorksheet('FIW13-25');
    ws.addRow(['Freedom in the World 2013-2025 Raw Data']);
    for (const line of copy) ws.addRow(line.split(',').map((c) => (/^-?\d+$/.test(c) ? Number(c) : c)));
    const path = join(dir, 'altered.xlsx');
    await wb.xlsx.writeFile(path);
    const { result } = check(path);
    // Sheet row = CSV line + 1 (the title row).
    expect(new Set(result.discrepancies.map((d) => d.row))).toEqual(new Set([...rows].map((r) => r + 2)));
  });
});
