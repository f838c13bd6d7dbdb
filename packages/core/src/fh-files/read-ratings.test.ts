import { describe, expect, it } from 'vitest';
import { formatInputError } from './table.js';
import type { Cell, Table } from './table.js';
import { isRatingsLayout, readFhRatingsTables } from './read-ratings.js';

function sheet(name: string, rows: Cell[][]): Table {
  return {
    file: 'ratings.xlsx',
    sheet: name,
    columns: 'letters',
    rows: rows.map((cells, i) => ({ number: i + 1, cells })),
  };
}

const header: Cell[][] = [
  ['Survey Edition', 'Jan.-Feb. 1973', null, null, '1983-84', null, null],
  ['Year(s) Under Review', 1972, null, null, 'Aug.1982-Nov.1983', null, null],
  [null, 'PR', 'CL ', 'Status', 'PR', 'CL', 'Status'],
];

describe('FH ratings-and-statuses layout', () => {
  it('reads one record per rated edition, skipping "-", with the kind from the sheet name', () => {
    const t = sheet('Territory Ratings, Statuses', [...header, ['Puerto Rico', 1, 2, 'F', '-', '-', '-']]);
    expect(isRatingsLayout(t)).toBe(true);
    const r = readFhRatingsTables([t]);
    expect(r.errors).toEqual([]);
    expect(r.records).toHaveLength(1);
    expect(r.records[0]).toMatchObject({
      entity: 'Puerto Rico',
      kind: 'territory',
      edition: 1973,
      input: { ratings: { pr: 1, cl: 2 }, status: 'F' },
    });
  });

  it('reads split cells as their first figure and reports each one', () => {
    const r = readFhRatingsTables([
      sheet('Country Ratings, Statuses ', [...header, ['South Africa', '2(5)', '3(6)', 'F (NF)', 5, 6, 'PF']]),
    ]);
    expect(r.errors).toEqual([]);
    expect(r.records.map((x) => [x.edition, x.input.ratings, x.input.status])).toEqual([
      [1973, { pr: 2, cl: 3 }, 'F'],
      [1983, { pr: 5, cl: 6 }, 'PF'],
    ]);
    expect(r.notes.map(formatInputError)).toEqual([
      expect.stringMatching(
        /row 4, column B \("PR"\): South Africa Jan\.-Feb\. 1973: PR "2\(5\)" gives two ratings; stored 2/,
      ),
      expect.stringMatching(/row 4, column C \("CL"\)/),
      expect.stringMatching(/row 4, column D \("Status"\): .*stored F/),
    ]);
  });

  it('names the cell of a bad rating, a bad status and an unknown edition, and returns no records', () => {
    const r = readFhRatingsTables([sheet('Country', [...header, ['Chile', 8, 2, 'F', 2, 2, 'Free-ish']])]);
    expect(r.records).toEqual([]);
    expect(r.errors.map(formatInputError)).toEqual([
      'ratings.xlsx, sheet "Country", row 4, column B ("PR"): "8" is not a rating 1–7 or "-"',
      'ratings.xlsx, sheet "Country", row 4, column G ("Status"): "Free-ish" is not a status (F, PF, NF) or "-"',
    ]);
    const bad = readFhRatingsTables([
      sheet('Country', [['Survey Edition', '2002', null, null], header[1]!, header[2]!]),
    ]);
    expect(bad.errors.map(formatInputError)).toEqual([
      'ratings.xlsx, sheet "Country", row 1, column B: unknown edition "2002"',
    ]);
  });
});
