import {
  findPublishedEdition,
  loadAssessments,
  previousPublishedEdition,
  scoreAssessment,
  type DatabaseHandle,
  type ScoredAssessment,
} from '@freedom-ratings/db';
import type { z } from 'zod';
import { notFound } from '../errors/api-error.js';
import type { RatingsSortKey, ratingsQuery, ratingsTableSchema } from '@freedom-ratings/contract';
import { attributionFor } from './attribution.js';
import { publishedEditionView } from './edition-summary.js';
import { entityRef } from './entity-ref.js';
import { changeOf, figuresOf, type Change, type Figures } from './figures.js';

type Query = z.output<typeof ratingsQuery>;
type Table = z.input<typeof ratingsTableSchema>;
type Row = Table['rows'][number];

/** Said the same way whether the edition is a draft or does not exist, so a 404 reveals nothing. */
export const noPublishedEdition = (edition: number) => notFound(`No published edition ${edition}.`);

/** An edition's published ratings with the change from the previous published edition, filtered and sorted. */
export async function ratingsTable(db: DatabaseHandle, edition: number, query: Query): Promise<Table> {
  const ed = await findPublishedEdition(db, edition);
  if (!ed) throw noPublishedEdition(edition);
  const current = (await loadAssessments(db, { edition, publishedOnly: true })).map(scoreAssessment);
  const previousEdition = await previousPublishedEdition(db, edition);
  const previous = new Map<string, ScoredAssessment>();
  if (previousEdition !== undefined) {
    for (const data of await loadAssessments(db, { edition: previousEdition, publishedOnly: true })) {
      previous.set(data.entity.id, scoreAssessment(data));
    }
  }
  const rows: Row[] = [];
  for (const s of current) {
    const figures = figuresOf(s);
    if (!figures) continue;
    if (query.region && s.row.region !== query.region) continue;
    if (query.status && figures.status !== query.status) continue;
    if (query.kind && s.row.kind !== query.kind) continue;
    const change = changeOf(s, previous.get(s.entity.id));
    const detailed = query.include === 'indicators';
    rows.push({
      entity: { ...entityRef(s.entity), kind: s.row.kind },
      region: s.row.region,
      figures: detailed ? figures : { ...figures, indicators: null },
      change: change && !detailed ? { ...change, indicators: {} } : change,
    });
  }
  sortRows(rows, query.sort, query.order);
  return {
    edition: publishedEditionView(ed, current.length),
    rows,
    source: attributionFor(current),
  };
}

const STATUS_ORDER = { F: 0, PF: 1, NF: 2 } as const;

function sortValue(row: Row, key: RatingsSortKey): number | string | null {
  const f = row.figures as Figures;
  const c = row.change as Change | null;
  switch (key) {
    case 'name':
      return row.entity.name;
    case 'region':
      return row.region;
    case 'status':
      return f.status === null ? null : STATUS_ORDER[f.status];
    case 'prRating':
    case 'clRating':
    case 'freedomRating':
    case 'pr':
    case 'cl':
    case 'total':
      return f[key];
    case 'change.total':
    case 'change.pr':
    case 'change.cl':
    case 'change.freedomRating':
      return c ? c[key.slice('change.'.length) as 'total' | 'pr' | 'cl' | 'freedomRating'] : null;
    default:
      return f.subcategories ? f.subcategories[key] : null;
  }
}

/** Missing values sort last in either order; ties fall back to the name, so the order is stable. */
function sortRows(rows: Row[], key: RatingsSortKey, order: 'asc' | 'desc'): void {
  const sign = order === 'asc' ? 1 : -1;
  const keyed = rows.map((row) => ({ row, value: sortValue(row, key) }));
  keyed.sort((a, b) => {
    if (a.value === null && b.value !== null) return 1;
    if (b.value === null && a.value !== null) return -1;
    if (a.value !== null && b.value !== null && a.value !== b.value) {
      const cmp =
        typeof a.value === 'string' ? a.value.localeCompare(b.value as string) : a.value - (b.value as number);
      return sign * cmp;
    }
    return a.row.entity.name.localeCompare(b.row.entity.name);
  });
  rows.splice(0, rows.length, ...keyed.map((k) => k.row));
}
