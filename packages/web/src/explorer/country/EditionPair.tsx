import { editionInfo } from '@freedom-ratings/core';
import { ViewForm } from '../../components/ViewForm/ViewForm.js';
import type { CountryReport, EntityHistory } from '../../api/client.js';
import { changedRows, editionPairRows, type PairRow } from './edition-pair.js';

const label = (e: number) => editionInfo(e)?.label ?? String(e);

const DIRECTION_WORD = { improved: 'better', declined: 'worse', unchanged: 'same' } as const;

function Change({ row }: { row: PairRow }) {
  if (row.change === null) return <td>–</td>;
  const word = row.direction ? DIRECTION_WORD[row.direction] : '';
  const text = row.change === row.direction || row.direction === 'unchanged' ? row.change : `${row.change} (${word})`;
  return <td class={row.direction ? `change change--${row.direction}` : 'change'}>{text}</td>;
}

function Texts({ row, earlier, later }: { row: PairRow; earlier: string; later: string }) {
  if (row.earlierText.length === 0 && row.laterText.length === 0) return null;
  return (
    <tr class="pair__texts">
      <td colSpan={4}>
        <details>
          <summary>{`Texts for ${row.code}`}</summary>
          <div class="pair__text-columns">
            <div>
              <h4>{`FIW ${earlier}`}</h4>
              {row.earlierText.length ? row.earlierText.map((t, i) => <p key={i}>{t}</p>) : <p>No text.</p>}
            </div>
            <div>
              <h4>{`FIW ${later}`}</h4>
              {row.laterText.length ? row.laterText.map((t, i) => <p key={i}>{t}</p>) : <p>No text.</p>}
            </div>
          </div>
        </details>
      </td>
    </tr>
  );
}

/**
 * Two editions side by side (`?vs=`), indicator by indicator where both
 * have indicators, with each edition's text for it, and optionally only the
 * figures that changed (`changed=1`). The choice of edition is a GET form
 * and the filter a link, so both work without JavaScript.
 */
export function EditionPair({
  history,
  report,
  vs,
  problem,
  changedOnly,
  changedHref,
}: {
  history: EntityHistory;
  report: CountryReport;
  vs: CountryReport | null;
  problem: string | null;
  changedOnly: boolean;
  /** The address of this page with the filter on or off. */
  changedHref: (changedOnly: boolean) => string;
}) {
  const others = [...history.history].reverse().filter((h) => h.edition.edition !== report.edition.edition);
  const all = vs ? editionPairRows(report, vs) : [];
  const changed = changedRows(all);
  const rows = changedOnly ? changed : all;
  const [a, b] = vs
    ? [Math.min(report.edition.edition, vs.edition.edition), Math.max(report.edition.edition, vs.edition.edition)]
    : [0, 0];
  return (
    <section class="pair" aria-labelledby="pair-heading">
      <h2 id="pair-heading">{vs ? `FIW ${label(a)} and FIW ${label(b)} side by side` : 'Compare two editions'}</h2>
      {problem && (
        <p class="pair__problem" role="alert">
          {problem}
        </p>
      )}
      <ViewForm class="pair__form" action={`/country/${report.entity.id}`}>
        <input type="hidden" name="edition" value={String(report.edition.edition)} />
        {changedOnly && <input type="hidden" name="changed" value="1" />}
        <label for="pair-vs">{`Compare FIW ${report.edition.label} with`}</label>
        <select id="pair-vs" name="vs" value={vs ? String(vs.edition.edition) : ''}>
          {!vs && <option value="">Choose an edition</option>}
          {others.map((h) => (
            <option key={h.edition.edition} value={String(h.edition.edition)}>
              {`FIW ${h.edition.label}`}
            </option>
          ))}
        </select>
        <button type="submit">Compare</button>
      </ViewForm>
      {all.length > 0 && (
        <p class="pair__filter">
          {changedOnly
            ? `Showing the ${changed.length} of ${all.length} figures that changed. `
            : `Showing all ${all.length} figures, ${changed.length} of them changed. `}
          <a href={changedHref(!changedOnly)}>
            {changedOnly ? 'Show all figures' : 'Show only the figures that changed'}
          </a>
        </p>
      )}
      {all.length > 0 && rows.length === 0 && (
        <p class="pair__nothing">{`No figure changed between FIW ${label(a)} and FIW ${label(b)}.`}</p>
      )}
      {vs && rows.length > 0 && (
        <div class="table-scroll" role="region" aria-label="Editions side by side" tabIndex={0}>
          <table class="pair__table">
            <caption>{`${report.entity.name}: FIW ${label(a)} → FIW ${label(b)}; change is the later minus the earlier edition, positive is better for scores`}</caption>
            <thead>
              <tr>
                <th scope="col">Figure</th>
                <th scope="col">{`FIW ${label(a)}`}</th>
                <th scope="col">{`FIW ${label(b)}`}</th>
                <th scope="col">Change</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => [
                <tr key={row.code} class={`pair__row pair__row--${row.level}`} id={`pair-${row.code}`}>
                  <th scope="row">{row.label}</th>
                  <td>{row.earlier ?? '–'}</td>
                  <td>{row.later ?? '–'}</td>
                  <Change row={row} />
                </tr>,
                <Texts key={`${row.code}-texts`} row={row} earlier={label(a)} later={label(b)} />,
              ])}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
