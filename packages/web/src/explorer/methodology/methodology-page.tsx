import { ApiError } from '../../api/transport.js';
import { definePage } from '../../app/page.js';
import { MethodologyPage, type MethodologyPageData } from './MethodologyPage.js';
import { methodologyPageData } from './methodology-page-data.js';

/**
 * `/methodology?edition=`: built from core's methodology data, so it needs
 * the API only to default to the newest published edition.
 */
export const methodologyPage = definePage<'methodology', MethodologyPageData>({
  async load(api, view) {
    let edition = view.edition;
    if (edition === null) {
      // Without an answer from the API, the newest built-in rules are still worth showing.
      edition = await api.editions().then(
        ({ editions }) => editions.at(-1)?.edition ?? null,
        () => null,
      );
    }
    const data = methodologyPageData(edition === null ? null : String(edition));
    if (!data) throw new ApiError(404, 'not-found', `There is no edition ${view.edition} with built-in rules.`);
    return data;
  },
  head: (_view, { info }) => ({
    title: `Methodology: Freedom in the World ${info.label} — Freedom Ratings`,
    description: `The rules of FIW ${info.label}: checklist, rating bands, status rule, discretionary questions, electoral democracy, trend arrows and what changed from the edition before.`,
  }),
  Page: ({ data }) => <MethodologyPage {...data} />,
});
