import {
  STATUS_NAMES,
  STATUS_RANK,
  formatChange,
  formatFreedomRating,
  formatScore,
  metricChange,
  metricDefinition,
} from '@freedom-ratings/core';
import type { RatingsRow } from '../../api/client.js';
import type { Column } from '../../components/DataTable/table-model.js';
import type { TableSortKey } from './sort-keys.js';

/** One row of the table: the edition's figures, the other edition's for `since`, and the name variant a search matched. */
export interface TableRow {
  row: RatingsRow;
  since: RatingsRow | null;
  matchedVariant: string | null;
}

const dash = '—';
const score = (v: number | null) => (v === null ? dash : formatScore(v));
const change = (v: number | null) => (v === null ? dash : formatChange(v));
const frChange = (v: number | null) =>
  v === null ? dash : v === 0 ? '0' : `${v > 0 ? '+' : '\u2212'}${formatFreedomRating(Math.abs(v))}`;

const TOTAL = metricDefinition('total')!;
const FREEDOM_RATING = metricDefinition('freedomRating')!;

type TableColumn = Column<TableRow, TableSortKey>;

const column = (c: TableColumn) => c;

type Category = NonNullable<TableRow['row']['figures']['categories']>[number];

/**
 * For an edition scored with another methodology than FIW's: a score and a
 * rating column per category, by the codes and names of its file, in place of
 * FIW's PR and CL columns.
 */
function categoryColumns(categories: readonly Category[]): TableColumn[] {
  const of = (r: TableRow, code: string) => r.row.figures.categories?.find((c) => c.code === code) ?? null;
  return [
    ...categories.map((c) =>
      column({
        key: `cat.${c.code}`,
        label: c.code,
        description: `${c.name} score, 0–${c.max}`,
        group: 'Scores',
        numeric: true,
        value: (r) => of(r, c.code)?.score ?? null,
        text: (r) => score(of(r, c.code)?.score ?? null),
      }),
    ),
    ...categories.map((c) =>
      column({
        key: `cat.${c.code}.rating`,
        label: `${c.code} rating`,
        description: `${c.name} rating (1 = most free)`,
        short: c.code,
        group: 'Ratings',
        numeric: true,
        value: (r) => of(r, c.code)?.rating ?? null,
        text: (r) => score(of(r, c.code)?.rating ?? null),
      }),
    ),
  ];
}

/** The FIW columns another methodology has no figures for. */
const FIW_ONLY = new Set<TableSortKey>(['pr', 'cl', 'prRating', 'clRating']);

/**
 * The table's columns; the two `since.*` ones only when an edition to compare
 * with is chosen. `categories`: the edition's categories when it is scored
 * with another methodology than FIW's (null for FIW).
 */
export function tableColumns(since: string | null, categories: readonly Category[] | null = null): TableColumn[] {
  const all = fiwColumns(since);
  if (!categories) return all;
  const total = all.findIndex((c) => c.key === 'total');
  const kept = all.filter((c) => !FIW_ONLY.has(c.key));
  kept.splice(total + 1, 0, ...categoryColumns(categories));
  return kept.map((c) =>
    c.key === 'total'
      ? { ...c, description: `Total score, 0–${categories.reduce((n, x) => n + x.max, 0)}` }
      : c.key === 'freedomRating'
        ? { ...c, label: 'Mean rating', description: 'Mean of the category ratings (1 = most free)', short: 'Mean' }
        : c,
  );
}

function fiwColumns(since: string | null): TableColumn[] {
  const columns: TableColumn[] = [
    column({
      key: 'name',
      label: 'Country or territory',
      numeric: false,
      value: (r) => r.row.entity.name,
      text: (r) => r.row.entity.name,
    }),
    column({
      key: 'region',
      label: 'Region',
      numeric: false,
      value: (r) => r.row.region,
      text: (r) => r.row.region ?? dash,
    }),
    column({
      key: 'kind',
      label: 'Kind',
      numeric: false,
      value: (r) => r.row.entity.kind,
      text: (r) => (r.row.entity.kind === 'country' ? 'Country' : 'Territory'),
    }),
    column({
      key: 'status',
      label: 'Status',
      numeric: false,
      value: (r) => (r.row.figures.status === null ? null : STATUS_RANK[r.row.figures.status]),
      text: (r) => (r.row.figures.status === null ? 'Not determined' : STATUS_NAMES[r.row.figures.status]),
    }),
    column({
      key: 'total',
      label: 'Total',
      description: 'Total score, 0–100',
      short: 'Total',
      group: 'Scores',
      numeric: true,
      value: (r) => r.row.figures.total,
      text: (r) => score(r.row.figures.total),
    }),
    column({
      key: 'pr',
      label: 'PR',
      description: 'Political Rights score, 0–40',
      short: 'PR',
      group: 'Scores',
      numeric: true,
      value: (r) => r.row.figures.pr,
      text: (r) => score(r.row.figures.pr),
    }),
    column({
      key: 'cl',
      label: 'CL',
      description: 'Civil Liberties score, 0–60',
      short: 'CL',
      group: 'Scores',
      numeric: true,
      value: (r) => r.row.figures.cl,
      text: (r) => score(r.row.figures.cl),
    }),
    column({
      key: 'prRating',
      label: 'PR rating',
      description: 'Political Rights rating, 1 (most free) to 7',
      short: 'PR',
      group: 'Ratings',
      numeric: true,
      value: (r) => r.row.figures.prRating,
      text: (r) => score(r.row.figures.prRating),
    }),
    column({
      key: 'clRating',
      label: 'CL rating',
      description: 'Civil Liberties rating, 1 (most free) to 7',
      short: 'CL',
      group: 'Ratings',
      numeric: true,
      value: (r) => r.row.figures.clRating,
      text: (r) => score(r.row.figures.clRating),
    }),
    column({
      key: 'freedomRating',
      label: 'Freedom Rating',
      description: 'Mean of the two ratings, 1 (most free) to 7',
      short: 'FR',
      group: 'Ratings',
      numeric: true,
      value: (r) => r.row.figures.freedomRating,
      text: (r) => formatFreedomRating(r.row.figures.freedomRating),
    }),
    column({
      key: 'change.total',
      label: 'Total change',
      description: 'Change of the total from the previous edition (positive: more free)',
      short: 'Total',
      group: 'Change',
      numeric: true,
      value: (r) => r.row.change?.total ?? null,
      text: (r) => change(r.row.change?.total ?? null),
    }),
    column({
      key: 'change.freedomRating',
      label: 'FR change',
      description: 'Change of the Freedom Rating from the previous edition (negative: more free)',
      short: 'FR',
      group: 'Change',
      numeric: true,
      value: (r) => r.row.change?.freedomRating ?? null,
      text: (r) => frChange(r.row.change?.freedomRating ?? null),
    }),
  ];
  if (since === null) return columns;
  const sinceChange = (r: TableRow, metric: typeof TOTAL) =>
    r.since ? (metricChange(r.row.figures, r.since.figures, metric)?.delta ?? null) : null;
  return [
    ...columns,
    column({
      key: 'since.total',
      label: `Total since ${since}`,
      description: `Change of the total since ${since} (positive: more free)`,
      short: 'Total',
      group: `Since ${since}`,
      numeric: true,
      value: (r) => sinceChange(r, TOTAL),
      text: (r) => change(sinceChange(r, TOTAL)),
    }),
    column({
      key: 'since.freedomRating',
      label: `FR since ${since}`,
      description: `Change of the Freedom Rating since ${since} (negative: more free)`,
      short: 'FR',
      group: `Since ${since}`,
      numeric: true,
      value: (r) => sinceChange(r, FREEDOM_RATING),
      text: (r) => frChange(sinceChange(r, FREEDOM_RATING)),
    }),
  ];
}
