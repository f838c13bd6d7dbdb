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

/** Runs of neighbouring columns: a group's columns together, each ungrouped column on its own. */
function headerGroups<R>(columns: readonly Column<R>[]): { group: string | undefined; columns: Column<R>[] }[] {
  const runs: { group: string | undefined; columns: Column<R>[] }[] = [];
  for (const c of columns) {
    const last = runs.at(-1);
    if (last && c.group !== undefined && last.group === c.group) last.columns.push(c);
    else runs.push({ group: c.group, columns: [c] });
  }
  return runs;
}

/**
 * Draws a table model: a real <table> with a caption, column headers that
 * are sort links marked with aria-sort, grouped under a second heading row
 * where columns have groups (so headings can be short), numeric columns
 * aligned right, and the first column as each row's header. Scrolls inside
 * itself when wider than the screen, never the page, with the first column
 * kept in view.
 */
export function DataTable<R>({ caption, columns, rows, rowKey, sort, sortHref, cells }: DataTableProps<R>) {
  const groups = headerGroups(columns);
  const grouped = groups.some((g) => g.group !== undefined);
  // A group's first column draws the line that sets the group apart.
  const firsts = new Set(groups.filter((g) => g.group !== undefined).map((g) => g.columns[0]!.key));
  const cellClass = (c: Column<R>) =>
    [c.numeric ? 'num' : '', firsts.has(c.key) ? 'group-start' : ''].filter(Boolean).join(' ') || undefined;
  const header = (c: Column<R>, rowSpan?: number) => {
    const active = sort.key === c.key;
    const next: SortOrder = active ? (sort.order === 'asc' ? 'desc' : 'asc') : c.numeric ? 'desc' : 'asc';
    return (
      <th
        key={c.key}
        scope="col"
        rowSpan={rowSpan}
        class={cellClass(c)}
        aria-sort={active ? (sort.order === 'asc' ? 'ascending' : 'descending') : undefined}
      >
        <a href={sortHref(c.key, next)} title={`${c.description ?? c.label}. Sort.`}>
          {c.short && c.short !== c.label ? <abbr title={c.label}>{c.short}</abbr> : c.label}
          <span class="sort-mark" aria-hidden="true">
            {active ? (sort.order === 'asc' ? ' ▲' : ' ▼') : ''}
          </span>
        </a>
      </th>
    );
  };
  return (
    <div class="table-scroll" role="region" aria-label={caption} tabIndex={0}>
      <table class="data-table">
        <caption>{caption}</caption>
        <thead>
          {grouped ? (
            <>
              <tr>
                {groups.map((g) =>
                  g.group === undefined ? (
                    header(g.columns[0]!, 2)
                  ) : (
                    <th key={g.group} scope="colgroup" colSpan={g.columns.length} class="column-group group-start">
                      {g.group}
                    </th>
                  ),
                )}
              </tr>
              <tr>{groups.filter((g) => g.group !== undefined).flatMap((g) => g.columns.map((c) => header(c)))}</tr>
            </>
          ) : (
            <tr>{columns.map((c) => header(c))}</tr>
          )}
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
                  <td key={c.key} class={cellClass(c)}>
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
