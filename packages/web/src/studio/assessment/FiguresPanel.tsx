import { Fragment } from 'preact';
import { CATEGORIES, STATUS_NAMES, SUBCATEGORIES, SUBCATEGORY_CODES } from '@freedom-ratings/core';
import type { LiveFigures } from './live-figures.js';

const signed = (n: number | null | undefined) =>
  n === null || n === undefined ? '' : n > 0 ? ` (+${n})` : n < 0 ? ` (−${-n})` : ' (0)';

/**
 * The derived figures of what is on screen, recomputed by core on every
 * change: subcategories, PR, CL, total, ratings, Freedom Rating, status,
 * change from last edition and the distance to the next rating and status.
 */
export function FiguresPanel({ live, previousEdition }: { live: LiveFigures; previousEdition: number | null }) {
  const f = live.figures;
  if (!f) {
    return (
      <section class="figures-panel" aria-labelledby="figures-heading">
        <h2 id="figures-heading">Figures</h2>
        <p>Cannot be scored yet: {live.problems.find((p) => p.severity === 'error')?.message ?? 'scores missing'}.</p>
      </section>
    );
  }
  const c = live.changes;
  return (
    <section class="figures-panel" aria-labelledby="figures-heading">
      <h2 id="figures-heading">
        Figures <span class="subtle">{previousEdition ? `(change from ${previousEdition})` : ''}</span>
      </h2>
      <p class="figures-summary" aria-live="polite" data-testid="live-summary">
        <strong>{f.status ? STATUS_NAMES[f.status] : 'Status not determined'}</strong> · Total{' '}
        <span data-figure="total">{f.total ?? '—'}</span>/100{signed(c?.total)} · Freedom Rating{' '}
        <span data-figure="freedomRating">{f.freedomRating.toFixed(1)}</span>
      </p>
      <dl class="figures-grid">
        <dt>{CATEGORIES.PR.name}</dt>
        <dd>
          <span data-figure="pr">{f.pr ?? '—'}</span>/{CATEGORIES.PR.max}
          {signed(c?.pr)} · rating <span data-figure="prRating">{f.prRating}</span>
        </dd>
        <dt>{CATEGORIES.CL.name}</dt>
        <dd>
          <span data-figure="cl">{f.cl ?? '—'}</span>/{CATEGORIES.CL.max}
          {signed(c?.cl)} · rating <span data-figure="clRating">{f.clRating}</span>
        </dd>
        {f.subcategories &&
          SUBCATEGORY_CODES.map((code) => (
            <Fragment key={code}>
              <dt>
                {code}. {SUBCATEGORIES[code].name}
              </dt>
              <dd>
                <span data-figure={code}>{f.subcategories![code]}</span>/{SUBCATEGORIES[code].max}
                {signed(c?.subcategories[code])}
              </dd>
            </Fragment>
          ))}
      </dl>
      {c &&
        (c.prRating.direction !== 'unchanged' ||
          c.clRating.direction !== 'unchanged' ||
          c.status?.direction !== 'unchanged') && (
          <p class="figures-change">
            {c.prRating.direction !== 'unchanged' && `PR rating ${c.prRating.from} → ${c.prRating.to}. `}
            {c.clRating.direction !== 'unchanged' && `CL rating ${c.clRating.from} → ${c.clRating.to}. `}
            {c.status &&
              c.status.direction !== 'unchanged' &&
              `Status ${STATUS_NAMES[c.status.from]} → ${STATUS_NAMES[c.status.to]}.`}
          </p>
        )}
      {live.explanation && (
        <ul class="figures-distance">
          {live.explanation.pr && <li>{live.explanation.pr.text}</li>}
          {live.explanation.cl && <li>{live.explanation.cl.text}</li>}
          <li>{live.explanation.status.text}</li>
        </ul>
      )}
    </section>
  );
}
