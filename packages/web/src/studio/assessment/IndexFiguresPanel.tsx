import { Fragment } from 'preact';
import { explainIndex, STATUS_NAMES, type IndexScored, type Methodology } from '@freedom-ratings/core';

/**
 * The live figures of an assessment of another index than FIW's, from core's
 * `assessIndex` on what is on screen: each category's score and rating, the
 * total, the mean rating, the status and, in words, how far each is from the
 * next band.
 */
export function IndexFiguresPanel({ live, methodology }: { live: IndexScored; methodology: Methodology }) {
  const f = live.figures;
  if (!f) {
    return (
      <section class="figures-panel" aria-labelledby="figures-heading">
        <h2 id="figures-heading">Figures</h2>
        <p>Cannot be scored yet: {live.problems[0]?.message ?? 'scores missing'}.</p>
      </section>
    );
  }
  const max = methodology.categories.reduce((sum, c) => sum + c.max, 0);
  const explanation = explainIndex(f, methodology);
  return (
    <section class="figures-panel" aria-labelledby="figures-heading">
      <h2 id="figures-heading">Figures</h2>
      <p class="figures-summary" aria-live="polite" data-testid="live-summary">
        <strong>{f.status ? STATUS_NAMES[f.status] : 'Status not determined'}</strong> · Total{' '}
        <span data-figure="total">{f.total ?? '—'}</span>/{max} · mean rating{' '}
        <span data-figure="freedomRating">{f.freedomRating.toFixed(1)}</span>
      </p>
      <dl class="figures-grid">
        {methodology.categories.map((c, i) => (
          <Fragment key={c.code}>
            <dt>
              {c.code} {c.name}
            </dt>
            <dd>
              <span data-figure={c.code}>{f.categories[i]?.score ?? '—'}</span>/{c.max} · rating{' '}
              <span data-figure={`${c.code}-rating`}>{f.categories[i]?.rating}</span>
            </dd>
          </Fragment>
        ))}
      </dl>
      <ul class="figures-distance">
        {explanation.categories.map((text, i) => (
          <li key={i}>{text}</li>
        ))}
        <li>{explanation.status}</li>
      </ul>
    </section>
  );
}
