import {
  findPublishedEdition,
  releasesOf,
  loadAssessments,
  loadEntityRegistry,
  previousPublishedEdition,
  scoreAssessment,
  type DatabaseHandle,
  type ScoredAssessment,
} from '@freedom-ratings/db';
import { regionsIn } from '@freedom-ratings/core';
import type { z } from 'zod';
import { notFound } from '../errors/api-error.js';
import { ratingsTableSchema, type RatingsSortKey, type ratingsQuery } from '@freedom-ratings/contract';
import { checkOutput, invalidRequest } from '../http/validation.js';
import { attributionFor } from './attribution.js';
import { publishedEditionView } from './edition-summary.js';
import { entityRef } from './entity-ref.js';
import { changeOf, figuresOf, type Change, type Figures } from './figures.js';

type Query = z.output<typeof ratingsQuery>;
type Table = z.input<typeof ratingsTableSchema>;
type Row = Table['rows'][number];

/** Said the same way whether the edition is a draft or does not exist, so a 404 reveals nothing. */
export const noPublishedEdition = (edition: number) => notFound(`No published edition ${edition}.`);

/** One row of the full table: what it is filtered and sorted by, and its JSON with and without indicators. */
interface TableRow {
  row: Row;
  json: { summary: string; detailed: string };
}

/**
 * An edition's whole ratings table, computed once per edition and publication
 * version: every query-string variant (filter, sort, order, include) is a
 * filter and sort of these rows, so no variant loads or scores anything again.
 * Rows are checked against the contract and serialised here, once.
 */
export interface EditionRatings {
  edition: number;
  /** The regions `?region=` accepts: the registry's for the edition and any a source stated for its rows. */
  regions: readonly string[];
  rows: readonly TableRow[];
  /** The JSON of `edition` and `source`, the parts every variant shares. */
  editionJson: string;
  sourceJson: string;
}

/** Loads and scores an edition's published assessments and the previous edition's, for `ratingsTableBody`. */
export async function editionRatings(db: DatabaseHandle, edition: number): Promise<EditionRatings> {
  const ed = await findPublishedEdition(db, edition);
  if (!ed) throw noPublishedEdition(edition);
  const current = (await loadAssessments(db, { edition, publishedOnly: true })).map(scoreAssessment);
  const previousEdition = await previousPublishedEdition(db, edition);
  const previous = new Map<string, ScoredAssessment>();
  const entities = await loadEntityRegistry(db);
  if (previousEdition !== undefined) {
    for (const data of await loadAssessments(db, { edition: previousEdition, publishedOnly: true })) {
      previous.set(data.entity.id, scoreAssessment(data));
    }
  }
  const seriesBefore = (id: string) =>
    previousEdition === undefined ? id : (entities.seriesAt(id, previousEdition)?.id ?? id);
  const detailed: Row[] = [];
  for (const s of current) {
    const figures = figuresOf(s);
    if (!figures) continue;
    detailed.push({
      entity: { ...entityRef(s.entity), kind: s.row.kind },
      region: s.row.region,
      figures,
      // Measured from the entity's series: Serbia FIW 2007 from Serbia and Montenegro FIW 2006.
      change: changeOf(s, previous.get(seriesBefore(s.entity.id))),
    });
  }
  const summary = detailed.map((r) => ({
    ...r,
    figures: { ...(r.figures as Figures), indicators: null, categories: withoutIndicators(r.figures as Figures) },
    change: r.change && { ...(r.change as Change), indicators: {} },
  }));
  const releases = (await releasesOf(db, edition)).length;
  const shared = { edition: publishedEditionView(ed, current.length, releases), source: attributionFor(current) };
  const route = `ratings:${edition}`;
  const checkedSummary = checkOutput(ratingsTableSchema, { ...shared, rows: summary }, route);
  const checkedDetailed = checkOutput(ratingsTableSchema, { ...shared, rows: detailed }, route);
  const stated = new Set(detailed.map((r) => r.region).filter((r): r is string => r !== null));
  const registry: string[] = regionsIn(edition);
  return {
    edition,
    regions: [...registry, ...[...stated].filter((r) => !registry.includes(r)).sort()],
    rows: detailed.map((row, i) => ({
      row,
      json: {
        summary: JSON.stringify(checkedSummary.rows[i]),
        detailed: JSON.stringify(checkedDetailed.rows[i]),
      },
    })),
    editionJson: JSON.stringify(checkedSummary.edition),
    sourceJson: JSON.stringify(checkedSummary.source),
  };
}

/** Another index's categories without their indicators, as the table gives them unless `include=indicators`. */
function withoutIndicators(f: Figures): Figures['categories'] {
  return (
    f.categories?.map((c) => ({ ...c, subcategories: c.subcategories.map((s) => ({ ...s, indicators: [] })) })) ?? null
  );
}

/**
 * The table a query asks for, as the JSON body: the rows of the region, status
 * and kind asked for, sorted. A region the edition does not know is a 400 that
 * names the parameter and the regions it accepts (it used to be an empty table,
 * indistinguishable from a region without ratings).
 */
export function ratingsTableBody(table: EditionRatings, query: Query): string {
  if (query.region !== undefined && !table.regions.includes(query.region)) {
    throw invalidRequest([
      {
        location: 'query',
        path: 'region',
        message: `Unknown region "${query.region}" for edition ${table.edition}: expected one of ${table.regions.map((r) => `"${r}"`).join('|')}`,
        allowed: table.regions,
      },
    ]);
  }
  const chosen = table.rows.filter(
    ({ row }) =>
      (query.region === undefined || row.region === query.region) &&
      (query.status === undefined || (row.figures as Figures).status === query.status) &&
      (query.kind === undefined || row.entity.kind === query.kind),
  );
  const variant = query.include === 'indicators' ? 'detailed' : 'summary';
  const rows = sortRows(chosen, query.sort, query.order).map((r) => r.json[variant]);
  return `{"edition":${table.editionJson},"rows":[${rows.join(',')}],"source":${table.sourceJson}}`;
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
function sortRows(rows: readonly TableRow[], key: RatingsSortKey, order: 'asc' | 'desc'): TableRow[] {
  const sign = order === 'asc' ? 1 : -1;
  const keyed = rows.map((r) => ({ r, value: sortValue(r.row, key) }));
  keyed.sort((a, b) => {
    if (a.value === null && b.value !== null) return 1;
    if (b.value === null && a.value !== null) return -1;
    if (a.value !== null && b.value !== null && a.value !== b.value) {
      const cmp =
        typeof a.value === 'string' ? a.value.localeCompare(b.value as string) : a.value - (b.value as number);
      return sign * cmp;
    }
    return a.r.row.entity.name.localeCompare(b.r.row.entity.name);
  });
  return keyed.map((k) => k.r);
}
