import { API_PATHS, type ApiPathName, type ENDPOINTS } from '@freedom-ratings/contract';
import type { z } from 'zod';
import { ApiError, type Transport } from './transport.js';

/** The success answer of an operation, from the contract's schema (a type only: no zod in the bundle). */
type Answer<N extends keyof typeof ENDPOINTS> = (typeof ENDPOINTS)[N] extends { response: infer S extends z.ZodType }
  ? z.output<S>
  : never;

/** Response types of the public API, straight from the contract. */
export type EditionList = Answer<'listEditions'>;
export type PublishedEdition = EditionList['editions'][number];
export type RatingsTable = Answer<'ratingsTable'>;
export type RatingsRow = RatingsTable['rows'][number];
export type Figures = RatingsRow['figures'];
export type Change = NonNullable<RatingsRow['change']>;
export type MetricSeries = Answer<'metricSeries'>;
export type EntityList = Answer<'listEntities'>;
export type PublicEntity = EntityList['entities'][number];
export type EditionMethodology = Answer<'editionMethodology'>;
export type EntityHistory = Answer<'entityHistory'>;
export type CountryReport = Answer<'countryReport'>;
export type ReleaseList = Answer<'listReleases'>;
export type Release = ReleaseList['releases'][number];
export type ErrataList = Answer<'editionErrata'>;
export type Erratum = ErrataList['errata'][number];

/** The public API as the pages use it. Answers are kept for the page's lifetime: published data only changes on publication. */
export interface Api {
  editions(): Promise<EditionList>;
  /** `indicators`: also the 25 indicator scores of each row (for maps of one indicator). */
  ratings(edition: number, options?: { indicators?: boolean }): Promise<RatingsTable>;
  /** One metric of every entity in every published edition (the map's slider). */
  metricSeries(metric: string): Promise<MetricSeries>;
  /** The series if its answer has already arrived (a page can then use it without waiting), else undefined. */
  arrivedMetricSeries(metric: string): MetricSeries | undefined;
  searchEntities(query: { q?: string; kind?: 'country' | 'territory' }): Promise<EntityList>;
  history(entity: string): Promise<EntityHistory>;
  report(entity: string, edition: number): Promise<CountryReport>;
  /** Every release of a published edition, oldest first (1 as first published, then one per correction). */
  releases(edition: number): Promise<ReleaseList>;
  /** What corrections changed in one edition, oldest first; empty when nothing was corrected. */
  editionErrata(edition: number): Promise<ErrataList>;
  /** What corrections changed in one entity's published figures and texts, in every edition. */
  entityErrata(entity: string): Promise<ErrataList>;
  /** The methodology file a published edition is scored with (a loaded one, or built in). */
  methodology(edition: number): Promise<EditionMethodology>;
}

/** The contract's path of an operation with its `:name` parameters filled in, plus a query string. */
export function apiPath(
  name: ApiPathName,
  params: Record<string, string | number> = {},
  query: Record<string, string | undefined> = {},
): string {
  const path = API_PATHS[name].replace(/:(\w+)/g, (_, key: string) => {
    const value = params[key];
    if (value === undefined) throw new Error(`apiPath(${name}): no value for :${key}`);
    return encodeURIComponent(String(value));
  });
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== '') search.set(k, v);
  const s = search.toString();
  return s ? `${path}?${s}` : path;
}

/** The typed client over a transport; every path the web app calls is here. */
export function createApi(transport: Transport): Api {
  const cache = new Map<string, Promise<unknown>>();
  const arrived = new Map<string, unknown>();
  const get = <T>(path: string): Promise<T> => {
    let answer = cache.get(path);
    if (!answer) {
      answer = transport.get(path).then(({ status, body }) => {
        if (status >= 200 && status < 300) return body;
        const error = (body as { error?: { code?: string; message?: string } } | null)?.error;
        throw new ApiError(status, error?.code ?? 'error', error?.message ?? `The server answered ${status}.`);
      });
      cache.set(path, answer);
      answer.then((body) => arrived.set(path, body)).catch(() => undefined);
      // A failure is not kept: the next attempt asks again.
      answer.catch(() => cache.delete(path));
    }
    return answer as Promise<T>;
  };
  return {
    editions: () => get(apiPath('listEditions')),
    ratings: (edition, options) =>
      get(apiPath('ratingsTable', { edition }, { include: options?.indicators ? 'indicators' : undefined })),
    metricSeries: (metric) => get(apiPath('metricSeries', { metric })),
    arrivedMetricSeries: (metric) => arrived.get(apiPath('metricSeries', { metric })) as MetricSeries | undefined,
    searchEntities: (q) => get(apiPath('listEntities', {}, { q: q.q, kind: q.kind })),
    history: (entity) => get(apiPath('entityHistory', { entity })),
    report: (entity, edition) => get(apiPath('countryReport', { entity, edition })),
    releases: (edition) => get(apiPath('listReleases', { edition })),
    editionErrata: (edition) => get(apiPath('editionErrata', { edition })),
    entityErrata: (entity) => get(apiPath('entityErrata', { entity })),
    methodology: (edition) => get(apiPath('editionMethodology', { edition })),
  };
}
