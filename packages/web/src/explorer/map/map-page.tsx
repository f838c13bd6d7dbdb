import { STATUSES, STATUS_NAMES, metricDefinition, type MetricDefinition } from '@freedom-ratings/core';
import { Fragment } from 'preact';
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import type { Api, MetricSeries, PublishedEdition } from '../../api/client.js';
import { useApi } from '../../app/api-context.js';
import { chooseEdition, editionName } from '../../app/editions.js';
import { useNavigate } from '../../app/navigation.js';
import { definePage, type PageProps } from '../../app/page.js';
import { hrefOf, type MapView } from '../../app/url-state.js';
import { EditionSlider } from '../../components/EditionSlider/EditionSlider.js';
import { Legend } from '../../components/Legend/Legend.js';
import { Swatch } from '../../components/Legend/Swatch.js';
import { SinceSelect } from '../../components/SinceSelect/SinceSelect.js';
import { changeScale, valueScale, type ColourScale } from '../../map/colour-scale.js';
import { loadGeometry, type MapGeometry } from '../../map/geometry.js';
import { PatternDefs } from '../../map/patterns.js';
import { layoutMap, mapEntries, type MapEntry } from './map-model.js';
import { rowsOfSeries, rowsOfTable, type MapRow } from './map-rows.js';
import { MetricSelect } from './metric-select.js';
import { WorldMap } from './world-map.js';

interface MapData {
  editions: PublishedEdition[];
  edition: PublishedEdition;
  since: PublishedEdition | null;
  rows: MapRow[];
  sinceRows: MapRow[] | null;
  source: string;
}

const needsIndicators = (m: MetricDefinition) => m.granularities.length === 1 && m.granularities[0] === 'indicators';

/**
 * An edition's rows: from the metric's series once it has arrived (the map
 * fetches it after it is shown, so the slider moves anywhere without a
 * request), else from the edition's ratings table (the server-rendered page
 * and the first moments in the browser).
 */
async function editionRows(
  api: Api,
  series: MetricSeries | undefined,
  edition: number,
  metric: MetricDefinition,
): Promise<{ rows: MapRow[]; source: string }> {
  const fromSeries = series && rowsOfSeries(series, edition);
  if (fromSeries) return { rows: fromSeries, source: series.editions.find((e) => e.edition === edition)!.source };
  const table = await api.ratings(edition, { indicators: needsIndicators(metric) });
  return { rows: rowsOfTable(table.rows, metric), source: table.source };
}

export const mapPage = definePage<'map', MapData>({
  async load(api, view) {
    const metric = metricDefinition(view.metric)!;
    const series = api.arrivedMetricSeries(metric.key);
    const [{ editions, current }, since] = await Promise.all([
      chooseEdition(api, view.edition),
      view.since === null ? null : chooseEdition(api, view.since).then((c) => c.current),
    ]);
    const [now, then] = await Promise.all([
      editionRows(api, series, current.edition, metric),
      since ? editionRows(api, series, since.edition, metric) : null,
    ]);
    return { editions, edition: current, since, rows: now.rows, sinceRows: then?.rows ?? null, source: now.source };
  },
  head(view, { edition, since, rows }) {
    const metric = metricDefinition(view.metric)!;
    const counts = STATUSES.map((s) => `${rows.filter((r) => r.status === s).length} ${STATUS_NAMES[s]}`);
    const what = since ? `${metric.label}, change since ${editionName(since)}` : metric.label;
    return {
      title: `World map: ${what} (${editionName(edition)}) — Freedom Ratings`,
      description: `Freedom in the World ${edition.label}: ${counts.join(', ')} of ${rows.length} countries and territories.`,
    };
  },
  Page: MapPage,
});

/** Entities listed beside the map, each with its colour, a link to its page and its value. */
function EntryList(props: { entries: MapEntry[]; scale: ColourScale; linkOf(e: MapEntry): string }) {
  const { scale, linkOf } = props;
  return (
    <ul>
      {props.entries.map((e) => (
        <li key={e.row.entity.id}>
          <Swatch colour={e.class?.colour ?? scale.noData.colour} pattern={e.class?.pattern ?? 'solid'} />
          <span class="point-text">
            <a href={linkOf(e)}>{e.row.entity.name}</a>{' '}
            <span class="subtle point-value">
              {/* “−13 (less free); now 38 / 100” breaks at its “;” only, never inside a figure. */}
              {e.text.split('; ').map((part, i, parts) => (
                <Fragment key={i}>
                  <span>{i < parts.length - 1 ? `${part};` : part}</span>
                  {i < parts.length - 1 ? ' ' : ''}
                </Fragment>
              ))}
            </span>
          </span>
        </li>
      ))}
    </ul>
  );
}

function MapPage({ view, data }: PageProps<'map', MapData>) {
  const navigate = useNavigate();
  const metric = metricDefinition(view.metric)!;
  const { edition, since, rows, sinceRows, editions, source } = data;
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
  const entries = useMemo(() => mapEntries(rows, sinceRows, metric, scale), [rows, sinceRows, metric, scale]);
  const layout = useMemo(() => (geometry ? layoutMap(geometry, entries) : null), [geometry, entries]);
  const counts = useMemo(() => {
    const c = new Map<string, number>();
    for (const e of entries.values()) {
      const key = e.class?.label ?? scale.noData.label;
      c.set(key, (c.get(key) ?? 0) + 1);
    }
    return c;
  }, [entries, scale]);

  // Once the map is shown, fetch the metric's every edition in one answer, so the slider then moves without a
  // request; until it arrives, prefetch the editions either side.
  const api = useApi();
  const drawn = geometry !== null;
  useEffect(() => {
    if (!api || !drawn) return;
    // When the browser is idle after drawing the map, so the series never delays the map itself.
    const fetchSeries = () => void api.metricSeries(metric.key).catch(() => undefined);
    if (typeof requestIdleCallback !== 'function') {
      const timer = setTimeout(fetchSeries, 200);
      return () => clearTimeout(timer);
    }
    const idle = requestIdleCallback(fetchSeries, { timeout: 2000 });
    return () => cancelIdleCallback(idle);
  }, [api, metric, drawn]);
  useEffect(() => {
    if (!api || api.arrivedMetricSeries(metric.key)) return;
    const i = editions.findIndex((e) => e.edition === edition.edition);
    for (const next of [editions[i + 1], editions[i - 1]]) {
      if (next) api.ratings(next.edition, { indicators: needsIndicators(metric) }).catch(() => undefined);
    }
  }, [api, editions, edition, metric]);

  const describe = useCallback(
    (e: MapEntry) => `${e.row.entity.name}: ${e.text}${e.row.entity.kind === 'territory' ? ' (territory)' : ''}`,
    [],
  );
  const linkOf = useCallback(
    (e: MapEntry) =>
      hrefOf({ page: 'country', slug: e.row.entity.id, edition: edition.edition, vs: null, changed: false }),
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
          {layout && layout.points.length > 0 && (
            <section class="points-list" aria-labelledby="points-title">
              <h2 id="points-title">Shown as points</h2>
              <p class="subtle">Territories and small states without a shape on this map, marked by a dot:</p>
              <EntryList entries={layout.points.map((p) => p.entry)} scale={scale} linkOf={linkOf} />
            </section>
          )}
          {layout && layout.unplaced.length > 0 && (
            <section class="points-list unplaced-list" aria-labelledby="unplaced-title">
              <h2 id="unplaced-title">Not on the map</h2>
              <p class="subtle">Added to the registry after this map was made, so without a shape or a dot:</p>
              <EntryList entries={layout.unplaced} scale={scale} linkOf={linkOf} />
            </section>
          )}
        </aside>
      </div>
      <p class="source">{source}</p>
    </section>
  );
}
