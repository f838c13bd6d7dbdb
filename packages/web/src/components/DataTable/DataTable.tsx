import type { ComponentChild } from 'preact';
import type { Column, SortOrder } from './table-model.js';

export interface DataTableProps<R> {
  caption: string;
  columns: readonly Column<R>[];
  rows: readonly R[];
  rowKey: (row: R) => string;
  sort: { key: string; order: SortOrder };
  /** The address of the table sorted by a column, so sorting is a link and works without JavaScript. */
  sortHref: (key: string, order: SortOrder) => string;
  /** Cells drawn as more than text (a link, a badge), by column key. */
  cells?: Partial<Record<string, (row: R) => ComponentChild>>;
}

/**
 * Draws a table model: a real <table> with a caption, column headers that
 * are sort links marked with aria-sort, numeric columns aligned right, and
 * the first column as each row's header. Scrolls inside itself when wider
 * than the screen, never the page.
 */
export function DataTable<R>({ caption, columns, rows, rowKey, sort, sortHref, cells }: DataTableProps<R>) {
  return (
    <div class="table-scroll" role="region" aria-label={caption} tabIndex={0}>
      <table class="data-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => {
              const active = sort.key === c.key;
              const next: SortOrder = active ? (sort.order === 'asc' ? 'desc' : 'asc') : c.numeric ? 'desc' : 'asc';
              return (
                <th
                  key={c.key}
                  scope="col"
                  class={c.numeric ? 'num' : undefined}
                  aria-sort={active ? (sort.order === 'asc' ? 'ascending' : 'descending') : undefined}
                >
                  <a href={sortHref(c.key, next)} title={c.description ? `${c.description}. Sort.` : 'Sort'}>
                    {c.label}
                    <span class="sort-mark" aria-hidden="true">
                      {active ? (sort.order === 'asc' ? ' ▲' : ' ▼') : ''}
                    </span>
                  </a>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)}>
              {columns.map((c, i) => {
                const content = cells?.[c.key]?.(row) ?? c.text(row);
                return i === 0 ? (
                  <th key={c.key} scope="row">
                    {content}
                  </th>
                ) : (
                  <td key={c.key} class={c.numeric ? 'num' : undefined}>
                    {content}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
