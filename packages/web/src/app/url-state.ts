import { metricDefinition, type EntityKind, type MetricKey, type Status } from '@freedom-ratings/core';
import { isCategorySortKey, TABLE_SORT_KEYS, type TableSortKey } from '../explorer/table/sort-keys.js';

/**
 * Every view's state, as its address carries it. This module is the only
 * reader and writer of paths and query parameters: pages get a typed view and
 * make links with `hrefOf`, so an address always means one thing and a
 * shared link restores exactly what its sender saw. Defaults stay out of
 * addresses; `edition: null` means the newest published edition.
 */
export type View = MapView | TableView | CountryView | CompareView | MethodologyView | DownloadsView;

export interface MapView {
  page: 'map';
  edition: number | null;
  metric: MetricKey;
  /** Change mode: colour by the change since this edition. */
  since: number | null;
}

export interface TableView {
  page: 'table';
  edition: number | null;
  sort: TableSortKey;
  order: 'asc' | 'desc';
  region: string | null;
  status: Status | null;
  kind: EntityKind | null;
  q: string;
  since: number | null;
}

export interface CountryView {
  page: 'country';
  slug: string;
  edition: number | null;
  /** Another edition to show side by side. */
  vs: number | null;
  /** Side by side, only the figures that differ between the two editions (`changed=1`). */
  changed: boolean;
}

export interface CompareView {
  page: 'compare';
  entities: string[];
  metric: MetricKey;
  edition: number | null;
}

export interface MethodologyView {
  page: 'methodology';
  edition: number | null;
}

export interface DownloadsView {
  page: 'downloads';
}

export type PageId = View['page'];
export type ViewOf<P extends PageId> = Extract<View, { page: P }>;

/** A query parameter the address got wrong, said so a reader can fix it. */
export interface UrlProblem {
  param: string;
  message: string;
}

export interface ReadResult {
  /** null: no page at this path. */
  view: View | null;
  problems: UrlProblem[];
}

export const DEFAULT_MAP_METRIC: MetricKey = 'status';
export const DEFAULT_COMPARE_METRIC: MetricKey = 'total';

const STATUSES: readonly Status[] = ['F', 'PF', 'NF'];
const KINDS: readonly EntityKind[] = ['country', 'territory'];
const SLUG = /^[a-z0-9][a-z0-9-]{0,99}$/i;

class Reader {
  readonly problems: UrlProblem[] = [];
  constructor(private readonly search: URLSearchParams) {}

  private raw(param: string): string | null {
    const v = this.search.get(param);
    return v === null || v.trim() === '' ? null : v.trim();
  }

  edition(param: string): number | null {
    const v = this.raw(param);
    if (v === null) return null;
    if (!/^\d{4}$/.test(v)) {
      this.problems.push({ param, message: `“${v}” is not an edition: ${param}= takes a year such as 2024.` });
      return null;
    }
    return Number(v);
  }

  metric(param: string, fallback: MetricKey): MetricKey {
    const v = this.raw(param);
    if (v === null) return fallback;
    const m = metricDefinition(v);
    if (!m) {
      this.problems.push({
        param,
        message: `Unknown metric “${v}”: use status, total, pr, cl, prRating, clRating, freedomRating, a subcategory (A–G) or an indicator (A1–G4).`,
      });
      return fallback;
    }
    return m.key;
  }

  oneOf<T extends string>(param: string, allowed: readonly T[], what: string): T | null {
    const v = this.raw(param);
    if (v === null) return null;
    if (!(allowed as readonly string[]).includes(v)) {
      this.problems.push({ param, message: `Unknown ${what} “${v}”: use one of ${allowed.join(', ')}.` });
      return null;
    }
    return v as T;
  }

  /** A switch that is on as `param=1` and off when absent. */
  flag(param: string): boolean {
    const v = this.raw(param);
    if (v === null) return false;
    if (v !== '1')
      this.problems.push({ param, message: `“${v}” is not a setting: ${param}= takes 1, or leave it out.` });
    return v === '1';
  }

  text(param: string): string {
    return (this.raw(param) ?? '').slice(0, 100);
  }

  slugs(param: string): string[] {
    const v = this.raw(param);
    if (v === null) return [];
    const list = v
      .split(',')
      .map((s) => s.trim().toLowerCase())
      .filter(Boolean);
    const bad = list.filter((s) => !SLUG.test(s));
    if (bad.length) this.problems.push({ param, message: `Not an entity name: ${bad.join(', ')}.` });
    return [...new Set(list.filter((s) => SLUG.test(s)))].slice(0, 12);
  }
}

/** The view an address shows, and what was wrong with its query parameters. */
export function readUrl(pathname: string, search: string | URLSearchParams): ReadResult {
  const r = new Reader(typeof search === 'string' ? new URLSearchParams(search) : search);
  const path = pathname.replace(/\/+$/, '') || '/';
  const view = ((): View | null => {
    if (path === '/' || path === '/map') {
      return {
        page: 'map',
        edition: r.edition('edition'),
        metric: r.metric('metric', DEFAULT_MAP_METRIC),
        since: r.edition('since'),
      };
    }
    if (path === '/table') {
      return {
        page: 'table',
        edition: r.edition('edition'),
        sort: tableSort(r),
        order: r.oneOf('order', ['asc', 'desc'] as const, 'order') ?? 'asc',
        region: r.text('region') || null,
        status: r.oneOf('status', STATUSES, 'status'),
        kind: r.oneOf('kind', KINDS, 'kind'),
        q: r.text('q'),
        since: r.edition('since'),
      };
    }
    const country = /^\/country\/([^/]+)$/.exec(path);
    if (country) {
      const slug = decodeURIComponent(country[1]!).toLowerCase();
      if (!SLUG.test(slug)) return null;
      return { page: 'country', slug, edition: r.edition('edition'), vs: r.edition('vs'), changed: r.flag('changed') };
    }
    if (path === '/compare') {
      return {
        page: 'compare',
        // `add=` is the compare page's "Add" control when it is submitted as a plain form.
        entities: [...new Set([...r.slugs('entities'), ...r.slugs('add')])],
        metric: r.metric('metric', DEFAULT_COMPARE_METRIC),
        edition: r.edition('edition'),
      };
    }
    if (path === '/methodology') return { page: 'methodology', edition: r.edition('edition') };
    if (path === '/downloads') return { page: 'downloads' };
    return null;
  })();
  return { view, problems: view ? r.problems : [] };
}

/** The address of a view: path plus only the parameters that differ from their defaults, in a fixed order. */
export function hrefOf(view: View): string {
  const q = new URLSearchParams();
  const set = (k: string, v: string | number | null | undefined, unless?: string | number) => {
    if (v !== null && v !== undefined && v !== '' && v !== unless) q.set(k, String(v));
  };
  let path: string;
  switch (view.page) {
    case 'map':
      path = '/map';
      set('edition', view.edition);
      set('metric', view.metric, DEFAULT_MAP_METRIC);
      set('since', view.since);
      if (q.size === 0) path = '/';
      break;
    case 'table':
      path = '/table';
      set('edition', view.edition);
      set('sort', view.sort, 'name');
      set('order', view.order, 'asc');
      set('region', view.region);
      set('status', view.status);
      set('kind', view.kind);
      set('q', view.q);
      set('since', view.since);
      break;
    case 'country':
      path = `/country/${encodeURIComponent(view.slug)}`;
      set('edition', view.edition);
      set('vs', view.vs);
      // Only the side by side has rows to leave out.
      if (view.vs !== null && view.changed) set('changed', 1);
      break;
    case 'compare':
      path = '/compare';
      set('entities', view.entities.join(','));
      set('metric', view.metric, DEFAULT_COMPARE_METRIC);
      set('edition', view.edition);
      break;
    case 'methodology':
      path = '/methodology';
      set('edition', view.edition);
      break;
    case 'downloads':
      path = '/downloads';
      break;
  }
  const s = q.toString().replace(/%2C/g, ',');
  return s ? `${path}?${s}` : path;
}

/** The view of a page with every parameter at its default (a country page needs its entity). */
export function defaultView<P extends Exclude<PageId, 'country'>>(page: P): ViewOf<P> {
  return readUrl(`/${page}`, '').view as ViewOf<P>;
}

/** The table's `sort=`: one of its fixed columns, or a category column of another methodology (`cat.VOTE`). */
function tableSort(r: Reader): TableSortKey {
  const v = r.text('sort');
  if (isCategorySortKey(v)) return v;
  return r.oneOf('sort', TABLE_SORT_KEYS, 'column') ?? 'name';
}
