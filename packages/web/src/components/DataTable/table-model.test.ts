import { csvField } from '@freedom-ratings/core';
import { describe, expect, it } from 'vitest';
import { sortRows, toCsv, type Column } from './table-model.js';

interface Row {
  name: string;
  score: number | null;
}
const rows: Row[] = [
  { name: 'Chad', score: 15 },
  { name: 'Benin', score: null },
  { name: 'Aruba', score: 15 },
  { name: 'Denmark, Kingdom of', score: 97 },
];
const name: Column<Row> = { key: 'name', label: 'Name', numeric: false, value: (r) => r.name, text: (r) => r.name };
const score: Column<Row> = {
  key: 'score',
  label: 'Total "score"',
  numeric: true,
  value: (r) => r.score,
  text: (r) => String(r.score ?? '—'),
};

describe('table model', () => {
  it('sorts numbers as numbers, missing values last either way, ties by name', () => {
    expect(sortRows(rows, score, 'asc', (r) => r.name).map((r) => r.name)).toEqual([
      'Aruba',
      'Chad',
      'Denmark, Kingdom of',
      'Benin',
    ]);
    expect(sortRows(rows, score, 'desc', (r) => r.name).map((r) => r.name)).toEqual([
      'Denmark, Kingdom of',
      'Aruba',
      'Chad',
      'Benin',
    ]);
  });

  it('writes the rows and columns given as RFC 4180 CSV with the attribution at the end', () => {
    const csv = toCsv([name, score], rows.slice(2), 'Source: Freedom House, Freedom in the World.');
    expect(csv).toBe(
      'Name,"Total ""score"""\r\nAruba,15\r\n"Denmark, Kingdom of",97\r\n\r\n"Source: Freedom House, Freedom in the World."\r\n',
    );
  });

  it("quotes fields as core's csvField does, leading and trailing spaces included", () => {
    const padded: Row[] = [
      { name: ' Aruba', score: 1 },
      { name: 'Chad ', score: 2 },
      { name: 'a\nb', score: null },
    ];
    const csv = toCsv([name, score], padded, 'Source: Freedom House');
    expect(csv).toBe(
      `Name,"Total ""score"""\r\n${padded.map((r) => `${csvField(r.name)},${csvField(r.score)}`).join('\r\n')}\r\n\r\nSource: Freedom House\r\n`,
    );
    expect(csv).toContain('" Aruba",1\r\n"Chad ",2\r\n"a\nb",\r\n');
  });
});
