import { STATUSES, STATUS_NAMES, type Status } from '@freedom-ratings/core';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { PublishedEdition, RatingsTable } from '../../api/client.js';
import { ApiError } from '../../api/transport.js';
import { chooseEdition, editionName } from '../../app/editions.js';
import { useNavigate } from '../../app/navigation.js';
import { definePage, type PageProps } from '../../app/page.js';
import { hrefOf, type TableView } from '../../app/url-state.js';
import { DataTable } from '../../components/DataTable/DataTable.js';
import { sortRows, toCsv } from '../../components/DataTable/table-model.js';
import { SinceSelect } from '../../components/SinceSelect/SinceSelect.js';
import { StatusBadge } from '../../components/StatusBadge/StatusBadge.js';
import { tableColumns, type TableRow } from './table-columns.js';

interface TableData {
  editions: PublishedEdition[];
  edition: PublishedEdition;
  since: PublishedEdition | null;
  table: RatingsTable;
  sinceTable: RatingsTable | null;
  /** Entity ids the search matched, with the name variant that matched; null without a search. */
  matches: Map<string, string | null> | null;
}

export const tablePage = definePage<'table', TableData>({
  async load(api, view) {
    if (view.sort.startsWith('since.') && view.since === null) {
      throw new ApiError(404, 'not-found', `Sorting by “${view.sort}” needs an edition to compare with (since=).`);
    }
    const [{ editions, current }, since, found] = await Promise.all([
      chooseEdition(api, view.edition),
      view.since === null ? null : chooseEdition(api, view.since).then((c) => c.current),
      view.q ? api.searchEntities({ q: view.q }) : null,
    ]);
    const [table, sinceTable] = await Promise.all([
      api.ratings(current.edition),
      since ? api.ratings(since.edition) : null,
    ]);
    const matches = found ? new Map(found.entities.map((e) => [e.id, e.matchedVariant])) : null;
    return { editions, edition: current, since, table, sinceTable, matches };
  },
  head(_view, { edition, table }) {
    return {
      title: `Ratings table — ${editionName(edition)} — Freedom Ratings`,
      description: `Every country and territory in Freedom in the World ${edition.label} (${table.rows.length}): status, scores, ratings and change from the edition before.`,
    };
  },
  Page: TablePage,
});

/** The rows the view shows: filtered by region, status, kind and search, then sorted. */
function visibleRows(view: TableView, data: TableData, columns: ReturnType<typeof tableColumns>): TableRow[] {
  const since = data.sinceTable ? new Map(data.sinceTable.rows.map((r) => [r.entity.id, r])) : null;
  const rows: TableRow[] = [];
  for (const row of data.table.rows) {
    if (view.region && row.region !== view.region) continue;
    if (view.status && row.figures.status !== view.status) continue;
    if (view.kind && row.entity.kind !== view.kind) continue;
    if (data.matches && !data.matches.has(row.entity.id)) continue;
    rows.push({
      row,
      since: since?.get(row.entity.id) ?? null,
      matchedVariant: data.matches?.get(row.entity.id) ?? null,
    });
  }
  const column = columns.find((c) => c.key === view.sort) ?? columns[0]!;
  return sortRows(rows, column, view.order, (r) => r.row.entity.name);
}

function TablePage({ view, data }: PageProps<'table', TableData>) {
  const navigate = useNavigate();
  const { edition, since, editions, table } = data;
  const columns = useMemo(
    () => tableColumns(since ? since.label : null, table.rows[0]?.figures.categories ?? null),
    [since, table],
  );
  const rows = useMemo(() => visibleRows(view, data, columns), [view, data, columns]);
  const regions = useMemo(
    () => [...new Set(table.rows.map((r) => r.region).filter((r): r is string => !!r))].sort(),
    [table],
  );
  const go = (change: Partial<TableView>, replace = false) => navigate(hrefOf({ ...view, ...change }), { replace });

  // The search box applies as one types, a moment after the last key.
  const [q, setQ] = useState(view.q);
  const typing = useRef<ReturnType<typeof setTimeout>>();
  useEffect(() => setQ(view.q), [view.q]);
  const onSearch = (value: string) => {
    setQ(value);
    clearTimeout(typing.current);
    typing.current = setTimeout(() => go({ q: value.trim() }, true), 250);
  };

  const download = () => {
    const csv = toCsv(columns, rows, table.source);
    const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `freedom-ratings-${edition.edition}-table.csv`;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };

  const selectChange = (param: 'region' | 'status' | 'kind' | 'edition') => (e: Event) => {
    const v = (e.target as HTMLSelectElement).value;
    if (param === 'edition') go({ edition: v ? Number(v) : null });
    else go({ [param]: v || null } as Partial<TableView>);
  };

  return (
    <section class="table-page" aria-labelledby="table-title">
      <h1 id="table-title">
        Ratings table <span class="subtle">— {editionName(edition)}</span>
      </h1>
      <form class="controls" action="/table" method="get" role="search" onSubmit={(e) => e.preventDefault()}>
        <div class="field">
          <label for="table-q">Search</label>
          <input
            id="table-q"
            name="q"
            type="search"
            value={q}
            placeholder="Name or other name, e.g. Burma"
            autocomplete="off"
            onInput={(e) => onSearch((e.target as HTMLInputElement).value)}
          />
        </div>
        <div class="field">
          <label for="table-edition">Edition</label>
          <select id="table-edition" name="edition" value={String(edition.edition)} onChange={selectChange('edition')}>
            {editions.map((e) => (
              <option key={e.edition} value={e.edition}>
                {editionName(e)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="table-region">Region</label>
          <select id="table-region" name="region" value={view.region ?? ''} onChange={selectChange('region')}>
            <option value="">All regions</option>
            {regions.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="table-status">Status</label>
          <select id="table-status" name="status" value={view.status ?? ''} onChange={selectChange('status')}>
            <option value="">All statuses</option>
            {STATUSES.map((s: Status) => (
              <option key={s} value={s}>
                {STATUS_NAMES[s]}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="table-kind">Kind</label>
          <select id="table-kind" name="kind" value={view.kind ?? ''} onChange={selectChange('kind')}>
            <option value="">Countries and territories</option>
            <option value="country">Countries</option>
            <option value="territory">Territories</option>
          </select>
        </div>
        <SinceSelect
          id="table-since"
          editions={editions.filter((e) => e.edition < edition.edition)}
          value={since?.edition ?? null}
          noneLabel="— previous edition only —"
          onChange={(v) => go({ since: v })}
        />
        {view.sort !== 'name' && <input type="hidden" name="sort" value={view.sort} />}
        {view.order !== 'asc' && <input type="hidden" name="order" value={view.order} />}
        <button type="submit" class="no-js-only">
          Apply
        </button>
      </form>
      <div class="table-summary">
        <p role="status">
          Showing {rows.length} of {table.rows.length} countries and territories
          {view.q ? ` matching “${view.q}”` : ''}.
        </p>
        <button type="button" class="button js-only" onClick={download}>
          Download these rows as CSV
        </button>
      </div>
      <DataTable
        caption={`${editionName(edition)}: status, scores, ratings and change${since ? ` since ${editionName(since)}` : ''}`}
        columns={columns}
        rows={rows}
        rowKey={(r) => r.row.entity.id}
        sort={{ key: view.sort, order: view.order }}
        sortHref={(key, order) => hrefOf({ ...view, sort: key as TableView['sort'], order })}
        cells={{
          name: (r) => (
            <>
              <a
                href={hrefOf({
                  page: 'country',
                  slug: r.row.entity.id,
                  edition: edition.edition,
                  vs: null,
                  changed: false,
                })}
              >
                {r.row.entity.name}
              </a>
              {r.matchedVariant && <span class="subtle"> (matched “{r.matchedVariant}”)</span>}
            </>
          ),
          status: (r) => <StatusBadge status={r.row.figures.status} />,
        }}
      />
      <p class="source">{table.source}</p>
    </section>
  );
}
