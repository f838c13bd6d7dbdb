import { definePage } from '../../app/page.js';

/** Placeholder until the comparison page lands. */
export const comparePage = definePage<'compare', null>({
  load: async () => null,
  head: () => ({ title: 'Compare — Freedom Ratings', description: 'Several countries and territories over time.' }),
  Page: () => <h1>Compare</h1>,
});
