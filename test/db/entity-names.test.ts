import { readdirSync, readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { matchEntity, suggestEntities, type Cell, type Table } from '@freedom-ratings/core';
import { parseCsv, readXlsx } from '@freedom-ratings/sheets';
import { dataFile, describeShared, sharedPath } from '../../test-support/shared.js';

/**
 * Every entity name in every file of ../shared/data must match the registry:
 * the import can then never fail on a real FH name, and the reports helper
 * can match names from texts. Names are found by column header, so a new
 * file with a "Country/Territory", "country" or "country_territory" column is
 * covered without changing this test.
 */
const NAME_HEADERS = new Set(['country/territory', 'country', 'country_territory', 'survey edition']);

function namesInTable(table: Table): string[] {
  for (const [r, row] of table.rows.slice(0, 10).entries()) {
    const col = row.cells.findIndex((c) => typeof c === 'string' && NAME_HEADERS.has(c.trim().toLowerCase()));
    if (col === -1) continue;
    // The wide ratings sheets have three header rows: edition, years under review, PR/CL/Status.
    const skip = String(row.cells[col]).trim().toLowerCase() === 'survey edition' ? 3 : 1;
    return table.rows
      .slice(r + skip)
      .map((x) => x.cells[col])
      .filter((c): c is Exclude<Cell, null> => c != null && String(c).trim() !== '')
      .map(String)
      .filter((n) => !/^(\*|note|source|total|number|%)/i.test(n.trim()));
  }
  return [];
}

function namesInFile(name: string): string[] {
  const bytes = readFileSync(dataFile(name));
  if (name.endsWith('.jsonl')) {
    return bytes
      .toString('utf8')
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => (JSON.parse(l) as { country: string }).country);
  }
  const tables = name.endsWith('.xlsx') ? readXlsx(bytes, name) : [parseCsv(bytes.toString('utf8'), name)];
  return tables.flatMap(namesInTable);
}

describeShared('entity registry against every file in ../shared/data', () => {
  const files = readdirSync(sharedPath('data')).filter((f) => /\.(csv|xlsx|jsonl)$/.test(f));

  it.each(files)('%s: every entity name matches the registry', (file) => {
    const names = new Set(namesInFile(file));
    const unmatched = [...names]
      .filter((n) => !matchEntity(n))
      .map(
        (n) =>
          `${JSON.stringify(n)} (closest: ${
            suggestEntities(n)
              .map((e) => e.name)
              .join(', ') || 'none'
          })`,
      );
    expect(unmatched).toEqual([]);
  });

  it('finds names in every file that lists entities', () => {
    const counts = Object.fromEntries(files.map((f) => [f, new Set(namesInFile(f)).size]));
    expect(counts['All_data_FIW_2013-2024.csv']).toBe(212);
    expect(counts['All_data_FIW_2013-2024.xlsx']).toBe(212);
    expect(counts['fh_country_rating_text.jsonl']).toBe(190);
    expect(counts['Country_and_Territory_Ratings_and_Statuses_FIW_1973-2024.xlsx']).toBe(229);
    expect(counts['Aggregate_Category_and_Subcategory_Scores_FIW_2003-2023.xlsx']).toBeGreaterThanOrEqual(215);
  });
});
