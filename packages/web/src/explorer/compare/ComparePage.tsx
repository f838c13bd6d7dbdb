import {
  CATEGORIES,
  editionInfo,
  METRICS,
  methodologyBreaks,
  metricValue,
  STATUS_NAMES,
  STATUSES,
  SUBCATEGORIES,
  type MetricDefinition,
} from '@freedom-ratings/core';
import { HistoryChart } from '../../components/HistoryChart/HistoryChart.js';
import { scoreAxis } from '../../components/HistoryChart/score-axis.js';
import type { EntityHistory } from '../../api/client.js';
import { hrefOf } from '../../app/url-state.js';
import { ViewForm } from '../../components/ViewForm/ViewForm.js';

/** As many entities as an address may name (each line has its own colour and dash pattern). */
export const MAX_COMPARED = 12;

export interface ComparePageData {
  histories: readonly EntityHistory[];
  metric: MetricDefinition;
  /** The edition of the by-subcategory view. */
  edition: number | null;
  /** Every entity with published data, for the "add" control. */
  choices: readonly { id: string; name: string }[];
}

const label = (e: number) => editionInfo(e)?.label ?? String(e);

const compareHref = (entities: string[], metric: MetricDefinition, edition: number | null) =>
  hrefOf({ page: 'compare', entities, metric: metric.key, edition });

function Controls({ histories, metric, edition, choices }: ComparePageData) {
  const ids = histories.map((h) => h.entity.id);
  const addable = choices.filter((c) => !ids.includes(c.id));
  return (
    <div class="compare-page__controls">
      <ul class="compare-page__chosen" aria-label="Compared">
        {histories.map((h, i) => (
          <li key={h.entity.id} class={`chip chip-${i}`}>
            <a href={`/country/${h.entity.id}`}>{h.entity.name}</a>
            <a
              class="chip__remove"
              href={compareHref(
                ids.filter((x) => x !== h.entity.id),
                metric,
                edition,
              )}
              aria-label={`Remove ${h.entity.name}`}
            >
              ×
            </a>
          </li>
        ))}
      </ul>
      <ViewForm class="compare-page__form" action="/compare">
        <input type="hidden" name="entities" value={ids.join(',')} />
        {edition !== null && <input type="hidden" name="edition" value={String(edition)} />}
        <label for="compare-metric">Figure</label>
        <select id="compare-metric" name="metric" value={metric.key}>
          {METRICS.map((m) => (
            <option key={m.key} value={m.key}>
              {m.label}
            </option>
          ))}
        </select>
        {ids.length < MAX_COMPARED && (
          <>
            <label for="compare-add">Add</label>
            <select id="compare-add" name="add" value="">
              <option value="">Choose a country or territory</option>
              {addable.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </>
        )}
        <button type="submit">Update</button>
      </ViewForm>
    </div>
  );
}

function OverTime({ histories, metric }: ComparePageData) {
  const series = histories.map((h) => ({
    id: h.entity.id,
    label: h.entity.name,
    points: h.history.map((e) => ({ edition: e.edition.edition, value: metricValue(e.figures, metric) })),
  }));
  const carried = series.flatMap((s) => s.points.filter((p) => p.value !== null));
  if (carried.length === 0)
    return <p role="status">{`No compared entity has a published ${metric.label.toLowerCase()}.`}</p>;
  const from = Math.min(...carried.map((p) => p.edition));
  const to = Math.max(...carried.map((p) => p.edition));
  const axis =
    metric.kind === 'status'
      ? {
          min: 0,
          max: 2,
          invert: true,
          ticks: [0, 1, 2],
          label: 'Status',
          format: (v: number) => STATUS_NAMES[STATUSES[v]!],
        }
      : metric.kind === 'rating'
        ? { min: 1, max: 7, invert: true, ticks: [1, 2, 3, 4, 5, 6, 7], label: `${metric.label} (1 = most free)` }
        : scoreAxis(
            carried.map((p) => p.value),
            metric.max,
            metric.label,
          );
  return (
    <HistoryChart
      id="compare-chart"
      title={`${metric.label}, FIW ${label(from)}–${label(to)}`}
      series={series.map((s) => ({ ...s, points: s.points.filter((p) => p.edition >= from) }))}
      axis={metric.max <= 4 ? { ...axis, ticks: [0, 1, 2, 3, 4] } : axis}
      from={from}
      to={to}
      breaks={methodologyBreaks()}
      editionLabel={label}
    />
  );
}

const PARTS = [
  { key: 'total', name: 'Total', max: 100 },
  { key: 'pr', name: CATEGORIES.PR.name, max: CATEGORIES.PR.max },
  ...CATEGORIES.PR.subcategories.map((s) => ({
    key: s,
    name: `${s}. ${SUBCATEGORIES[s].name}`,
    max: SUBCATEGORIES[s].max,
  })),
  { key: 'cl', name: CATEGORIES.CL.name, max: CATEGORIES.CL.max },
  ...CATEGORIES.CL.subcategories.map((s) => ({
    key: s,
    name: `${s}. ${SUBCATEGORIES[s].name}`,
    max: SUBCATEGORIES[s].max,
  })),
] as const;

/** Every compared entity's subcategory scores in one edition, as a table with bars drawn in its cells. */
function BySubcategory({ histories, edition, metric }: ComparePageData) {
  const editions = [
    ...new Set(
      histories.flatMap((h) => h.history.filter((e) => e.figures.subcategories).map((e) => e.edition.edition)),
    ),
  ].sort((a, b) => b - a);
  if (editions.length === 0) return null;
  const shown = edition !== null && editions.includes(edition) ? edition : editions[0]!;
  const rows = histories.map((h) => h.history.find((e) => e.edition.edition === shown)?.figures ?? null);
  const def = (key: string) => METRICS.find((m) => m.key === key)!;
  return (
    <section aria-labelledby="by-subcategory-heading">
      <h2 id="by-subcategory-heading">{`By subcategory, FIW ${label(shown)}`}</h2>
      <ViewForm class="compare-page__form" action="/compare">
        <input type="hidden" name="entities" value={histories.map((h) => h.entity.id).join(',')} />
        <input type="hidden" name="metric" value={metric.key} />
        <label for="compare-edition">Edition</label>
        <select id="compare-edition" name="edition" value={String(shown)}>
          {editions.map((e) => (
            <option key={e} value={String(e)}>
              {`FIW ${label(e)}`}
            </option>
          ))}
        </select>
        <button type="submit">Show</button>
      </ViewForm>
      <div class="table-scroll" role="region" aria-label={`Scores by subcategory, FIW ${label(shown)}`} tabIndex={0}>
        <table class="compare-page__parts">
          <caption>{`Scores by subcategory, FIW ${label(shown)}; the bar shows the share of the maximum`}</caption>
          <thead>
            <tr>
              <th scope="col">Subcategory</th>
              {histories.map((h, i) => (
                <th key={h.entity.id} scope="col" class={`chip-${i}`}>
                  {h.entity.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {PARTS.map((p) => (
              <tr key={p.key} class={p.key.length === 1 ? 'part--sub' : 'part--total'}>
                <th scope="row">{`${p.name} (0–${p.max})`}</th>
                {rows.map((f, i) => {
                  const v = f ? metricValue(f, def(p.key)) : null;
                  return (
                    <td key={histories[i]!.entity.id}>
                      {v === null ? (
                        'not published'
                      ) : (
                        <span class="bar-cell">
                          <span class="bar-value">{v}</span>
                          <span class="bar-track" aria-hidden="true">
                            <span class={`bar bar-${i}`} style={{ width: `${Math.max(0, (v / p.max) * 100)}%` }} />
                          </span>
                        </span>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** `/compare?entities=&metric=&edition=`: several entities over time on one chart, and by subcategory for one edition. */
export function ComparePage(data: ComparePageData) {
  return (
    <div class="compare-page">
      <h1>Compare</h1>
      <Controls {...data} />
      {data.histories.length === 0 ? (
        <p>Choose countries or territories to compare.</p>
      ) : (
        <>
          <OverTime {...data} />
          <BySubcategory {...data} />
        </>
      )}
      <p class="compare-page__source">Source: Freedom House, Freedom in the World.</p>
    </div>
  );
}
