import { STATUSES, STATUS_NAMES, metricDefinition, type MetricDefinition } from '@freedom-ratings/core';
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import type { PublishedEdition, RatingsTable } from '../../api/client.js';
import { useApi } from '../../app/api-context.js';
import { chooseEdition, editionName } from '../../app/editions.js';
import { useNavigate } from '../../app/navigation.js';
import { definePage, type PageProps } from '../../app/page.js';
import { hrefOf, type MapView } from '../../app/url-state.js';
import { EditionSlider } from '../../components/EditionSlider/EditionSlider.js';
import { Legend } from '../../components/Legend/Legend.js';
import { Swatch } from '../../components/Legend/Swatch.js';
import { SinceSelect } from '../../components/SinceSelect/SinceSelect.js';
import { changeScale, valueScale } from '../../map/colour-scale.js';
import { loadGeometry, type MapGeometry } from '../../map/geometry.js';
import { PatternDefs } from '../../map/patterns.js';
import { layoutMap, mapEntries, unplaced, type MapEntry } from './map-model.js';
import { MetricSelect } from './metric-select.js';
import { WorldMap } from './world-map.js';

interface MapData {
  editions: PublishedEdition[];
  edition: PublishedEdition;
  since: PublishedEdition | null;
  table: RatingsTable;
  sinceTable: RatingsTable | null;
}

const needsIndicators = (m: MetricDefinition) => m.granularities.length === 1 && m.granularities[0] === 'indicators';

export const mapPage = definePage<'map', MapData>({
  async load(api, view) {
    const metric = metricDefinition(view.metric)!;
    const indicators = needsIndicators(metric);
    const [{ editions, current }, since] = await Promise.all([
      chooseEdition(api, view.edition),
      view.since === null ? null : chooseEdition(api, view.since).then((c) => c.current),
    ]);
    const [table, sinceTable] = await Promise.all([
      api.ratings(current.edition, { indicators }),
      since ? api.ratings(since.edition, { indicators }) : null,
    ]);
    return { editions, edition: current, since, table, sinceTable };
  },
  head(view, { edition, since, table }) {
    const metric = metricDefinition(view.metric)!;
    const counts = STATUSES.map((s) => `${table.rows.filter((r) => r.figures.status === s).length} ${STATUS_NAMES[s]}`);
    const what = since ? `${metric.label}, change since ${editionName(since)}` : metric.label;
    return {
      title: `World map: ${what} (${editionName(edition)}) — Freedom Ratings`,
      description: `Freedom in the World ${edition.label}: ${counts.join(', ')} of ${table.rows.length} countries and territories.`,
    };
  },
  Page: MapPage,
});

function MapPage({ view, data }: PageProps<'map', MapData>) {
  const navigate = useNavigate();
  const metric = metricDefinition(view.metric)!;
  const { edition, since, table, sinceTable, editions } = data;
  const [geometry, setGeometry] = useState<MapGeometry | null>(null);
  const [geometryError, setGeometryError] = useState(false);

  useEffect(() => {
    loadGeometry().then(setGeometry, () => setGeometryError(true));
  }, []);

  const go = useCallback(
    (change: Partial<MapView>, replace = false) => navigate(hrefOf({ ...view, ...change }), { replace }),
    [navigate, view],
  );
  const onEdition = useCallback((e: number) => go({ edition: e }, true), [go]);

  const scale = useMemo(() => (since ? changeScale(metric, editionName(since)) : valueScale(metric)), [metric, since]);
  const entries = useMemo(
    () => mapEntries(table.rows, sinceTable?.rows ?? null, metric, scale),
    [table, sinceTable, metric, scale],
  );
  const layout = useMemo(() => (geometry ? layoutMap(geometry, entries) : null), [geometry, entries]);
  const missing = useMemo(() => (geometry ? unplaced(geometry, entries) : []), [geometry, entries]);
  const counts = useMemo(() => {
    const c = new Map<string, number>();
    for (const e of entries.values()) {
      const key = e.class?.label ?? scale.noData.label;
      c.set(key, (c.get(key) ?? 0) + 1);
    }
    return c;
  }, [entries, scale]);

  // Prefetch the editions either side, so stepping through the years repaints at once.
  const api = useApi();
  useEffect(() => {
    const i = editions.findIndex((e) => e.edition === edition.edition);
    for (const next of [editions[i + 1], editions[i - 1]]) {
      if (next && api) api.ratings(next.edition, { indicators: needsIndicators(metric) }).catch(() => undefined);
    }
  }, [api, editions, edition, metric]);

  const describe = useCallback(
    (e: MapEntry) => `${e.row.entity.name}: ${e.text}${e.row.entity.kind === 'territory' ? ' (territory)' : ''}`,
    [],
  );
  const linkOf = useCallback(
    (e: MapEntry) => hrefOf({ page: 'country', slug: e.row.entity.id, edition: edition.edition, vs: null }),
    [edition],
  );
  const unratedNote = useCallback((name: string) => `${name}: not rated in ${editionName(edition)}`, [edition]);
  const withValue = [...entries.values()].filter((e) => e.value !== null).length;

  return (
    <section class="map-page" aria-labelledby="map-title">
      <PatternDefs />
      <h1 id="map-title">
        {metric.label}
        {since ? `: change since ${editionName(since)}` : ''} <span class="subtle">— {editionName(edition)}</span>
      </h1>
      <form class="controls" action="/map" method="get" onSubmit={(e) => e.preventDefault()}>
        <div class="field">
          <label for="map-metric">Show</label>
          <MetricSelect id="map-metric" value={view.metric} onChange={(m) => go({ metric: m })} />
        </div>
        <SinceSelect
          id="map-since"
          editions={editions.filter((e) => e.edition !== edition.edition)}
          value={since?.edition ?? null}
          noneLabel="— no comparison —"
          onChange={(v) => go({ since: v })}
        />
        <input type="hidden" name="edition" value={edition.edition} />
        <noscript>
          <button type="submit">Show</button>
        </noscript>
      </form>
      <EditionSlider editions={editions} value={edition.edition} onChange={onEdition} />
      {withValue === 0 && (
        <p class="notice" role="status">
          No country or territory in {editionName(edition)} has a figure for “{metric.label}”
          {metric.granularities.includes('ratings') ? '' : ': that edition was not published in that detail'}.{' '}
          <a href={hrefOf({ ...view, metric: 'status' })}>Show status instead</a>.
        </p>
      )}
      <div class="map-layout">
        <div class="map-area">
          {layout && geometry ? (
            <WorldMap
              geometry={geometry}
              layout={layout}
              label={`World map of ${scale.title.toLowerCase()}, ${editionName(edition)}. Each country is a link to its page; the table lists the same figures.`}
              describe={describe}
              linkOf={linkOf}
              unratedNote={unratedNote}
            />
          ) : (
            <p class="map-placeholder" role="status">
              {geometryError ? 'The map could not be loaded. The table below lists every figure.' : 'Loading the map…'}
            </p>
          )}
          <p class="map-alternative">
            <a
              href={hrefOf({
                page: 'table',
                edition: edition.edition,
                sort: 'name',
                order: 'asc',
                region: null,
                status: null,
                kind: null,
                q: '',
                since: since?.edition ?? null,
              })}
            >
              The same figures as a table
            </a>
          </p>
        </div>
        <aside class="map-side">
          <Legend scale={scale} counts={counts} />
          {layout && layout.points.length + missing.length > 0 && (
            <section class="points-list" aria-labelledby="points-title">
              <h2 id="points-title">Shown as points</h2>
              <p class="subtle">Territories and small states without a shape on this map, marked by a dot:</p>
              <ul>
                {[...layout.points.map((p) => p.entry), ...missing].map((e) => (
                  <li key={e.row.entity.id}>
                    <Swatch colour={e.class?.colour ?? scale.noData.colour} pattern={e.class?.pattern ?? 'solid'} />
                    <a href={linkOf(e)}>{e.row.entity.name}</a> <span class="subtle">{e.text}</span>
                  </li>
                ))}
              </ul>
            </section>
          )}
        </aside>
      </div>
      <p class="source">{table.source}</p>
    </section>
  );
}
