import { formatFreedomRating, formatScore, NARRATIVE_SECTION_NAMES } from '@freedom-ratings/core';
import { StatusBadge } from '../../components/StatusBadge/StatusBadge.js';
import type { CountryReport } from '../../api/client.js';

type Category = NonNullable<CountryReport['figures']['categories']>[number];

/** The maximum of a methodology's total: its categories' maxima added up. */
export const totalMaximum = (categories: readonly Category[]) => categories.reduce((sum, c) => sum + c.max, 0);

/**
 * The report of an edition scored with another methodology than FIW's two
 * categories (a loaded file: five categories, 0–10 scales, a status from the
 * total): its categories, subcategories and indicators in the file's own
 * codes and names, each score of its maximum and each category's rating, as
 * the server's engine (`scoreIndex`) gave them. FIW's era layouts do not apply.
 */
export function IndexReport({ report }: { report: CountryReport }) {
  const f = report.figures;
  const categories = f.categories ?? [];
  const e = report.explanation;
  const lines = [...(e.categories ?? []), e.status, e.electoralDemocracy];
  return (
    <article class="index-report" aria-label={`Report, ${report.edition.label}`}>
      <dl class="key-figures">
        <div>
          <dt>Status</dt>
          <dd>
            <StatusBadge status={f.status} />
          </dd>
        </div>
        {f.total !== null && (
          <div>
            <dt>Total score</dt>
            <dd>{`${formatScore(f.total)} / ${totalMaximum(categories)}`}</dd>
          </div>
        )}
        <div>
          <dt>Mean rating</dt>
          <dd>{`${formatFreedomRating(f.freedomRating)} (1 = most free)`}</dd>
        </div>
      </dl>
      <table class="classic-report__figures index-report__categories">
        <caption>{`Categories of ${report.edition.methodology}`}</caption>
        <thead>
          <tr>
            <th scope="col">Category</th>
            <th scope="col">Score</th>
            <th scope="col">Rating</th>
          </tr>
        </thead>
        <tbody>
          {categories.map((c) => (
            <tr key={c.code} id={`category-${c.code.toLowerCase()}`}>
              <th scope="row">{`${c.code} ${c.name}`}</th>
              <td>{`${c.score === null ? '—' : formatScore(c.score)} / ${c.max}`}</td>
              <td>{String(c.rating)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <section aria-labelledby="index-distances-heading">
        <h2 id="index-distances-heading">How close to the next rating and status</h2>
        <ul>
          {lines.map((l) => (
            <li key={l}>{l}</li>
          ))}
        </ul>
      </section>
      {categories.map((c) => (
        <section key={c.code} aria-labelledby={`index-${c.code.toLowerCase()}`}>
          <h2 id={`index-${c.code.toLowerCase()}`}>{`${c.name}: ${c.score ?? '—'} / ${c.max}`}</h2>
          {c.subcategories.map((s) => (
            <div key={s.code}>
              <h3>{`${s.code}. ${s.name}: ${s.score ?? '—'} / ${s.max}`}</h3>
              <ul>
                {s.indicators.map((i) => (
                  <li key={i.code}>{`${i.code} ${i.name}: ${i.score ?? '—'} / ${i.max}`}</li>
                ))}
              </ul>
            </div>
          ))}
        </section>
      ))}
      {report.narratives.map((n) => (
        <section key={`${n.section}-${n.code}`}>
          <h2>{`${NARRATIVE_SECTION_NAMES[n.section].fh ?? n.section}${n.code ? ` ${n.code}` : ''}`}</h2>
          <p>{n.body}</p>
        </section>
      ))}
    </article>
  );
}
