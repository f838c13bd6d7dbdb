import { metricDefinition } from '@freedom-ratings/core';
import { ApiError } from '../../api/transport.js';
import { definePage } from '../../app/page.js';
import { ComparePage, type ComparePageData } from './ComparePage.js';

/** `/compare?entities=&metric=&edition=`: an entity without published data is a 404 that names it. */
export const comparePage = definePage<'compare', ComparePageData>({
  async load(api, view) {
    const [histories, list] = await Promise.all([
      Promise.all(
        view.entities.map((slug) =>
          api.history(slug).catch((e: unknown) => {
            if (e instanceof ApiError && e.status === 404)
              throw new ApiError(404, 'not-found', `No published data for “${slug}”, so it cannot be compared.`);
            throw e;
          }),
        ),
      ),
      api.searchEntities({}),
    ]);
    return {
      histories,
      metric: metricDefinition(view.metric)!,
      edition: view.edition,
      choices: list.entities.map((e) => ({ id: e.id, name: e.name })),
    };
  },
  head: (_view, { histories, metric }) => {
    const names = histories.map((h) => h.entity.name);
    return {
      title: names.length
        ? `${names.join(', ')}: ${metric.label} — Compare — Freedom Ratings`
        : 'Compare — Freedom Ratings',
      description: names.length
        ? `${metric.label} of ${names.join(', ')} over time, and by subcategory. Source: Freedom House, Freedom in the World.`
        : 'Several countries and territories over time on one chart, and by subcategory for one edition.',
    };
  },
  Page: ({ data }) => <ComparePage {...data} />,
});
