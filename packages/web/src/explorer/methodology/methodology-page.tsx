import { definePage } from '../../app/page.js';

/** Placeholder until the methodology page lands. */
export const methodologyPage = definePage<'methodology', null>({
  load: async () => null,
  head: () => ({ title: 'Methodology — Freedom Ratings', description: 'The rules of each edition.' }),
  Page: () => <h1>Methodology</h1>,
});
