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

  it('groups columns under a heading of their own, with short headings as abbreviations of their labels', () => {
    interface Scored {
      name: string;
      pr: number;
      cl: number;
    }
    const grouped: Column<Scored>[] = [
      { key: 'name', label: 'Name', numeric: false, value: (r) => r.name, text: (r) => r.name },
      ...(['pr', 'cl'] as const).map((key): Column<Scored> => ({
        key,
        label: `${key.toUpperCase()} rating`,
        short: key.toUpperCase(),
        group: 'Ratings',
        numeric: true,
        value: (r) => r[key],
        text: (r) => String(r[key]),
      })),
    ];
    const out = renderToString(
      <DataTable
        caption="Ratings"
        columns={grouped}
        rows={[{ name: 'Chad', pr: 7, cl: 6 }]}
        rowKey={(r) => r.name}
        sort={{ key: 'name', order: 'asc' }}
        sortHref={(key, order) => `/t?sort=${key}&order=${order}`}
      />,
    );
    const rows = out.split('</tr>');
    expect(rows[0]).toContain('rowspan="2"');
    expect(rows[0]).toContain('<th scope="colgroup" colspan="2" class="column-group group-start">Ratings</th>');
    expect(rows[1]).toContain('<abbr title="PR rating">PR</abbr>');
    expect(rows[1]).toContain('<abbr title="CL rating">CL</abbr>');
    expect(out).toContain('<td class="num group-start">7</td><td class="num">6</td>');
  });
});
