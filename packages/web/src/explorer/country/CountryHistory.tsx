import { editionInfo, methodologyBreaks } from '@freedom-ratings/core';
import { HistoryChart } from '../../components/HistoryChart/HistoryChart.js';
import { scoreAxis } from '../../components/HistoryChart/score-axis.js';
import type { EntityHistory } from '../../api/client.js';

const label = (e: number) => editionInfo(e)?.label ?? String(e);

/** Ratings and status since the entity's first edition, and scores since FIW 2003, with every break marked. */
export function CountryHistory({ history, current }: { history: EntityHistory; current: number }) {
  const entries = history.history;
  if (entries.length === 0) return null;
  const from = entries[0]!.edition.edition;
  const to = entries.at(-1)!.edition.edition;
  const breaks = methodologyBreaks();
  const point = (value: (f: (typeof entries)[number]['figures']) => number | null) =>
    entries.map((h) => ({ edition: h.edition.edition, value: value(h.figures) }));
  const scored = entries.filter((h) => h.figures.total !== null);
  const name = history.entity.name;
  const since = (p: { edition: number }) => p.edition >= (scored[0]?.edition.edition ?? to);
  return (
    <section class="country-history" aria-labelledby="history-heading">
      <h2 id="history-heading">History</h2>
      <p>
        {`FIW ${label(current)} is the edition shown above. Numbered lines mark methodology breaks: figures on either side of one are not measured the same way.`}
      </p>
      <HistoryChart
        id="history-ratings"
        title={`${name}: ratings and status, FIW ${label(from)}–${label(to)} (1 = most free)`}
        series={[
          { id: 'prRating', label: 'Political Rights rating', points: point((f) => f.prRating) },
          { id: 'clRating', label: 'Civil Liberties rating', points: point((f) => f.clRating) },
        ]}
        axis={{ min: 1, max: 7, invert: true, ticks: [1, 2, 3, 4, 5, 6, 7], label: 'Rating' }}
        from={from}
        to={to}
        breaks={breaks}
        statuses={entries.map((h) => ({ edition: h.edition.edition, status: h.figures.status }))}
        editionLabel={label}
      />
      {scored.length > 0 && (
        <HistoryChart
          id="history-scores"
          title={`${name}: scores, FIW ${label(scored[0]!.edition.edition)}–${label(to)}`}
          series={[
            { id: 'total', label: 'Total (0–100)', points: point((f) => f.total).filter(since) },
            { id: 'pr', label: 'Political Rights (0–40)', points: point((f) => f.pr).filter(since) },
            { id: 'cl', label: 'Civil Liberties (0–60)', points: point((f) => f.cl).filter(since) },
          ]}
          axis={scoreAxis(
            scored.flatMap((h) => [h.figures.total, h.figures.pr, h.figures.cl]),
            100,
          )}
          from={scored[0]!.edition.edition}
          to={to}
          breaks={breaks}
          editionLabel={label}
        />
      )}
    </section>
  );
}
