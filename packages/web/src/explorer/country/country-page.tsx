import { editionInfo } from '@freedom-ratings/core';
import { ApiError } from '../../api/transport.js';
import { definePage } from '../../app/page.js';
import { CountryPage, type CountryPageData } from './CountryPage.js';
import { countryPageHead } from './page-head.js';

const label = (e: number) => editionInfo(e)?.label ?? String(e);

/**
 * `/country/{slug}?edition=&vs=`. An unknown entity, or an edition the
 * entity was not published in, is a 404 naming what exists; a `vs` edition
 * that does not exist is said beside the comparison, the report still shown.
 */
export const countryPage = definePage<'country', CountryPageData>({
  async load(api, view) {
    const history = await api.history(view.slug);
    const published = history.history.map((h) => h.edition.edition);
    const edition = view.edition ?? published.at(-1)!;
    const range = `FIW ${label(published[0]!)}–${label(published.at(-1)!)}`;
    if (!published.includes(edition))
      throw new ApiError(
        404,
        'not-found',
        `${history.entity.name} has no published report in edition ${edition}. Its published editions run ${range}.`,
      );
    const vsOk = view.vs !== null && view.vs !== edition && published.includes(view.vs);
    const [report, vs, { errata }] = await Promise.all([
      api.report(view.slug, edition),
      vsOk ? api.report(view.slug, view.vs!) : Promise.resolve(null),
      api.entityErrata(view.slug),
    ]);
    const vsProblem =
      view.vs !== null && !vsOk
        ? view.vs === edition
          ? `FIW ${label(edition)} is the edition shown; choose another to compare with.`
          : `${history.entity.name} has no published report in edition ${view.vs} to compare with (${range}).`
        : null;
    return { history, report, vs, vsProblem, errata };
  },
  head: (_view, data) => countryPageHead(data.report),
  Page: ({ view, data }) => <CountryPage view={view} {...data} />,
});
