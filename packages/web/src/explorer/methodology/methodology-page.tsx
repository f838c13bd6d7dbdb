import { editionInfoForOpening, methodologyFor, type Methodology } from '@freedom-ratings/core';
import type { Api } from '../../api/client.js';
import { ApiError } from '../../api/transport.js';
import { definePage } from '../../app/page.js';
import { MethodologyPage, type MethodologyPageData } from './MethodologyPage.js';
import { methodologyPageData } from './methodology-page-data.js';

/**
 * A published edition scored with a methodology other than its built-in one
 * (FIW 2027 from `fiw methodology new`, an organisation's own index): its
 * file from the API, with the edition's label and period as published.
 */
async function loadedMethodology(api: Api, edition: number): Promise<MethodologyPageData | null> {
  const published = await api.editions().then(
    ({ editions }) => editions.find((e) => e.edition === edition),
    () => undefined,
  );
  if (!published || methodologyFor(edition)?.id === published.methodology) return null;
  const methodology = (await api.methodology(edition)) as Methodology;
  const info = editionInfoForOpening(edition) ?? {
    edition,
    label: published.label,
    periodStart: published.periodStart,
    periodEnd: published.periodEnd,
    yearUnderReview: published.yearUnderReview,
  };
  return { info: { ...info, label: published.label }, methodology, previous: null };
}

/**
 * `/methodology?edition=`: built from core's methodology data, so it needs
 * the API only to default to the newest published edition, and for an
 * edition scored with a loaded methodology file.
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
    const loaded = edition === null ? null : await loadedMethodology(api, edition);
    const data = loaded ?? methodologyPageData(edition === null ? null : String(edition));
    if (!data) throw new ApiError(404, 'not-found', `There is no edition ${view.edition} with built-in rules.`);
    return data;
  },
  head: (_view, { info, methodology }) => ({
    title: `Methodology: ${methodology.id.startsWith('fiw-') ? `Freedom in the World ${info.label}` : `${methodology.name}, ${info.label}`} — Freedom Ratings`,
    description: `The rules of FIW ${info.label}: checklist, rating bands, status rule, discretionary questions, electoral democracy, trend arrows and what changed from the edition before.`,
  }),
  Page: ({ data }) => <MethodologyPage {...data} />,
});
