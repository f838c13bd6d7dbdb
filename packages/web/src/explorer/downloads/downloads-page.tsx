import { definePage } from '../../app/page.js';

/** Placeholder until the downloads page lands. */
export const downloadsPage = definePage<'downloads', null>({
  load: async () => null,
  head: () => ({ title: 'Downloads — Freedom Ratings', description: 'Every published release in every format.' }),
  Page: () => <h1>Downloads</h1>,
});
