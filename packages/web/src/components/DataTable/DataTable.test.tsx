import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { DataTable } from './DataTable.js';
import type { Column } from './table-model.js';

interface Row {
  name: string;
  total: number;
}
const columns: Column<Row>[] = [
  { key: 'name', label: 'Name', numeric: false, value: (r) => r.name, text: (r) => r.name },
  { key: 'total', label: 'Total', numeric: true, value: (r) => r.total, text: (r) => String(r.total) },
];

describe('DataTable', () => {
  const html = renderToString(
    <DataTable
      caption="Ratings"
      columns={columns}
      rows={[{ name: 'Chad', total: 15 }]}
      rowKey={(r) => r.name}
      sort={{ key: 'total', order: 'desc' }}
      sortHref={(key, order) => `/t?sort=${key}&order=${order}`}
    />,
  );

  it('marks the sorted column and links each header to the next sort order', () => {
    expect(html).toContain('aria-sort="descending"');
    expect(html).toContain('href="/t?sort=total&amp;order=asc"');
    // An unsorted text column sorts A–Z first.
    expect(html).toContain('href="/t?sort=name&amp;order=asc"');
  });

  it('makes the first cell of each row its header', () => {
    expect(html).toContain('<th scope="row">Chad</th>');
    expect(html).toContain('<caption>Ratings</caption>');
  });
});
