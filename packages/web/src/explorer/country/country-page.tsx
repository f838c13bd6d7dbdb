import { STATUS_NAMES } from '@freedom-ratings/core';
import type { CountryReport, PublishedEdition } from '../../api/client.js';
import { chooseEdition, editionName } from '../../app/editions.js';
import { definePage } from '../../app/page.js';

interface CountryData {
  edition: PublishedEdition;
  report: CountryReport;
}

/** Placeholder until the country page lands: the report's headline figures. */
export const countryPage = definePage<'country', CountryData>({
  async load(api, view) {
    const { current } = await chooseEdition(api, view.edition);
    return { edition: current, report: await api.report(view.slug, current.edition) };
  },
  head(_view, { edition, report }) {
    const f = report.figures;
    const status = f.status ? STATUS_NAMES[f.status] : 'Status not determined';
    const score = f.total !== null ? `${f.total}/100` : `Freedom Rating ${f.freedomRating}`;
    return {
      title: `${report.entity.name} — ${status}, ${score} (${editionName(edition)})`,
      description: `${report.entity.name} in Freedom in the World ${edition.label}: ${status}, ${score}.`,
    };
  },
  Page({ data: { edition, report } }) {
    return (
      <article>
        <h1>
          {report.entity.name} <small>{editionName(edition)}</small>
        </h1>
        <p>{report.figures.status ? STATUS_NAMES[report.figures.status] : 'Status not determined'}</p>
      </article>
    );
  },
});
