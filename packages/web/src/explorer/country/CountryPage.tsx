import {
  formatFreedomRating,
  formatScore,
  layoutForEdition,
  showsAggregateIn2014Layout,
  type ReportBlock,
} from '@freedom-ratings/core';
import { StatusBadge } from '../../components/StatusBadge/StatusBadge.js';
import { ViewForm } from '../../components/ViewForm/ViewForm.js';
import { editionName } from '../../app/editions.js';
import { hrefOf, type CountryView } from '../../app/url-state.js';
import type { CountryReport, EntityHistory, Erratum } from '../../api/client.js';
import { classicReportBlocks } from './classic-report.js';
import { CountryHistory } from './CountryHistory.js';
import { Corrections } from './Corrections.js';
import { EditionPair } from './EditionPair.js';
import { IndexReport } from './IndexReport.js';

export interface CountryPageData {
  history: EntityHistory;
  report: CountryReport;
  /** The edition shown beside it (`?vs=`), when asked for and published. */
  vs: CountryReport | null;
  /** Why the `vs` edition asked for cannot be shown, in words. */
  vsProblem: string | null;
  /** Every correction to the entity's published figures and texts, in any edition. */
  errata: readonly Erratum[];
}

/** One block of core's era layout as markup; the text is core's, line for line. */
function Block({ block }: { block: ReportBlock }) {
  switch (block.role) {
    case 'title':
      return <h1 class="classic-report__title">{block.lines[0]}</h1>;
    case 'figures':
      return (
        <table class="classic-report__figures">
          <caption>Status, ratings and scores</caption>
          <tbody>
            {block.rows.map((r) => (
              <tr key={r.label}>
                <th scope="row">{r.label}</th>
                <td>{r.value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      );
    case 'heading': {
      const H = `h${block.level}` as 'h2' | 'h3' | 'h4';
      return (
        <H id={block.id && `report-${block.id}`}>
          {block.lines.map((l, i) => (
            <span key={i} class="classic-report__line">
              {l}
            </span>
          ))}
        </H>
      );
    }
    case 'bullets':
      return (
        <ul>
          {block.items.map((item, i) => (
            <li key={i}>{item}</li>
          ))}
        </ul>
      );
    case 'legend':
      return (
        <p class="classic-report__legend">
          {block.lines.map((l, i) => (
            <span key={i} class="classic-report__line">
              {l}
            </span>
          ))}
        </p>
      );
    case 'paragraph':
      return <p>{block.lines[0]}</p>;
  }
}

/** The edition switcher: a plain GET form, so it works before (and without) JavaScript. */
function EditionSwitcher({ history, report, vs }: CountryPageData) {
  const editions = [...history.history].reverse();
  return (
    <ViewForm class="country-page__switcher" action={`/country/${report.entity.id}`}>
      <label for="country-edition">Edition</label>
      <select id="country-edition" name="edition" value={String(report.edition.edition)}>
        {editions.map((h) => (
          <option key={h.edition.edition} value={String(h.edition.edition)}>
            {editionName(h.edition)}
          </option>
        ))}
      </select>
      {vs && <input type="hidden" name="vs" value={String(vs.edition.edition)} />}
      <button type="submit">Show</button>
    </ViewForm>
  );
}

/**
 * The status as a badge, and the figures this era's layout does not print
 * (the 2020 layout has no 1–7 ratings; the 2014 layout no total before FIW
 * 2016), so every edition's page carries status, Freedom Rating and both ratings.
 */
function KeyFigures({ report }: { report: CountryReport }) {
  const f = report.figures;
  const layout = layoutForEdition(report.edition.edition);
  const items: [string, string][] = [];
  if (f.total !== null && layout === '2014' && !showsAggregateIn2014Layout(report.edition.edition))
    items.push(['Total score', `${formatScore(f.total)} / 100`]);
  if (layout === '2020')
    items.push(
      ['Freedom Rating', `${formatFreedomRating(f.freedomRating)} (1 = most free)`],
      ['Political Rights rating', String(f.prRating)],
      ['Civil Liberties rating', String(f.clRating)],
    );
  return (
    <dl class="key-figures">
      <div>
        <dt>Status</dt>
        <dd>
          <StatusBadge status={f.status} />
        </dd>
      </div>
      {items.map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}

/** How far each figure is from the next rating and status, in the engine's words (core's `explain`). */
function Distances({ report }: { report: CountryReport }) {
  const e = report.explanation;
  const lines = [e.pr, e.cl, e.status, e.electoralDemocracy].filter((l): l is string => l !== null);
  return (
    <section class="country-page__distances" aria-labelledby="distances-heading">
      <h2 id="distances-heading">How close to the next rating and status</h2>
      <ul>
        {lines.map((l) => (
          <li key={l}>{l}</li>
        ))}
      </ul>
      {report.trendArrow.arrow && (
        <p>
          {`Trend arrow ${report.trendArrow.arrow === 'up' ? '↑ (upward)' : '↓ (downward)'}: `}
          {report.trendArrow.valid === false ? 'not allowed by this edition’s rule — ' : ''}
          {report.trendArrow.reason}.
        </p>
      )}
    </section>
  );
}

/**
 * The page of an edition scored with another methodology than FIW's: its own
 * categories (`IndexReport`); FIW's era layout, history charts and side-by-side
 * comparison read PR and CL, so they are not shown for it.
 */
function IndexCountryPage(data: CountryPageData) {
  const { report } = data;
  return (
    <div class="country-page">
      <header class="country-page__header">
        <h1 class="classic-report__title">{`${report.entity.name}, ${editionName(report.edition)}`}</h1>
        <p class="country-page__meta">
          {`${report.entity.kind === 'territory' ? 'Territory' : 'Country'}`}
          {report.region ? ` · ${report.region}` : ''}
          {` · period under review ${report.edition.periodStart} to ${report.edition.periodEnd}`}
        </p>
        <EditionSwitcher {...data} />
      </header>
      <IndexReport report={report} />
      <p class="country-page__source">{report.source}</p>
    </div>
  );
}

/**
 * `/country/{slug}?edition=&vs=`: the report in its era's classic layout,
 * the distances to the next rating and status, the history since 1973 with
 * methodology breaks, and any two editions side by side.
 */
export function CountryPage({ view, ...data }: CountryPageData & { view: CountryView }) {
  const { history, report, vs, vsProblem } = data;
  if (report.figures.categories) return <IndexCountryPage {...data} />;
  const previous = report.change
    ? (history.history.find((h) => h.edition.edition === report.change!.fromEdition) ?? null)
    : null;
  const blocks = classicReportBlocks(report, previous);
  const title = blocks.find((b) => b.role === 'title');
  const rest = blocks.filter((b) => b.role !== 'title');
  // The distances follow the header figures, before the notes and the body.
  const cut = rest.findIndex((b) => b.role === 'figures') + 1;
  return (
    <div class="country-page">
      <header class="country-page__header">
        {title ? (
          <Block block={title} />
        ) : (
          <h1 class="classic-report__title">{`${report.entity.name}, FIW ${report.edition.label}`}</h1>
        )}
        <p class="country-page__meta">
          {`${report.entity.kind === 'territory' ? 'Territory' : 'Country'}`}
          {report.region ? ` · ${report.region}` : ''}
          {` · period under review ${report.edition.periodStart} to ${report.edition.periodEnd}`}
        </p>
        <KeyFigures report={report} />
        <EditionSwitcher {...data} />
      </header>
      <article class="classic-report" aria-label={`Report, FIW ${report.edition.label}`}>
        {rest.slice(0, cut).map((b, i) => (
          <Block key={i} block={b} />
        ))}
        <Distances report={report} />
        {rest.slice(cut).map((b, i) => (
          <Block key={cut + i} block={b} />
        ))}
      </article>
      <CountryHistory history={history} current={report.edition.edition} />
      <EditionPair
        history={history}
        report={report}
        vs={vs}
        problem={vsProblem}
        changedOnly={view.changed}
        changedHref={(changed) => hrefOf({ ...view, changed })}
      />
      <Corrections errata={data.errata} name={report.entity.name} />
      <p class="country-page__source">{report.source}</p>
    </div>
  );
}
